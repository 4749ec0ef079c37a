import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The server's secret key material: from NIANGJIA_SECRET when set (production), otherwise a key
 * file generated once in the data directory (embedded mode), with a warning at startup.
 */
export type Secrets = { key: Buffer; source: 'env' | 'file' | 'generated' | 'test' };

export function loadSecrets(opts: { secret?: string | undefined; dataDir: string; allowGenerate: boolean }): Secrets {
  if (opts.secret) return { key: crypto.createHash('sha256').update(opts.secret).digest(), source: 'env' };
  const file = path.join(opts.dataDir, 'secret.key');
  if (fs.existsSync(file)) return { key: Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'), source: 'file' };
  if (!opts.allowGenerate) throw new Error('NIANGJIA_SECRET is required (at least 32 characters)');
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600 });
  return { key, source: 'generated' };
}

/** A keyed hash (HMAC-SHA256): lets us find a phone or check a code without storing it. */
export function keyedHash(secrets: Secrets, purpose: string, value: string): string {
  return crypto.createHmac('sha256', secrets.key).update(`${purpose}:${value}`).digest('base64url');
}

export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('base64url');
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
