import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptField, encryptField, loadDataKeys, DecryptError } from './pii';

describe('personal data encryption (AES-256-GCM)', () => {
  const dir = '/nonexistent';
  const k1 = crypto.randomBytes(32).toString('base64');
  const k2 = crypto.randomBytes(32).toString('base64');

  it('round-trips, is randomised, and binds the purpose', () => {
    const keys = loadDataKeys({ dataKey: k1, dataDir: dir, allowGenerate: false });
    const a = encryptField(keys, 'person.id_number', '500105199003070011');
    const b = encryptField(keys, 'person.id_number', '500105199003070011');
    expect(a).not.toBe(b);
    expect(a).not.toContain('500105');
    expect(a.split('.')[1]).toBe(keys.current.id);
    expect(decryptField(keys, 'person.id_number', a)).toBe('500105199003070011');
    expect(() => decryptField(keys, 'person.phone', a)).toThrow(DecryptError);
  });

  it('detects tampering and decrypts with previous keys after a rotation', () => {
    const old = loadDataKeys({ dataKey: k1, dataDir: dir, allowGenerate: false });
    const envelope = encryptField(old, 'p', 'secret');
    const body = Buffer.from(envelope.split('.')[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    const tampered = envelope.split('.').slice(0, 3).concat(body.toString('base64url')).join('.');
    expect(() => decryptField(old, 'p', tampered)).toThrow(DecryptError);
    const rotated = loadDataKeys({ dataKey: k2, previous: [k1], dataDir: dir, allowGenerate: false });
    expect(decryptField(rotated, 'p', envelope)).toBe('secret');
    expect(encryptField(rotated, 'p', 'x').split('.')[1]).not.toBe(old.current.id);
    const withoutOld = loadDataKeys({ dataKey: k2, dataDir: dir, allowGenerate: false });
    expect(() => decryptField(withoutOld, 'p', envelope)).toThrow(/unknown data key/);
  });

  it('refuses keys of the wrong length', () => {
    expect(() => loadDataKeys({ dataKey: Buffer.alloc(16).toString('base64'), dataDir: dir, allowGenerate: false })).toThrow(/32 bytes/);
  });
});
