import type { Db } from '../../db/client';
import type { Clock } from '../clock';
import { t, type Lang } from '../i18n';
import type { JobRunner } from '../jobs/jobs.runner';
import type { SmsSender } from '../sms';
import * as repo from './notifications.repository';
import { SMS_JOB } from './notify';

export const PRUNE_JOB = 'notification.prune';
/** Read messages are kept half a year; unread ones until read. */
const KEEP_READ_DAYS = 180;
/** A text message stays short: one or two SMS segments. */
const MAX_SMS_CHARS = 140;

/** The text of a message's SMS, in the recipient's language; a confidential one says only that a message waits. */
export function smsTextOf(n: { titleZh: string; titleEn: string; bodyZh: string | null; bodyEn: string | null; isConfidential: boolean; link: string | null }, lang: Lang, publicUrl: string | undefined): string {
  const url = publicUrl && n.link?.startsWith('/m') ? ` ${t(lang, 'NOTIFY_SMS_READ_AT', { url: `${publicUrl}/m/me/messages` })}` : '';
  if (n.isConfidential) return `【娘家】${t(lang, 'NOTIFY_SMS_CONFIDENTIAL')}${url}`;
  const title = lang === 'en' ? n.titleEn : n.titleZh;
  const body = (lang === 'en' ? n.bodyEn : n.bodyZh) ?? '';
  const text = body ? `${title}${lang === 'en' ? ': ' : '：'}${body}` : title;
  const clipped = text.length > MAX_SMS_CHARS ? `${text.slice(0, MAX_SMS_CHARS - 1)}…` : text;
  return `【娘家】${clipped}${url}`;
}

/**
 * The message jobs: one SMS per message (retried with backoff while the gateway fails, marked
 * failed when it gives up), and a nightly sweep of old read messages.
 */
export function registerNotificationJobs({ db, jobs, sms, publicUrl, clock }: { db: Db; jobs: JobRunner; sms: SmsSender; publicUrl: string | undefined; clock: Clock }) {
  jobs.register(
    SMS_JOB,
    async ({ job }) => {
      const { notificationId } = job.payload as { notificationId: string };
      const target = await repo.findSmsJobTarget(db, notificationId);
      // The person may have turned SMS off, lost their phone or been disabled since.
      if (!target || !target.phone || !target.isSmsEnabled || target.userStatus !== 'active') {
        if (target) await repo.setSmsStatus(db, notificationId, 'skipped');
        return { skipped: true };
      }
      await sms.send(target.phone, smsTextOf(target.n, (target.language ?? 'zh-CN') as Lang, publicUrl));
      await repo.setSmsStatus(db, notificationId, 'sent');
      return { sent: true };
    },
    {
      retry: { baseMs: 30_000, maxMs: 30 * 60_000 },
      onSettled: async (tx, row, outcome) => {
        if (outcome.status !== 'succeeded') await repo.setSmsStatus(tx, (row.payload as { notificationId: string }).notificationId, 'failed');
      },
    },
  );
  jobs.register(PRUNE_JOB, async () => ({ deleted: await repo.pruneRead(db, new Date(clock().getTime() - KEEP_READ_DAYS * 86_400_000)) }));
  jobs.schedule({ name: PRUNE_JOB, kind: PRUNE_JOB, cron: '40 3 * * *' });
}
