import { creditCodeCheckChar } from '../../modules/orgs';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A fictitious but check-valid credit code: 91 (enterprise) + 500105 (Jiangbei) + 9 derived chars. */
export function demoCreditCode(seed: string): string {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  let body = '';
  for (let i = 0; i < 9; i++) {
    body += ALPHABET[(h >>> (i * 3)) % 31];
    h = Math.imul(h ^ i, 2654435761) >>> 0;
  }
  const first17 = `91500105${body}`;
  return first17 + creditCodeCheckChar(first17);
}
