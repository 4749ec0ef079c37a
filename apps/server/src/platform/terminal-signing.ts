import crypto from 'node:crypto';

/**
 * Signed machine requests (contract v1, docs/pos-contract.md): the fund's POS terminals and the
 * canteen terminals sign the same way, only their header names differ. Pure functions, no
 * database: servers, simulators, benchmarks and tests all sign with this one file.
 *
 * canonical = METHOD \n PATH \n TIMESTAMP \n NONCE \n hex(SHA-256(body))
 * signature = hex(HMAC-SHA256(secret, canonical))
 */
export const TERMINAL_SIGNATURE_VERSION = 'v1';
/** A request's timestamp may be at most this far from the server's clock. */
export const TERMINAL_CLOCK_SKEW_SECONDS = 300;

/** The header names' prefix of a kind of terminal: `x-pos` gives x-pos-key-id, x-pos-timestamp, x-pos-nonce, x-pos-signature. */
export type TerminalHeaderPrefix = 'x-pos' | 'x-canteen';

export type TerminalSignInput = {
  keyId: string;
  secret: string;
  method: string;
  /** The request path as sent, including any query string (e.g. /api/v1/pos/sales). */
  path: string;
  body: string;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  nonce?: string;
};

export function sha256Hex(body: string | Buffer): string {
  return crypto.createHash('sha256').update(body).digest('hex');
}

export function canonicalTerminalString(method: string, path: string, timestamp: string, nonce: string, body: string | Buffer): string {
  return [method.toUpperCase(), path, timestamp, nonce, sha256Hex(body)].join('\n');
}

export function computeTerminalSignature(secret: string, canonical: string): string {
  return crypto.createHmac('sha256', secret).update(canonical).digest('hex');
}

/** The four headers a terminal sends with a request. */
export function signTerminalRequest<P extends TerminalHeaderPrefix>(prefix: P, input: TerminalSignInput): Record<`${P}-key-id` | `${P}-timestamp` | `${P}-nonce` | `${P}-signature`, string> {
  const timestamp = String(input.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = input.nonce ?? crypto.randomBytes(12).toString('base64url');
  const signature = computeTerminalSignature(input.secret, canonicalTerminalString(input.method, input.path, timestamp, nonce, input.body));
  return { [`${prefix}-key-id`]: input.keyId, [`${prefix}-timestamp`]: timestamp, [`${prefix}-nonce`]: nonce, [`${prefix}-signature`]: signature } as Record<`${P}-key-id` | `${P}-timestamp` | `${P}-nonce` | `${P}-signature`, string>;
}

/** A new key pair for a terminal: the id is public, the secret is shown once. */
export function generateTerminalKeyPair(idPrefix: string, secretPrefix: string): { keyId: string; secret: string } {
  return {
    keyId: `${idPrefix}_${crypto.randomBytes(9).toString('base64url')}`,
    secret: `${secretPrefix}_${crypto.randomBytes(32).toString('base64url')}`,
  };
}
