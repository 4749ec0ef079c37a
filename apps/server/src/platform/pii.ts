import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Encryption of personal data at rest (PIPL art. 51: encryption of sensitive personal
 * information such as ID numbers). AES-256-GCM with a 32-byte data key from NIANGJIA_DATA_KEY;
 * in embedded mode a key file `data-key` is generated in the data directory (with a warning at
 * start-up). Every ciphertext names the key that made it, so keys can rotate: the current key
 * encrypts, previous keys (NIANGJIA_DATA_KEY_PREVIOUS) still decrypt.
 */
export type DataKey = { id: string; key: Buffer };
export type DataKeys = { current: DataKey; byId: Map<string, Buffer>; source: 'env' | 'file' | 'generated' };

const ENVELOPE_VERSION = 'v1';

/** A key's id: a short fingerprint, so no separate key-id setting can get out of step with the key. */
export function dataKeyId(key: Buffer): string {
  return crypto.createHash('sha256').update('niangjia-data-key:').update(key).digest('base64url').slice(0, 8);
}

export function parseDataKey(base64: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new Error('a data key must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)');
  return key;
}

export function loadDataKeys(opts: { dataKey?: string | undefined; previous?: readonly string[]; dataDir: string; allowGenerate: boolean }): DataKeys {
  let key: Buffer;
  let source: DataKeys['source'];
  if (opts.dataKey) {
    key = parseDataKey(opts.dataKey);
    source = 'env';
  } else {
    const file = path.join(opts.dataDir, 'data-key');
    if (fs.existsSync(file)) {
      key = parseDataKey(fs.readFileSync(file, 'utf8'));
      source = 'file';
    } else {
      if (!opts.allowGenerate) throw new Error('NIANGJIA_DATA_KEY is required (32 bytes, base64)');
      fs.mkdirSync(opts.dataDir, { recursive: true });
      key = crypto.randomBytes(32);
      fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600 });
      source = 'generated';
    }
  }
  const current = { id: dataKeyId(key), key };
  const byId = new Map<string, Buffer>([[current.id, key]]);
  for (const old of opts.previous ?? []) {
    const k = parseDataKey(old);
    byId.set(dataKeyId(k), k);
  }
  return { current, byId, source };
}

/**
 * Encrypts one field. `purpose` (e.g. "person.id_number") is bound as associated data, so a
 * ciphertext copied into another column does not decrypt. Envelope: v1.<keyId>.<iv>.<ciphertext+tag>.
 */
export function encryptField(keys: DataKeys, purpose: string, plaintext: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keys.current.key, iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return [ENVELOPE_VERSION, keys.current.id, iv.toString('base64url'), body.toString('base64url')].join('.');
}

export class DecryptError extends Error {}

export function decryptField(keys: DataKeys, purpose: string, envelope: string): string {
  const [version, keyId, ivText, bodyText] = envelope.split('.');
  if (version !== ENVELOPE_VERSION || !keyId || !ivText || !bodyText) throw new DecryptError('not an encrypted field');
  const key = keys.byId.get(keyId);
  if (!key) throw new DecryptError(`unknown data key ${keyId}: add it to NIANGJIA_DATA_KEY_PREVIOUS`);
  const body = Buffer.from(bodyText, 'base64url');
  if (body.length < 16) throw new DecryptError('ciphertext too short');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(ivText, 'base64url'));
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(body.subarray(body.length - 16));
  try {
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new DecryptError('ciphertext was altered or the key is wrong', { cause: error });
  }
}

/** The id of the key an envelope was made with (to find rows that still need re-encryption). */
export function keyIdOf(envelope: string): string | undefined {
  return envelope.split('.')[1];
}
