import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { t } from '../../platform/i18n';
import type { JobRunner } from '../../platform/jobs';
import type { SmsSender } from '../../platform/sms';
import { appUser } from '../accounts';

/**
 * Every "tell someone" of the rights module goes through this one port, shaped like the shared
 * `notify(tx, input)` of platform/notifications so that wiring it is a swap of the implementation.
 *
 * Until platform/notifications is on main, the in-app side lives in the module's own records (a
 * worker's unread answer under 我的, a staff member's reminders on the 维权 board) and the SMS
 * side is a job queued in the caller's transaction (`rights.sms`: sent after commit by whichever
 * instance claims it, never for a rolled-back change). A confidential message's SMS never says
 * more than that a message is waiting: no case number, no name, no amount.
 */
export type TellText = { key: string; params?: Record<string, string | number> } | { 'zh-CN': string; en: string };
export type TellInput = {
  to: { userIds: readonly (string | null | undefined)[] };
  kind: string;
  title: TellText;
  body?: TellText | null;
  link?: string | null;
  orgId?: string | null;
  entity?: { type: string; id: string } | null;
  sms?: boolean;
  isConfidential?: boolean;
  exceptUserId?: string | null;
};
export type Tell = (tx: Db, input: TellInput) => Promise<void>;

export const RIGHTS_SMS_JOB = 'rights.sms';
/** What a confidential SMS says, whatever the message was about. */
export const CONFIDENTIAL_SMS = '【娘家】您有一条新的维权事项消息，请登录娘家查看。';

const render = (text: TellText) => ('key' in text ? t('zh-CN', text.key, text.params ?? {}) : text['zh-CN']);

export function smsTextOf(input: TellInput): string {
  return input.isConfidential ? CONFIDENTIAL_SMS : `【娘家】${render(input.title)}`;
}

export function createInterimTell(jobs: Pick<JobRunner, 'enqueue'>): Tell {
  return async (tx, input) => {
    if (!input.sms) return;
    const ids = [...new Set(input.to.userIds.filter((id): id is string => !!id && id !== input.exceptUserId))];
    for (const userId of ids) await jobs.enqueue(tx, { kind: RIGHTS_SMS_JOB, orgId: input.orgId ?? null, payload: { userId, text: smsTextOf(input) } });
  };
}

/** The SMS job: the phone is looked up when sending (never stored in the job), skipped if there is none. */
export function registerRightsSmsJob(deps: { db: Db; jobs: Pick<JobRunner, 'register'>; sms: SmsSender }): void {
  deps.jobs.register(RIGHTS_SMS_JOB, async ({ job }) => {
    const { userId, text } = job.payload as { userId: string; text: string };
    const user = (await deps.db.select({ phone: appUser.phone }).from(appUser).where(eq(appUser.id, userId)).limit(1))[0];
    if (!user?.phone) return { sent: false };
    await deps.sms.send(user.phone, text);
    return { sent: true };
  });
}
