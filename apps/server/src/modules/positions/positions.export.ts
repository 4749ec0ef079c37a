import type { ExportPositionsQuery, Position } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import type { Scope } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import type { PositionsService } from './positions.service';
import { formatExceptionsText, formatWeeklyText } from './schedule-text';
import { AUDIENCE_LABELS, BUILD_MODE_LABELS, FACILITY_LABELS, STATUS_LABELS, templateColumns, TYPE_LABELS, writePositionWorkbook } from './positions.xlsx';

export const MAX_POSITION_EXPORT_ROWS = 20_000;
const PAGE = 500;

const labels = (keys: string[], map: Record<string, string>) => keys.map((k) => map[k] ?? k).join('、');

/** One position as a row of the import template (WGS-84 coordinates, hours as text, yuan). */
export function toSheetRow(p: Position): (string | number | null)[] {
  return [
    p.code,
    p.name,
    TYPE_LABELS[p.type],
    p.org.code,
    p.address,
    p.location.lng,
    p.location.lat,
    'WGS-84',
    formatWeeklyText({ is24h: p.schedule.is24h, weekly: p.schedule.weekly }),
    formatExceptionsText(p.schedule.exceptions) || null,
    labels(p.serves, AUDIENCE_LABELS) || null,
    labels(p.facilities, FACILITY_LABELS) || null,
    p.areaM2,
    p.buildMode ? (BUILD_MODE_LABELS[p.buildMode as keyof typeof BUILD_MODE_LABELS] ?? p.buildMode) : null,
    p.partner,
    p.investmentFen === null ? null : p.investmentFen / 100,
    p.operator,
    p.contactPhone,
    STATUS_LABELS[p.status],
  ];
}

/** The filtered list as .xlsx in the import layout, so export → edit → import round-trips. Audited. */
export function createPositionExportService({ db, positions, clock = () => new Date() }: { db: Db; positions: PositionsService; clock?: () => Date }) {
  return {
    async exportPositions(query: ExportPositionsQuery, actor: { scope: Scope; audit: AuditContext }): Promise<{ file: Buffer; fileName: string; count: number }> {
      const first = await positions.listPositions({ ...query, page: 1, pageSize: 1 }, actor.scope);
      if (first.total > MAX_POSITION_EXPORT_ROWS) throw new AppError('EXPORT_TOO_LARGE', { status: 413, params: { count: first.total, max: MAX_POSITION_EXPORT_ROWS } });
      const lines: (string | number | null)[][] = [];
      for (let page = 1; (page - 1) * PAGE < first.total; page++) {
        const { items } = await positions.listPositions({ ...query, page, pageSize: PAGE }, actor.scope);
        for (const p of items) lines.push(toSheetRow(p));
      }
      const file = await writePositionWorkbook('服务阵地', templateColumns(), lines);
      await recordAudit(db, actor.audit, { action: 'position.export', entityType: 'position', orgId: query.orgId ?? null, after: { filter: query, count: lines.length } });
      return { file, fileName: `服务阵地_${clock().toISOString().slice(0, 10)}.xlsx`, count: lines.length };
    },
  };
}

export type PositionExportService = ReturnType<typeof createPositionExportService>;
