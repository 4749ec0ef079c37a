import type { FastifyBaseLogger } from 'fastify';
import { maskPhone } from './logger';

/** Sends one text message. Pluggable: a deployment points `webhook` at its SMS gateway. */
export type SmsSender = {
  name: 'log' | 'webhook' | 'memory';
  send(phone: string, text: string): Promise<void>;
};

/**
 * Demo only (refused in production): the message is printed as one plain line on the server's
 * output, where someone trying the demo looks for their code among the JSON log lines
 * ("演示短信 … 短信验证码 123456 …"); the structured log records only that a text went to the
 * masked phone, never its text.
 */
export function createLogSmsSender(log: FastifyBaseLogger, print: (line: string) => void = (line) => process.stdout.write(line)): SmsSender {
  return {
    name: 'log',
    async send(phone, text) {
      print(`\n演示短信 demo SMS → ${maskPhone(phone)}：${text}\n\n`);
      log.info({ sms: { to: maskPhone(phone) } }, 'demo SMS printed on the console');
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
