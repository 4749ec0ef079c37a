import type { FastifyBaseLogger } from 'fastify';
import { maskPhone } from './logger';

/** Sends one text message. Pluggable: a deployment points `webhook` at its SMS gateway. */
export type SmsSender = {
  name: 'log' | 'webhook' | 'memory';
  send(phone: string, text: string): Promise<void>;
};

/** Demo only: the message goes to the server log (the phone masked). Refused in production. */
export function createLogSmsSender(log: FastifyBaseLogger): SmsSender {
  return {
    name: 'log',
    async send(phone, text) {
      log.warn({ sms: { to: maskPhone(phone) } }, `[开发用短信 dev SMS] ${maskPhone(phone)}: ${text}`);
    },
  };
}

/** POSTs {phone, text} as JSON to the gateway; any non-2xx is a failure the caller reports. */
export function createWebhookSmsSender(url: string, token: string | undefined): SmsSender {
  return {
    name: 'webhook',
    async send(phone, text) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ phone, text }),
        signal: AbortSignal.timeout(5000),
      });
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
    },
  };
}

/** Tests read what would have been sent. */
export type MemorySmsSender = SmsSender & { outbox: { phone: string; text: string }[]; lastCodeFor(phone: string): string | undefined };

export function createMemorySmsSender(): MemorySmsSender {
  const outbox: { phone: string; text: string }[] = [];
  return {
    name: 'memory',
    outbox,
    async send(phone, text) {
      outbox.push({ phone, text });
    },
    lastCodeFor(phone) {
      const message = [...outbox].reverse().find((m) => m.phone === phone);
      return message?.text.match(/\d{6}/)?.[0];
    },
  };
}
