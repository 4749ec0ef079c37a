import type { TFunction } from 'i18next';

/** How long something has waited, for people: 刚刚, 5 分钟前, 3 小时前, 2 天前. */
export function formatAge(t: TFunction, at: string | Date, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - new Date(at).getTime()) / 60_000));
  if (minutes < 1) return t('notify.age.now');
  if (minutes < 60) return t('notify.age.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('notify.age.hours', { count: hours });
  return t('notify.age.days', { count: Math.floor(hours / 24) });
}
