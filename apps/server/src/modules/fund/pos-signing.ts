import crypto from 'node:crypto';

/**
 * POS request signing, contract v1 (docs/pos-contract.md). Pure functions, no database: the
 * server, the CLI simulator, the benchmark and the e2e tests all sign with this one file.
 *
 * canonical = METHOD \n PATH \n TIMESTAMP \n NONCE \n hex(SHA-256(body))
 * signature = hex(HMAC-SHA256(secret, canonical))
 */
export const POS_SIGNATURE_VERSION = 'v1';
/** A request's timestamp may be at most this far from the server's clock. */
export const POS_CLOCK_SKEW_SECONDS = 300;

export type PosSignInput = {
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

export type PosHeaders = {
  'x-pos-key-id': string;
  'x-pos-timestamp': string;
  'x-pos-nonce': string;
  'x-pos-signature': string;
};

export function sha256Hex(body: string | Buffer): string {
  return crypto.createHash('sha256').update(body).digest('hex');
}

export function canonicalPosString(method: string, path: string, timestamp: string, nonce: string, body: string | Buffer): string {
  return [method.toUpperCase(), path, timestamp, nonce, sha256Hex(body)].join('\n');
}

export function computePosSignature(secret: string, canonical: string): string {
  return crypto.createHmac('sha256', secret).update(canonical).digest('hex');
}

/** The four headers a terminal sends with a request. */
export function signPosRequest(input: PosSignInput): PosHeaders {
  const timestamp = String(input.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = input.nonce ?? crypto.randomBytes(12).toString('base64url');
  const signature = computePosSignature(input.secret, canonicalPosString(input.method, input.path, timestamp, nonce, input.body));
  return {
    'x-pos-key-id': input.keyId,
    'x-pos-timestamp': timestamp,
    'x-pos-nonce': nonce,
    'x-pos-signature': signature,
  };
}

/** A new key pair for a terminal: the id is public, the secret is shown once. */
export function generateTerminalKey(): { keyId: string; secret: string } {
  return {
    keyId: `pk_${crypto.randomBytes(9).toString('base64url')}`,
    secret: `psk_${crypto.randomBytes(32).toString('base64url')}`,
  };
}
