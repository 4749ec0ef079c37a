import { ARBITRATION_DAYS, ARBITRATION_EXTENSION_DAYS, MEDIATION_DAYS, type CaseStage, type CaseStatus, type ClockEventKind, type ClockKind } from '@niangjia/contracts/rights-domain';
import { addDays, addYears, daysBetween, type HolidayCalendar, type IsoDate } from '../../platform/holidays';

/**
 * The statutory clocks of a dispute case, computed from its dates and events (pure; no database).
 *
 * - Acceptance: within N working days of receipt (企业劳动争议协商调解规定 第二十条: 3 working days);
 *   holidays and 调休 working weekends from the shared calendar.
 * - Mediation: 15 days from acceptance, longer by extensions the parties agree to (同规定 第二十五条).
 * - Limitation: one year from the day the worker knew of the infringement (劳动争议调解仲裁法
 *   第二十七条). 中断 (a claim made, relief requested, the other side agreeing to perform) restarts
 *   the year from that day; 中止 (force majeure, other good cause) pauses it and it runs on after
 *   the cause ends. Wage arrears during employment are not limited until employment ends.
 * - Arbitration: 45 days from the commission's acceptance, plus 15 once if extended (第四十三条).
 *
 * A period in days or years does not count its first day and ends on the corresponding day
 * (民法典 第二百零一条、第二百零二条); a period ending on a rest day ends on the next working day
 * (第二百零三条).
 */
export type ClockEventInput = { id?: string; kind: ClockEventKind; onDate: IsoDate; days?: number | null; voided?: boolean };

export type ClockCaseInput = {
  status: CaseStatus;
  stage: CaseStage;
  receivedOn: IsoDate;
  acceptanceWorkingDays: number;
  acceptedOn: IsoDate | null;
  limitationStartOn: IsoDate | null;
  isWageArrearsOngoing: boolean;
  employmentEndedOn: IsoDate | null;
  arbitrationAcceptedOn: IsoDate | null;
  /** The arbitration result is in (the clock no longer runs). */
  hasArbitrationResult?: boolean;
  events: readonly ClockEventInput[];
};

export type LimitationClock = {
  /** The day the current one-year period counts from (after the last 中断). */
  startOn: IsoDate | null;
  endsOn: IsoDate | null;
  isPaused: boolean;
  pausedSince: IsoDate | null;
  /** Days left when paused (they run again from the resume day). */
  remainingDaysWhenPaused: number | null;
  /** Why there is no end date: no start known, or wage arrears while employed. */
  notRunning: 'no_start' | 'wage_arrears_ongoing' | null;
  /** Events that changed nothing: a 中断 after the period had run out, a resume with nothing paused. */
  ineffectiveEventIds: string[];
};

export type CaseClocks = {
  acceptanceDueOn: IsoDate;
  mediationDueOn: IsoDate | null;
  mediationExtensionDays: number;
  limitation: LimitationClock;
  arbitrationDueOn: IsoDate | null;
  isArbitrationExtended: boolean;
};

/** A period's last day, moved to the next working day when it falls on a rest day. */
const lastDay = (cal: HolidayCalendar, date: IsoDate) => cal.nextWorkingDayOnOrAfter(date);

