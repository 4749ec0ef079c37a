import type { ClockKind, OverdueBoard } from '@niangjia/contracts';
import { REMINDER_DAYS } from '@niangjia/contracts/rights-domain';
import type { Db } from '../../db/client';
import type { Scope } from '../../platform/auth';
import { daysBetween, type HolidaysService, type IsoDate } from '../../platform/holidays';
import { caseAccessOf, listNearestManagers } from './case-access';
import { refreshClocks } from './case-clocks';
import * as repo from './cases.repository';
import * as remindersRepo from './reminders.repository';
import { today, underPathOf, type RightsStaff } from './rights.shared';
import { notify } from '../../platform/notifications';

/** Which reminder band a deadline is in: 7, 3 or 1 days before, 0 once it has passed; null if further off. */
export function reminderBand(daysLeft: number): number | null {
  if (daysLeft < 0) return 0;
  const bands = [...REMINDER_DAYS].sort((a, b) => a - b);
  return bands.find((b) => daysLeft <= b) ?? null;
}

/**
 * The deadline reminders and the overdue board. Every "remind at" of the module is here: a sweep
 * (run by a schedule, and callable with any `now` — the clock is a dependency, so tests move time)
 * recomputes the clocks of every open case and reminds the mediator and their nearest managers
 * once per band (7, 3, 1 days before; once more when overdue). A sweep missed on the 7-day mark
 * still sends that band late rather than nothing; the unique key makes reruns and concurrent
 * instances send each reminder once.
 */
export function createRemindersService(deps: { db: Db; holidays: HolidaysService; clock?: () => Date }) {
  const { db, holidays } = deps;
  const clock = deps.clock ?? (() => new Date());

  return {
    async sweep(at: Date = clock()): Promise<{ cases: number; reminders: number }> {
      const now = today(() => at);
      const cal = await holidays.calendar();
      const open = await repo.listOpenCases(db);
      let sent = 0;
      for (const row of open) {
        sent += await db.transaction(async (tx) => {
          const { running } = await refreshClocks(tx, row.case.id, cal, now);
          const due = running.map((r) => ({ ...r, band: reminderBand(r.daysLeft) })).filter((r): r is typeof r & { band: number } => r.band !== null);
          if (!due.length) return 0;
          const c = (await repo.findCase(tx, row.case.id))!;
          const members = await repo.listMembers(tx, c.case.id);
          // The mediator, or whoever took the case in while none is assigned; and their managers.
          const owners = c.case.mediatorId ? [c.case.mediatorId] : members.filter((m) => m.role === 'intake').map((m) => m.userId);
          const managers = await listNearestManagers(tx, c.orgPath);
          const recipients = [...new Set([...owners, ...managers.map((m) => m.id)])];
          const inserted = await remindersRepo.insertReminders(
            tx,
            due.flatMap((d) => recipients.map((userId) => ({ caseId: c.case.id, clock: d.clock, dueOn: d.dueOn, daysBefore: d.band, userId, sentAt: at }))),
          );
          if (!inserted.length) return 0;
          for (const d of due) {
            const to = inserted.filter((r) => r.clock === d.clock).map((r) => r.userId);
            if (!to.length) continue;
            await notify(tx, {
              to: { userIds: to },
              kind: d.band === 0 ? 'rights_case.overdue' : 'rights_case.deadline',
              title: d.band === 0 ? { key: 'RIGHTS_TELL_OVERDUE', params: { number: c.case.number, clock: `RIGHTS_CLOCK_${d.clock}` } } : { key: 'RIGHTS_TELL_DEADLINE', params: { number: c.case.number, clock: `RIGHTS_CLOCK_${d.clock}`, days: d.daysLeft } },
              link: `/admin/rights/cases/${c.case.id}`,
              orgId: c.case.orgId,
              entity: { type: 'rights_case', id: c.case.id },
              sms: true,
              // Reminders are about a confidential case: the SMS only says something is waiting.
              isConfidential: true,
            });
          }
          await remindersRepo.markSmsSent(
            tx,
            inserted.map((r) => r.id),
          );
          return inserted.length;
        });
      }
      return { cases: open.length, reminders: sent };
    },

    async mine(viewer: RightsStaff) {
      const rows = await remindersRepo.listRemindersOf(db, viewer.userId);
      return rows.map(({ reminder: r, caseNumber }) => ({ id: r.id, caseId: r.caseId, caseNumber, clock: r.clock as ClockKind, dueOn: r.dueOn, daysBefore: r.daysBefore, sentAt: r.sentAt.toISOString(), readAt: r.readAt?.toISOString() ?? null }));
    },

    markRead: (id: string, viewer: RightsStaff) => remindersRepo.markRead(db, id, viewer.userId),

    /**
     * The overdue board of an org subtree: counts per union for every case (no details), and the
     * rows of the cases the viewer may open (all of them for a manager of the subtree).
     */
    async overdue(viewer: RightsStaff, orgId: string | undefined): Promise<OverdueBoard> {
      const now = today(clock);
      // An org outside the viewer's scope does not exist for them (404, not an empty board).
      const underPath = await underPathOf(db, orgId, viewer.read);
      const scope: Scope = underPath ? [underPath] : viewer.read;
      const open = await repo.listOpenCases(db, scope);
      const byOrg = new Map<string, { org: { id: string; code: string; name: string }; overdue: number; dueSoon: number }>();
      const rows: OverdueBoard['rows'] = [];
      const dueSoon: OverdueBoard['rows'] = [];
      for (const row of open) {
        const c = row.case;
        const clocks: { clock: ClockKind; dueOn: IsoDate | null }[] = [
          { clock: 'acceptance', dueOn: c.status === 'received' ? c.acceptanceDueOn : null },
          { clock: 'mediation', dueOn: c.status === 'accepted' && c.stage === 'mediation' ? c.mediationDueOn : null },
          { clock: 'limitation', dueOn: ['received', 'accepted', 'failed'].includes(c.status) && ['mediation', 'negotiation'].includes(c.stage) ? c.limitationEndsOn : null },
          { clock: 'arbitration', dueOn: c.stage === 'arbitration' ? c.arbitrationDueOn : null },
        ];
        const entry = byOrg.get(c.orgId) ?? { org: { id: c.orgId, code: row.orgCode, name: row.orgName }, overdue: 0, dueSoon: 0 };
        let canOpen: boolean | undefined;
        for (const k of clocks) {
          if (!k.dueOn) continue;
          const left = daysBetween(now, k.dueOn);
          if (left > 7) continue;
          if (left < 0) entry.overdue++;
          else entry.dueSoon++;
          canOpen ??= (await caseAccessOf(db, viewer, { id: c.id, mediatorId: c.mediatorId, orgPath: row.orgPath })) !== null;
          const item = { caseId: canOpen ? c.id : null, caseNumber: canOpen ? c.number : null, org: entry.org, clock: k.clock, dueOn: k.dueOn, daysOverdue: -left, mediatorName: canOpen ? row.mediatorName : null };
          if (canOpen) (left < 0 ? rows : dueSoon).push(item);
        }
        if (entry.overdue || entry.dueSoon) byOrg.set(c.orgId, entry);
      }
      rows.sort((a, b) => b.daysOverdue - a.daysOverdue);
      dueSoon.sort((a, b) => b.daysOverdue - a.daysOverdue);
      return { asOf: now, byOrg: [...byOrg.values()].sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon), rows, dueSoon };
    },
  };
}

export type RemindersService = ReturnType<typeof createRemindersService>;
