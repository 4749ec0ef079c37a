import type { CaseClocksView, CaseStage, CaseStatus, ClockEventKind, ClockState } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { daysBetween, type HolidayCalendar, type IsoDate } from '../../platform/holidays';
import { computeClocks, runningClocks, type CaseClocks, type ClockCaseInput } from './clocks';
import * as repo from './cases.repository';
import { settingsFor } from './rights.shared';

/** The clock input of a stored case and its events. */
export function clockInputOf(c: repo.CaseRow, events: repo.EventRow[], acceptanceWorkingDays: number, hasArbitrationResult: boolean): ClockCaseInput {
  return {
    status: c.status as CaseStatus,
    stage: c.stage as CaseStage,
    receivedOn: c.receivedOn,
    acceptanceWorkingDays,
    acceptedOn: c.acceptedOn,
    limitationStartOn: c.limitationStartOn,
    isWageArrearsOngoing: c.isWageArrearsOngoing,
    employmentEndedOn: c.employmentEndedOn,
    arbitrationAcceptedOn: c.arbitrationAcceptedOn,
    hasArbitrationResult,
    events: events.map((e) => ({ id: e.id, kind: e.kind as ClockEventKind, onDate: e.onDate, days: e.days, voided: e.voidedAt !== null })),
  };
}

export function clockStates(input: ClockCaseInput, clocks: CaseClocks, today: IsoDate): ClockState[] {
  return runningClocks(input, clocks)
    .map((r) => ({ clock: r.clock, dueOn: r.dueOn, daysLeft: daysBetween(today, r.dueOn), isOverdue: r.dueOn < today }))
    .sort((a, b) => a.daysLeft - b.daysLeft);
}

export function clocksView(clocks: CaseClocks, running: ClockState[]): CaseClocksView {
  const { ineffectiveEventIds: _ignored, ...limitation } = clocks.limitation;
  return { acceptanceDueOn: clocks.acceptanceDueOn, mediationDueOn: clocks.mediationDueOn, mediationExtensionDays: clocks.mediationExtensionDays, limitation, arbitrationDueOn: clocks.arbitrationDueOn, isArbitrationExtended: clocks.isArbitrationExtended, running };
}

/**
 * Recomputes a case's clocks from its events and stores the due dates on the row (so the overdue
 * board and the reminders are plain queries). Called after every change that moves a clock.
 */
export async function refreshClocks(db: Db, caseId: string, cal: HolidayCalendar, today: IsoDate) {
  const found = (await repo.findCase(db, caseId))!;
  const c = found.case;
  // One after another: `db` is often a transaction, one connection.
  const settings = await settingsFor(db, found.orgPath);
  const events = await repo.listEvents(db, [caseId]);
  const arbitrationDone = await repo.hasArbitrationResult(db, [caseId]);
  const input = clockInputOf(
    c,
    events.map((e) => e.event),
    settings.acceptanceWorkingDays,
    arbitrationDone.has(caseId),
  );
  const clocks = computeClocks(input, cal);
  const next = {
    acceptanceDueOn: clocks.acceptanceDueOn,
    mediationDueOn: clocks.mediationDueOn,
    limitationEndsOn: clocks.limitation.endsOn,
    isLimitationPaused: clocks.limitation.isPaused,
    arbitrationDueOn: clocks.arbitrationDueOn,
  };
  if (next.acceptanceDueOn !== c.acceptanceDueOn || next.mediationDueOn !== c.mediationDueOn || next.limitationEndsOn !== c.limitationEndsOn || next.isLimitationPaused !== c.isLimitationPaused || next.arbitrationDueOn !== c.arbitrationDueOn)
    await repo.updateCaseFields(db, caseId, next);
  return { input, clocks, running: clockStates(input, clocks, today) };
}
