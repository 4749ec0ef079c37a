import { creditCodeCheckChar } from '@niangjia/contracts/domain';

/** A fresh valid GB 32100 code: 91 (enterprise) + 500105 (Jiangbei) + 9 random organisation-code digits. */
export function makeCreditCode(): string {
  let body = '';
  for (let i = 0; i < 9; i++) body += String(Math.floor(Math.random() * 10));
  const first17 = `91500105${body}`;
  return first17 + creditCodeCheckChar(first17);
}
