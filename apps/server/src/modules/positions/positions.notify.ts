import { and, asc, count, eq, gt, min, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { registerMessages } from '../../platform/i18n';
import { job } from '../../platform/jobs';
import type { JobKindOptions } from '../../platform/jobs';
import { collectTodos, notify, type TodoSource } from '../../platform/notifications';
import { POSITION_IMPORT_CHECK_JOB, POSITION_IMPORT_COMMIT_JOB } from './positions.import';
import { findCheckJob } from './positions.import.repository';
import { listPositionsForCheck } from './standards.repository';
import { DEFAULT_STANDARD, listMissing, pickStandard } from './standards.rules';
import { loadStandardsFor } from './standards.service';

registerMessages({
  NOTIFY_POSITION_IMPORT_CHECKED: ['阵地导入已检查完', 'Positions import checked'],
  NOTIFY_POSITION_IMPORT_CHECKED_BODY: ['“{file}”：{valid} 行可导入，{errors} 行有错误，请核对后提交。', '“{file}”: {valid} rows can be imported, {errors} have errors; review and commit.'],
  NOTIFY_POSITION_IMPORT_COMMITTED: ['阵地导入已完成', 'Positions imported'],
  NOTIFY_POSITION_IMPORT_COMMITTED_BODY: ['“{file}”：新增 {created} 个，更新 {updated} 个阵地。', '“{file}”: {created} positions added, {updated} updated.'],
  NOTIFY_POSITION_IMPORT_FAILED: ['阵地导入未完成', 'Positions import did not finish'],
  NOTIFY_COVERAGE_DONE: ['15分钟服务圈计算完成', '15-minute circle computed'],
  NOTIFY_COVERAGE_FAILED: ['15分钟服务圈计算未完成', '15-minute circle run did not finish'],
  NOTIFY_JOB_FAILED_BODY: ['“{file}”：{reason}', '“{file}”: {reason}'],
  TODO_POSITION_BELOW_STANDARD: ['{name} 未达“{standard}”标准：缺 {count} 项', '{name} is below “{standard}”: {count} items missing'],
  TODO_POSITION_IMPORT_READY: ['阵地导入“{file}”已检查：{valid} 行可导入，待提交', 'Positions import “{file}” is checked: {valid} rows ready to commit'],
});

/** A checked import left uncommitted this long no longer asks for attention. */
const IMPORT_READY_DAYS = 14;

/**
 * 未达标阵地: open positions in scope lacking items of their standard. Computed like the shortfall
 * list (a district's few hundred positions per read); its age is since the position was last
 * changed, the time its facilities have stood as they are.
 */
export const positionShortfallTodos: TodoSource = {
  kind: 'position_below_standard',
  permission: 'position.write',
  async list(db: Db, q) {
    const rows = await listPositionsForCheck(db, { scope: q.scope, underPath: q.underPath });
    const standards = await loadStandardsFor(db, [...new Set(rows.map((r) => r.orgPath))]);
    const short = rows
      .map((r) => {
        const standard = pickStandard(r.orgPath, standards) ?? { ...DEFAULT_STANDARD, orgId: '' };
        return { row: r, standard: standard.name, missing: listMissing(standard.items, r.facilities) };
      })
      .filter((s) => s.missing.length > 0)
      .sort((a, b) => a.row.updatedAt.getTime() - b.row.updatedAt.getTime());
    return {
      count: short.length,
      oldestAt: short[0]?.row.updatedAt ?? null,
      items: short.slice(0, q.limit).map((s) => ({
        id: s.row.id,
        title: { key: 'TODO_POSITION_BELOW_STANDARD', params: { name: s.row.name, standard: s.standard, count: s.missing.length } },
        orgName: s.row.orgName,
        at: s.row.updatedAt,
        link: `/admin/positions/${s.row.id}`,
      })),
    };
  },
};

/** A positions import the staff member checked and has not committed (the batch is theirs alone). */
export const positionImportTodos: TodoSource = {
  kind: 'import_ready',
  permission: 'position.write',
  list(db: Db, q) {
    const where = and(
      eq(job.kind, POSITION_IMPORT_CHECK_JOB),
      eq(job.status, 'succeeded'),
      eq(job.createdBy, q.userId),
      gt(job.createdAt, sql`now() - make_interval(days => ${IMPORT_READY_DAYS})`),
      sql`coalesce((${job.result}->>'validRows')::int, 0) > 0`,
      sql`not exists (select 1 from job c where c.kind = ${POSITION_IMPORT_COMMIT_JOB} and c.payload->>'importId' = ${job.id}::text and c.status in ('queued', 'running', 'succeeded'))`,
    );
    return collectTodos(
      db.select({ n: count(), oldest: min(job.finishedAt) }).from(job).where(where),
      db
        .select({ id: job.id, file: sql<string | null>`${job.payload}->>'fileName'`, valid: sql<number>`(${job.result}->>'validRows')::int`, at: job.finishedAt })
        .from(job)
        .where(where)
        .orderBy(asc(job.finishedAt))
        .limit(q.limit),
      (r) => ({ id: r.id, title: { key: 'TODO_POSITION_IMPORT_READY', params: { file: r.file ?? '—', valid: Number(r.valid) } }, orgName: null, at: r.at ?? new Date(), link: `/admin/positions/imports?id=${r.id}` }),
    );
  },
};

/** Tells the uploader how a positions import check or commit ended (in the runner's final write). */
export function positionImportNotice(step: 'check' | 'commit'): JobKindOptions['onSettled'] {
  return async (tx, done, outcome) => {
    const payload = done.payload as { fileName?: string | null; importId?: string };
    const importId = step === 'check' ? done.id : (payload.importId ?? done.id);
    // The commit's payload has no file name: it is the check job's.
    const file = step === 'check' ? (payload.fileName ?? '—') : (((await findCheckJob(tx, importId, POSITION_IMPORT_CHECK_JOB))?.payload as { fileName?: string | null } | undefined)?.fileName ?? '—');
    const result = (outcome.status === 'succeeded' ? outcome.result : null) as { validRows?: number; errorRows?: number; created?: number; updated?: number } | null;
    const base = { to: { userIds: [done.createdBy] }, link: `/admin/positions/imports?id=${importId}`, entity: { type: 'position_import', id: importId } };
    if (outcome.status !== 'succeeded') {
      await notify(tx, { ...base, kind: 'import.failed', title: { key: 'NOTIFY_POSITION_IMPORT_FAILED' }, body: { key: 'NOTIFY_JOB_FAILED_BODY', params: { file, reason: outcome.errorCode } } });
    } else if (step === 'check') {
      await notify(tx, { ...base, kind: 'import.checked', title: { key: 'NOTIFY_POSITION_IMPORT_CHECKED' }, body: { key: 'NOTIFY_POSITION_IMPORT_CHECKED_BODY', params: { file, valid: result?.validRows ?? 0, errors: result?.errorRows ?? 0 } } });
    } else {
      await notify(tx, { ...base, kind: 'import.finished', title: { key: 'NOTIFY_POSITION_IMPORT_COMMITTED' }, body: { key: 'NOTIFY_POSITION_IMPORT_COMMITTED_BODY', params: { file, created: result?.created ?? 0, updated: result?.updated ?? 0 } } });
    }
  };
}

/** Tells whoever started a 15-minute circle run that it finished or failed. */
export const coverageRunNotice: JobKindOptions['onSettled'] = async (tx, job, outcome) => {
  const isDone = outcome.status === 'succeeded';
  if (isDone && (outcome.result as { skipped?: boolean } | null)?.skipped) return;
  await notify(tx, {
    to: { userIds: [job.createdBy] },
    kind: isDone ? 'coverage.finished' : 'coverage.failed',
    orgId: job.orgId,
    title: { key: isDone ? 'NOTIFY_COVERAGE_DONE' : 'NOTIFY_COVERAGE_FAILED' },
    body: isDone ? null : { key: outcome.errorCode },
    link: '/admin/positions/coverage',
    entity: { type: 'coverage_run', id: (job.payload as { runId: string }).runId },
  });
};
