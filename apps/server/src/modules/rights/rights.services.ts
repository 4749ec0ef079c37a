import type { Db } from '../../db/client';
import type { HolidaysService } from '../../platform/holidays';
import type { JobRunner } from '../../platform/jobs';
import type { DataKeys } from '../../platform/pii';
import type { Secrets } from '../../platform/secrets';
import type { SmsSender } from '../../platform/sms';
import { createCaseWorkService } from './case-work.service';
import { createCasesService } from './cases.service';
import { createConsultationsService } from './consultations.service';
import { createDocumentsService, type PdfRender } from './documents.service';
import { createRightsFiguresService } from './figures.service';
import { createMonitoringService } from './monitoring.service';
import { createRatingsService } from './ratings.service';
import { createRemindersService } from './reminders.service';
import { createInterimTell, registerRightsSmsJob, type Tell } from './tell';

export type RightsDeps = { db: Db; secrets: Secrets; dataKeys: DataKeys; holidays: HolidaysService; jobs: JobRunner; sms: SmsSender; render: PdfRender; tell?: Tell; clock?: () => Date };

/** The module's services, wired: the failed-case and warning hooks disqualify ratings in the same transaction. */
export function createRightsServices(deps: RightsDeps) {
  const { db, holidays } = deps;
  const clock = deps.clock ?? (() => new Date());
  const tell = deps.tell ?? createInterimTell(deps.jobs);
  registerRightsSmsJob({ db, jobs: deps.jobs, sms: deps.sms });
  const ratings = createRatingsService({ db });
  const cases = createCasesService({ db, secrets: deps.secrets, dataKeys: deps.dataKeys, holidays, tell, clock });
  return {
    cases,
    ratings,
    consultations: createConsultationsService({ db, cases, tell, clock }),
    work: createCaseWorkService({ db, holidays, tell, clock, onCaseFailed: async (tx, codes, year) => Promise.all(codes.map((c) => ratings.disqualifyFor(tx, c, year))).then(() => undefined) }),
    documents: createDocumentsService({ db, render: deps.render, clock }),
    reminders: createRemindersService({ db, holidays, tell, clock }),
    monitoring: createMonitoringService({ db, tell, clock, onWarning: (tx, code, year) => ratings.disqualifyFor(tx, code, year) }),
    figures: createRightsFiguresService({ db, clock }),
  };
}

export type RightsServices = ReturnType<typeof createRightsServices>;

/**
 * The module's scheduled work: the deadline and quarterly-form sweeps, hourly. Each sweep is
 * idempotent (unique keys on what it sends), so every instance may run it; platform/jobs'
 * schedules replace this timer when they land.
 */
export function startRightsSchedule(services: RightsServices, log: { warn(obj: object, msg: string): void }, everyMs = 60 * 60 * 1000): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await services.reminders.sweep();
      await services.monitoring.sweepReports();
    } catch (error) {
      log.warn({ err: error }, 'rights sweep failed; it runs again at the next tick');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), 30_000);
  const timer = setInterval(() => void run(), everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
