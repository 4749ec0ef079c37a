import type { Db } from '../../db/client';
import { registerMessages } from '../../platform/i18n';
import { notify } from '../../platform/notifications';
import { recipientOf, type EventRecord } from './events.repository';
import { shanghaiText } from './events.time';

registerMessages({
  NOTIFY_EVENT_CONFIRMED: ['报名成功：{title}', 'You are registered: {title}'],
  NOTIFY_EVENT_CONFIRMED_BODY: ['{at}，{place}。入场时出示“我的报名”中的二维码。', '{at}, {place}. Show the QR code under “My registrations” at the door.'],
  NOTIFY_EVENT_WAITING: ['已加入候补名单：{title}', 'You are on the waiting list: {title}'],
  NOTIFY_EVENT_WAITING_BODY: ['您目前排在第 {position} 位，有空位时会通知您。', 'You are number {position}; you will be told when a place frees up.'],
  NOTIFY_EVENT_OFFER: ['候补名额已为您保留：{title}', 'A place is held for you: {title}'],
  NOTIFY_EVENT_OFFER_BODY: ['请在 {until} 前在“我的报名”中确认，逾期名额将让给下一位。', 'Accept it under “My registrations” by {until}; after that it goes to the next person.'],
  NOTIFY_EVENT_OFFER_EXPIRED: ['保留的名额已过期：{title}', 'The held place has expired: {title}'],
  NOTIFY_EVENT_OFFER_EXPIRED_BODY: ['名额保留至 {until}，已让给候补名单中的下一位。', 'It was held until {until} and has gone to the next person on the waiting list.'],
  NOTIFY_EVENT_REMINDER: ['活动提醒：{title}', 'Reminder: {title}'],
  NOTIFY_EVENT_REMINDER_BODY: ['活动将于 {at} 开始，地点：{place}。', 'It starts at {at} at {place}.'],
  NOTIFY_EVENT_CHANGED: ['活动信息有变更：{title}', 'The event has changed: {title}'],
  NOTIFY_EVENT_CHANGED_BODY: ['现在的时间：{at}，地点：{place}。', 'Now: {at}, at {place}.'],
  NOTIFY_EVENT_CANCELLED: ['活动已取消：{title}', 'The event is cancelled: {title}'],
  NOTIFY_EVENT_CANCELLED_BODY: ['取消原因：{reason}', 'Reason: {reason}'],
  NOTIFY_EVENT_REG_CANCELLED: ['您的报名已被取消：{title}', 'Your registration was cancelled: {title}'],
});

/**
 * What the events module tells workers (我的 ▸ 消息, and by SMS to those who chose it), in the
 * caller's transaction: a rolled-back sign-up tells nobody. Everything links to 我的报名.
 */
export type EventNotice =
  | { kind: 'confirmed'; event: EventRecord; registrationId: string }
  | { kind: 'waiting'; event: EventRecord; registrationId: string; position: number }
  | { kind: 'offer'; event: EventRecord; registrationId: string; until: Date }
  | { kind: 'offer_expired'; event: EventRecord; registrationId: string; until: Date }
  | { kind: 'reminder'; event: EventRecord; registrationIds: string[] }
  | { kind: 'changed'; event: EventRecord; registrationIds: string[] }
  | { kind: 'cancelled'; event: EventRecord; registrationIds: string[]; reason: string }
  | { kind: 'registration_cancelled'; event: EventRecord; registrationId: string; reason: string };

export const MY_EVENTS_LINK = '/m/events/mine';

export const placeText = (e: Pick<EventRecord, 'positionName' | 'address'>) => e.positionName ?? e.address ?? '';

export async function tellEvent(tx: Db, n: EventNotice): Promise<number> {
  const ids = 'registrationIds' in n ? n.registrationIds : [n.registrationId];
  const to = await recipientOf(tx, ids);
  if (!to.size) return 0;
  const e = n.event;
  const base = { to: { userIds: [...new Set(to.values())] }, link: MY_EVENTS_LINK, orgId: e.orgId, entity: { type: 'event', id: e.id } };
  const at = shanghaiText(e.startsAt);
  const title = { title: e.title };
  switch (n.kind) {
    case 'confirmed':
      await notify(tx, {
        ...base,
        kind: 'event.confirmed',
        title: { key: 'NOTIFY_EVENT_CONFIRMED', params: title },
        body: { key: 'NOTIFY_EVENT_CONFIRMED_BODY', params: { at, place: placeText(e) } },
      });
      break;
    case 'waiting':
      await notify(tx, { ...base, kind: 'event.waiting', title: { key: 'NOTIFY_EVENT_WAITING', params: title }, body: { key: 'NOTIFY_EVENT_WAITING_BODY', params: { position: n.position } } });
      break;
    case 'offer':
      await notify(tx, {
        ...base,
        kind: 'event.offer',
        title: { key: 'NOTIFY_EVENT_OFFER', params: title },
        body: { key: 'NOTIFY_EVENT_OFFER_BODY', params: { until: shanghaiText(n.until) } },
        sms: true,
      });
      break;
    case 'offer_expired':
      await notify(tx, {
        ...base,
        kind: 'event.offer_expired',
        title: { key: 'NOTIFY_EVENT_OFFER_EXPIRED', params: title },
        body: { key: 'NOTIFY_EVENT_OFFER_EXPIRED_BODY', params: { until: shanghaiText(n.until) } },
      });
      break;
    case 'reminder':
      await notify(tx, {
        ...base,
        kind: 'event.reminder',
        title: { key: 'NOTIFY_EVENT_REMINDER', params: title },
        body: { key: 'NOTIFY_EVENT_REMINDER_BODY', params: { at, place: placeText(e) } },
        sms: true,
      });
      break;
    case 'changed':
      await notify(tx, {
        ...base,
        kind: 'event.changed',
        title: { key: 'NOTIFY_EVENT_CHANGED', params: title },
        body: { key: 'NOTIFY_EVENT_CHANGED_BODY', params: { at, place: placeText(e) } },
        sms: true,
      });
      break;
    case 'cancelled':
      await notify(tx, {
        ...base,
        kind: 'event.cancelled',
        title: { key: 'NOTIFY_EVENT_CANCELLED', params: title },
        body: { key: 'NOTIFY_EVENT_CANCELLED_BODY', params: { reason: n.reason } },
        sms: true,
      });
      break;
    case 'registration_cancelled':
      await notify(tx, {
        ...base,
        kind: 'event.registration_cancelled',
        title: { key: 'NOTIFY_EVENT_REG_CANCELLED', params: title },
        body: { key: 'NOTIFY_EVENT_CANCELLED_BODY', params: { reason: n.reason } },
        sms: true,
      });
      break;
  }
  return to.size;
}
