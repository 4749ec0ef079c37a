import type { Permission, Role } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { ROLE_PERMISSIONS } from '../auth';
import { hasMessage, t, type Lang } from '../i18n';
import { enqueueJob } from '../jobs/jobs.repository';
import { sendNotify } from '../notify-listener';
import * as repo from './notifications.repository';

/** Text already written in both languages (e.g. built from a name the worker typed). */
export type LocalText = { 'zh-CN': string; en: string };
/** A message key registered with registerMessages(), rendered in both languages when written. */
export type MessageRef = { key: string; params?: Record<string, string | number> };
export type NotifyText = MessageRef | LocalText;

export type Recipients =
  /** These people (workers, the person who started an import). */
  | { userIds: readonly (string | null | undefined)[] }
  /** Staff holding `permission` through a grant on `orgId` or one of its ancestors. */
  | { staffWith: Permission; inScopeOf: string };

export type NotifyInput = {
  to: Recipients;
  /** What it is about, dotted: `member.approved`, `feedback.new`, `door_alarm.raised`, `import.finished`. */
  kind: string;
  title: NotifyText;
  body?: NotifyText | null;
  /** A path in a face: `/admin/members/applications/<id>`, `/m/me/membership`. */
  link?: string | null;
  /** The org the item belongs to; a staff audience's org by default. */
  orgId?: string | null;
  entity?: { type: string; id: string } | null;
  /** Also by SMS, to recipients who chose SMS (workers set it in 我的 ▸ 消息). */
  sms?: boolean;
  /** The text may be sensitive (a rights case): an SMS then only says a message is waiting. */
  isConfidential?: boolean;
  /** Not this person (the staff member who did the thing needs no message about it). */
  exceptUserId?: string | null;
};

export const NOTIFY_CHANNEL = 'niangjia_notify';
export const SMS_JOB = 'notification.sms';
/** Recipients per NOTIFY payload: 36-character ids well inside PostgreSQL's 8,000-byte limit. */
const IDS_PER_SIGNAL = 150;

/** A live signal: `n` = these users have new or changed messages; `t` = to-dos changed under this org path. */
export type LiveSignal = { t: 'n'; u: string[] } | { t: 't'; p: string };

const LINK_PATTERN = /^\/(admin|m|p)(\/[^\s]*)?$/;

function render(text: NotifyText, lang: Lang): string {
  if ('key' in text) {
    // Params that are message keys themselves (a category, a status) are translated too.
    const params = Object.fromEntries(Object.entries(text.params ?? {}).map(([k, v]) => [k, typeof v === 'string' && hasMessage(v) ? t(lang, v) : v]));
    return t(lang, text.key, params);
  }
  return lang === 'en' ? text.en : text['zh-CN'];
}

/** Both languages of a text, as stored. */
export function renderBoth(text: NotifyText): LocalText {
  return { 'zh-CN': render(text, 'zh-CN'), en: render(text, 'en') };
}

const rolesWith = (permission: Permission): Role[] => (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((r) => ROLE_PERMISSIONS[r].includes(permission));

/**
 * Writes one message per recipient in the caller's transaction, queues the SMS of those who chose
 * it (a `notification.sms` job, sent after commit by whichever instance claims it), and signals
 * every instance (NOTIFY, delivered on commit) so open bells and 消息 pages update at once.
 * A rolled-back change leaves no message, no SMS and no signal.
 */
export async function notify(tx: Db, input: NotifyInput): Promise<{ notified: number; smsQueued: number }> {
  if (input.link && (!LINK_PATTERN.test(input.link) || input.link.includes('//'))) throw new Error(`notify: link must be a path in a face (/admin, /m, /p): ${input.link}`);
  let recipients: string[];
  let orgId = input.orgId ?? null;
  let orgPath: string | undefined;
  if ('userIds' in input.to) {
    recipients = [...new Set(input.to.userIds.filter((id): id is string => !!id))];
  } else {
    const target = await repo.findOrgPath(tx, input.to.inScopeOf);
    if (!target) throw new Error(`notify: no org ${input.to.inScopeOf}`);
    orgPath = target.path;
    orgId ??= target.id;
    recipients = await repo.findStaffAudience(tx, rolesWith(input.to.staffWith), target.path);
  }
  if (input.exceptUserId) recipients = recipients.filter((id) => id !== input.exceptUserId);
  if (orgPath) await announceTodoChange(tx, orgPath);
  if (!recipients.length) return { notified: 0, smsQueued: 0 };

  const title = renderBoth(input.title);
  const body = input.body ? renderBoth(input.body) : null;
  const smsTargets = input.sms ? await repo.findSmsTargets(tx, recipients) : new Set<string>();
  const written = await repo.insertNotifications(
    tx,
    recipients.map((recipientId) => ({
      recipientId,
      orgId,
      kind: input.kind,
      titleZh: title['zh-CN'],
      titleEn: title.en,
      bodyZh: body?.['zh-CN'] ?? null,
      bodyEn: body?.en ?? null,
      link: input.link ?? null,
      entityType: input.entity?.type ?? null,
      entityId: input.entity?.id ?? null,
      isConfidential: input.isConfidential ?? false,
      smsStatus: input.sms ? (smsTargets.has(recipientId) ? 'queued' : 'skipped') : null,
    })),
  );
  let smsQueued = 0;
  for (const w of written) {
    if (w.smsStatus !== 'queued') continue;
    await enqueueJob(tx, { kind: SMS_JOB, orgId, payload: { notificationId: w.id }, maxAttempts: 5 });
    smsQueued++;
  }
  await signalUsers(tx, recipients);
  return { notified: written.length, smsQueued };
}

/** Tells open bells under this org that their 待办 changed (an application approved, an alarm resolved). */
export async function announceTodoChange(tx: Db, orgIdOrPath: string): Promise<void> {
  const path = orgIdOrPath.startsWith('/') ? orgIdOrPath : (await repo.findOrgPath(tx, orgIdOrPath))?.path;
  if (path) await sendNotify(tx, NOTIFY_CHANNEL, [JSON.stringify({ t: 't', p: path } satisfies LiveSignal)]);
}

export async function signalUsers(tx: Db, userIds: readonly string[]): Promise<void> {
  const payloads: string[] = [];
  for (let i = 0; i < userIds.length; i += IDS_PER_SIGNAL) payloads.push(JSON.stringify({ t: 'n', u: userIds.slice(i, i + IDS_PER_SIGNAL) } satisfies LiveSignal));
  await sendNotify(tx, NOTIFY_CHANNEL, payloads);
}
