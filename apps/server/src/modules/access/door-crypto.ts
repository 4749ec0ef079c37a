import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The door protocol's cryptography (docs/door-protocol.md, v1). Pure functions shared by the
 * server and the device simulator: code derivation (RFC 4226 dynamic truncation over
 * HMAC-SHA256, like TOTP with 30 s steps) and message signing over a canonical string.
 */

export const CODE_STEP_SECONDS = 30;
export const CODE_DIGITS = 8;

/** A new device secret: 32 random bytes, base64url (43 characters). The HMAC key is its ASCII text. */
export function generateDeviceSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A new device id: "d-" and 12 base32 characters, URL-safe and easy to read aloud. */
export function generateDeviceId(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(12);
  let id = 'd-';
  for (const b of bytes) id += alphabet[b % alphabet.length];
  return id;
}

function truncate(mac: Buffer): string {
  // RFC 4226 §5.3: the low nibble of the last byte picks 4 bytes; drop the sign bit.
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const bin = (((mac[offset] ?? 0) & 0x7f) << 24) | ((mac[offset + 1] ?? 0) << 16) | ((mac[offset + 2] ?? 0) << 8) | (mac[offset + 3] ?? 0);
  return String(bin % 10 ** CODE_DIGITS).padStart(CODE_DIGITS, '0');
}

export function codeStepAt(at: Date | number): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  return Math.floor(ms / 1000 / CODE_STEP_SECONDS);
}

/** The rotating code of a door for a time step: HMAC-SHA256(secret, "code|v1|<deviceId>|<step>"), truncated. */
export function deriveRotatingCode(secret: string, deviceId: string, step: number): string {
  return truncate(createHmac('sha256', secret).update(`code|v1|${deviceId}|${step}`).digest());
}

/** The printed static code of a door: HMAC-SHA256(secret, "static|v1|<deviceId>"), truncated. Changes when the secret rotates. */
export function deriveStaticCode(secret: string, deviceId: string): string {
  return truncate(createHmac('sha256', secret).update(`static|v1|${deviceId}`).digest());
}

export function isSameCode(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Which step of [now - maxBack, now + 1] a rotating code belongs to (one step ahead tolerates a
 * device clock running fast), or null. Newest first, so a fresh code wins over a stale collision.
 */
export function findCodeStep(secret: string, deviceId: string, code: string, now: Date, maxBackSteps: number): number | null {
  const current = codeStepAt(now);
  for (let step = current + 1; step >= current - maxBackSteps; step--) {
    if (isSameCode(deriveRotatingCode(secret, deviceId, step), code)) return step;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Signed messages

export type MessageType = 'unlock' | 'ack' | 'heartbeat' | 'event';

export type DoorMessage = {
  v: 1;
  type: MessageType;
  deviceId: string;
  /** Unique id of this message (uuid); for 'unlock' it is the command id. */
  id: string;
  /** Milliseconds since the Unix epoch (UTC) when the sender signed it. */
  ts: number;
  /** 16+ random hex characters; never reused by a sender. */
  nonce: string;
  body: Record<string, unknown>;
  /** base64url HMAC-SHA256(secret, canonical string). */
  sig: string;
};

/** JSON with object keys sorted at every level, no spaces: the body as signed. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** "niangjia-door|v1|type|deviceId|id|ts|nonce|canonical body" */
export function canonicalString(m: Omit<DoorMessage, 'sig'>): string {
  return ['niangjia-door', `v${m.v}`, m.type, m.deviceId, m.id, String(m.ts), m.nonce, canonicalJson(m.body)].join('|');
}

export function signMessage(secret: string, m: Omit<DoorMessage, 'sig'>): DoorMessage {
  const sig = createHmac('sha256', secret).update(canonicalString(m)).digest('base64url');
  return { ...m, sig };
}

export function isValidSignature(secret: string, m: DoorMessage): boolean {
  const expected = createHmac('sha256', secret).update(canonicalString(m)).digest();
  let given: Buffer;
  try {
    given = Buffer.from(m.sig, 'base64url');
  } catch {
    return false;
  }
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function newNonce(): string {
  return randomBytes(12).toString('hex');
}

/** Builds and signs a message with a fresh nonce. */
export function createMessage(secret: string, fields: { type: MessageType; deviceId: string; id: string; body: Record<string, unknown>; ts?: number }): DoorMessage {
  return signMessage(secret, { v: 1, type: fields.type, deviceId: fields.deviceId, id: fields.id, ts: fields.ts ?? Date.now(), nonce: newNonce(), body: fields.body });
}

// Topics (docs/door-protocol.md). A device may publish only under its own `up/` and read its own `cmd`.
export const TOPIC_ROOT = 'niangjia/v1/doors';
export const commandTopic = (deviceId: string) => `${TOPIC_ROOT}/${deviceId}/cmd`;
export const uplinkTopic = (deviceId: string, kind: 'ack' | 'heartbeat' | 'event') => `${TOPIC_ROOT}/${deviceId}/up/${kind}`;
export const UPLINK_FILTER = `${TOPIC_ROOT}/+/up/+`;

/** The device id and uplink kind of a topic, or null when it is not an uplink topic. */
export function parseUplinkTopic(topic: string): { deviceId: string; kind: 'ack' | 'heartbeat' | 'event' } | null {
  const m = /^niangjia\/v1\/doors\/([a-z0-9-]{4,40})\/up\/(ack|heartbeat|event)$/.exec(topic);
  return m ? { deviceId: m[1]!, kind: m[2] as 'ack' | 'heartbeat' | 'event' } : null;
}