export function computeLimitation(input: Pick<ClockCaseInput, 'limitationStartOn' | 'isWageArrearsOngoing' | 'employmentEndedOn' | 'events'>, cal: HolidayCalendar): LimitationClock {
  const ineffective: string[] = [];
  let start = input.limitationStartOn;
  if (input.isWageArrearsOngoing) {
    if (!input.employmentEndedOn) return { startOn: null, endsOn: null, isPaused: false, pausedSince: null, remainingDaysWhenPaused: null, notRunning: 'wage_arrears_ongoing', ineffectiveEventIds: [] };
    // 劳动关系终止的，应当自劳动关系终止之日起一年内提出.
    start = start && start > input.employmentEndedOn ? start : input.employmentEndedOn;
  }
  if (!start) return { startOn: null, endsOn: null, isPaused: false, pausedSince: null, remainingDaysWhenPaused: null, notRunning: 'no_start', ineffectiveEventIds: [] };

  const events = input.events
    .filter((e) => !e.voided && (e.kind === 'interrupt' || e.kind === 'suspend' || e.kind === 'resume'))
    .slice()
    .sort((a, b) => (a.onDate < b.onDate ? -1 : a.onDate > b.onDate ? 1 : 0));
  let rawEnd = addYears(start, 1);
  let pausedSince: IsoDate | null = null;
  let remaining = 0;
  for (const e of events) {
    if (e.onDate < start) {
      if (e.id) ineffective.push(e.id);
      continue;
    }
    const hasRunOut = pausedSince === null && e.onDate > lastDay(cal, rawEnd);
    if (e.kind === 'interrupt') {
      if (hasRunOut) {
        if (e.id) ineffective.push(e.id);
        continue;
      }
      // 从中断时起，仲裁时效期间重新计算: a new full year, and any pause is over.
      start = e.onDate;
      rawEnd = addYears(e.onDate, 1);
      pausedSince = null;
    } else if (e.kind === 'suspend') {
      if (hasRunOut || pausedSince !== null) {
        if (e.id) ineffective.push(e.id);
        continue;
      }
      pausedSince = e.onDate;
      remaining = daysBetween(e.onDate, rawEnd);
    } else {
      if (pausedSince === null) {
        if (e.id) ineffective.push(e.id);
        continue;
      }
      // 从中止时效的原因消除之日起，仲裁时效期间继续计算.
      rawEnd = addDays(e.onDate, remaining);
      pausedSince = null;
    }
  }
  if (pausedSince !== null) return { startOn: start, endsOn: null, isPaused: true, pausedSince, remainingDaysWhenPaused: remaining, notRunning: null, ineffectiveEventIds: ineffective };
  return { startOn: start, endsOn: lastDay(cal, rawEnd), isPaused: false, pausedSince: null, remainingDaysWhenPaused: null, notRunning: null, ineffectiveEventIds: ineffective };
}

export function computeClocks(input: ClockCaseInput, cal: HolidayCalendar): CaseClocks {
  const live = input.events.filter((e) => !e.voided);
  const mediationExtensionDays = live.filter((e) => e.kind === 'mediation_extension').reduce((sum, e) => sum + (e.days ?? 0), 0);
  const isArbitrationExtended = live.some((e) => e.kind === 'arbitration_extension');
  return {
    acceptanceDueOn: cal.addWorkingDays(input.receivedOn, input.acceptanceWorkingDays),
    mediationDueOn: input.acceptedOn ? lastDay(cal, addDays(input.acceptedOn, MEDIATION_DAYS + mediationExtensionDays)) : null,
    mediationExtensionDays,
    limitation: computeLimitation(input, cal),
    arbitrationDueOn: input.arbitrationAcceptedOn ? lastDay(cal, addDays(input.arbitrationAcceptedOn, ARBITRATION_DAYS + (isArbitrationExtended ? ARBITRATION_EXTENSION_DAYS : 0))) : null,
    isArbitrationExtended,
  };
}

/**
 * The clocks that are running for a case in its present state, with their due dates: what the
 * reminders and the overdue board watch.
 */
export function runningClocks(input: ClockCaseInput, clocks: CaseClocks): { clock: ClockKind; dueOn: IsoDate }[] {
  const out: { clock: ClockKind; dueOn: IsoDate }[] = [];
  if (input.status === 'received') out.push({ clock: 'acceptance', dueOn: clocks.acceptanceDueOn });
  if (input.status === 'accepted' && input.stage === 'mediation' && clocks.mediationDueOn) out.push({ clock: 'mediation', dueOn: clocks.mediationDueOn });
  // Until someone applies for arbitration the worker's right to it runs out: watch it while the
  // union holds the case (and after a failed mediation, when arbitration is the next step).
  if ((input.status === 'received' || input.status === 'accepted' || input.status === 'failed') && (input.stage === 'mediation' || input.stage === 'negotiation') && clocks.limitation.endsOn)
    out.push({ clock: 'limitation', dueOn: clocks.limitation.endsOn });
  if (input.stage === 'arbitration' && clocks.arbitrationDueOn && !input.hasArbitrationResult) out.push({ clock: 'arbitration', dueOn: clocks.arbitrationDueOn });
  return out;
}
