import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { registerMessages } from '../../platform/i18n';
import { notify } from '../../platform/notifications';
import { appUser } from '../accounts';

registerMessages({
  NOTIFY_BREAKFAST_CARD_ISSUED: ['您的爱心早餐卡已开通', 'Your charity breakfast card is ready'],
  NOTIFY_BREAKFAST_CARD_ISSUED_BODY: ['卡号 {number}，有效期至 {validUntil}。在“我的 ▸ 爱心早餐卡”出示二维码即可领取早餐。', 'Card {number}, valid until {validUntil}. Show its QR code from Me ▸ Breakfast card to take a breakfast.'],
});

/**
 * A card issued to a phone that has a worker account: the worker is told (and by SMS if they chose
 * it). Cards from an .xlsx import keep only the phone's keyed hash, so their holders are not
 * looked up; they find the card under 我的 ▸ 爱心早餐卡 when they sign in.
 */
export async function notifyCardIssued(tx: Db, c: { cardId: string; number: string; validUntil: string; phone: string | null; orgId: string }): Promise<void> {
  if (!c.phone) return;
  const [holder] = await tx
    .select({ id: appUser.id })
    .from(appUser)
    .where(and(eq(appUser.phone, c.phone), eq(appUser.status, 'active')))
    .limit(1);
  if (!holder) return;
  await notify(tx, {
    to: { userIds: [holder.id] },
    kind: 'breakfast_card.issued',
    orgId: c.orgId,
    title: { key: 'NOTIFY_BREAKFAST_CARD_ISSUED' },
    body: { key: 'NOTIFY_BREAKFAST_CARD_ISSUED_BODY', params: { number: c.number, validUntil: c.validUntil } },
    link: '/m/me/breakfast-card',
    entity: { type: 'breakfast_card', id: c.cardId },
    sms: true,
  });
}
