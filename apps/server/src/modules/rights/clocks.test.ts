import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../platform/holidays';
import { computeClocks, computeLimitation, runningClocks, type ClockCaseInput } from './clocks';

const cal = createCalendar();
const base: ClockCaseInput = {
  status: 'received',
  stage: 'mediation',
  receivedOn: '2026-09-29',
  acceptanceWorkingDays: 3,
  acceptedOn: null,
  limitationStartOn: '2026-03-10',
  isWageArrearsOngoing: false,
  employmentEndedOn: null,
  arbitrationAcceptedOn: null,
  events: [],
};

describe('acceptance within working days', () => {
  it('skips 国庆/中秋 and counts nothing on the holiday week', () => {
    // 2026-09-29 (Tue) → 30 Sep (Wed) is day 1; 1–7 Oct are 国庆; 8 Oct (Thu) day 2, 9 Oct (Fri) day 3.
    expect(computeClocks(base, cal).acceptanceDueOn).toBe('2026-10-09');
  });
  it('counts a 调休 working Sunday (2026-01-04 is a working day after 元旦)', () => {
    expect(cal.isWorkingDay('2026-01-04')).toBe(true);
    // Received Wed 31 Dec 2025: 1–3 Jan are 元旦, Sun 4 Jan works (day 1), Mon 5 (2), Tue 6 (3).
    expect(computeClocks({ ...base, receivedOn: '2025-12-31' }, cal).acceptanceDueOn).toBe('2026-01-06');
  });
  it('uses a staff override for a year the bundled notice lacks', () => {
    const withOverride = createCalendar([{ date: '2027-01-04', kind: 'holiday', name: '元旦' }]);
    // Fri 1 Jan 2027 received; Mon 4 Jan overridden as a holiday, so 5, 6, 7 Jan.
    expect(computeClocks({ ...base, receivedOn: '2027-01-01' }, withOverride).acceptanceDueOn).toBe('2027-01-07');
    expect(computeClocks({ ...base, receivedOn: '2027-01-01' }, cal).acceptanceDueOn).toBe('2027-01-06');
  });
});

describe('the 15-day mediation period', () => {
  it('runs 15 days from acceptance, longer with consented extensions, ending on a working day', () => {
    const accepted = { ...base, status: 'accepted' as const, acceptedOn: '2026-03-02' };
    expect(computeClocks(accepted, cal).mediationDueOn).toBe('2026-03-17');
    const extended = computeClocks({ ...accepted, events: [{ kind: 'mediation_extension', onDate: '2026-03-15', days: 10 }] }, cal);
    expect(extended.mediationExtensionDays).toBe(10);
    expect(extended.mediationDueOn).toBe('2026-03-27');
    // 2026-03-13 + 15 = Sat 28 Mar → Mon 30 Mar.
    expect(computeClocks({ ...accepted, acceptedOn: '2026-03-13' }, cal).mediationDueOn).toBe('2026-03-30');
  });
  it('ignores a voided extension', () => {
    const c = computeClocks({ ...base, status: 'accepted', acceptedOn: '2026-03-02', events: [{ kind: 'mediation_extension', onDate: '2026-03-15', days: 10, voided: true }] }, cal);
    expect(c.mediationDueOn).toBe('2026-03-17');
  });
});

describe('the one-year arbitration limitation', () => {
  it('ends on the corresponding day a year later, moved off a rest day', () => {
    expect(computeLimitation({ ...base, limitationStartOn: '2025-03-10' }, cal).endsOn).toBe('2026-03-10');
    // 2025-02-15 + 1 year = Sun 15 Feb 2026, in the Spring Festival holiday (15–23 Feb) → Tue 24 Feb.
    expect(computeLimitation({ ...base, limitationStartOn: '2025-02-15' }, cal).endsOn).toBe('2026-02-24');
    // 29 Feb has no corresponding day: the month's last day.
    expect(computeLimitation({ ...base, limitationStartOn: '2024-02-29' }, cal).endsOn).toBe('2025-02-28');
  });
  it('中断 restarts a full year from the event', () => {
    const l = computeLimitation({ ...base, limitationStartOn: '2025-06-01', events: [{ id: 'a', kind: 'interrupt', onDate: '2026-04-20' }] }, cal);
    expect(l.startOn).toBe('2026-04-20');
    expect(l.endsOn).toBe('2027-04-20');
  });
  it('中止 pauses it; after the resume the rest of the year runs on', () => {
    const paused = computeLimitation({ ...base, limitationStartOn: '2025-06-01', events: [{ kind: 'suspend', onDate: '2026-01-01' }] }, cal);
    expect(paused).toMatchObject({ isPaused: true, endsOn: null, pausedSince: '2026-01-01', remainingDaysWhenPaused: 151 });
    const resumed = computeLimitation({ ...base, limitationStartOn: '2025-06-01', events: [{ kind: 'suspend', onDate: '2026-01-01' }, { kind: 'resume', onDate: '2026-03-01' }] }, cal);
    // 151 days left on 1 Jan; from 1 Mar that is 30 Jul 2026 (a Thursday).
    expect(resumed.endsOn).toBe('2026-07-30');
  });
  it('a 中断 after the year ran out changes nothing', () => {
    const l = computeLimitation({ ...base, limitationStartOn: '2024-01-10', events: [{ id: 'late', kind: 'interrupt', onDate: '2025-06-01' }] }, cal);
    expect(l.endsOn).toBe('2025-01-10');
    expect(l.ineffectiveEventIds).toEqual(['late']);
  });
  it('wage arrears while employed are not limited; from the end of employment they are', () => {
    expect(computeLimitation({ ...base, isWageArrearsOngoing: true }, cal).notRunning).toBe('wage_arrears_ongoing');
    expect(computeLimitation({ ...base, isWageArrearsOngoing: true, employmentEndedOn: '2026-05-06' }, cal).endsOn).toBe('2027-05-06');
  });
});

describe('arbitration and the running clocks', () => {
  it('45 days from the commission’s acceptance, 60 when extended', () => {
    const a = { ...base, status: 'failed' as const, stage: 'arbitration' as const, arbitrationAcceptedOn: '2026-04-01' };
    expect(computeClocks(a, cal).arbitrationDueOn).toBe('2026-05-18');
    expect(computeClocks({ ...a, events: [{ kind: 'arbitration_extension', onDate: '2026-05-10' }] }, cal).arbitrationDueOn).toBe('2026-06-01');
  });
  it('watches acceptance while received, mediation while accepted, arbitration once referred', () => {
    const received = runningClocks(base, computeClocks(base, cal)).map((c) => c.clock);
    expect(received).toEqual(['acceptance', 'limitation']);
    const accepted = { ...base, status: 'accepted' as const, acceptedOn: '2026-10-09' };
    expect(runningClocks(accepted, computeClocks(accepted, cal)).map((c) => c.clock)).toEqual(['mediation', 'limitation']);
    const agreed = { ...accepted, status: 'agreed' as const };
    expect(runningClocks(agreed, computeClocks(agreed, cal))).toEqual([]);
  });
});
