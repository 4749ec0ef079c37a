import type { Db } from '../../db/client';
import type { HolidaysService } from '../../platform/holidays';
import type { DataKeys } from '../../platform/pii';
import type { Secrets } from '../../platform/secrets';
import { createCaseWorkService } from './case-work.service';
import { createCasesService } from './cases.service';
import { createConsultationsService } from './consultations.service';
import { createDocumentsService, type PdfRender } from './documents.service';
import { createRightsFiguresService } from './figures.service';
import { createMonitoringService } from './monitoring.service';
import { createRatingsService } from './ratings.service';
import { createRemindersService } from './reminders.service';

export type RightsDeps = { db: Db; secrets: Secrets; dataKeys: DataKeys; holidays: HolidaysService; render: PdfRender; clock?: () => Date };

/** The module's services, wired: the failed-case and warning hooks disqualify ratings in the same transaction. */
export function createRightsServices(deps: RightsDeps) {
  const { db, holidays } = deps;
  const clock = deps.clock ?? (() => new Date());
  const ratings = createRatingsService({ db });
  const cases = createCasesService({ db, secrets: deps.secrets, dataKeys: deps.dataKeys, holidays, clock });
  return {
    cases,
    ratings,
    consultations: createConsultationsService({ db, cases, clock }),
    work: createCaseWorkService({
      db,
      holidays,
      clock,
      // One after another: the transaction is one connection.
      onCaseFailed: async (tx, codes, year) => {
        for (const code of codes) await ratings.disqualifyFor(tx, code, year);
      },
    }),
    documents: createDocumentsService({ db, render: deps.render, clock }),
    reminders: createRemindersService({ db, holidays, clock }),
    monitoring: createMonitoringService({ db, clock, onWarning: (tx, code, year) => ratings.disqualifyFor(tx, code, year) }),
    figures: createRightsFiguresService({ db, clock }),
  };
}

export type RightsServices = ReturnType<typeof createRightsServices>;
