import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { isInScope, type Scope } from '../../platform/auth';
import { notFound } from '../../platform/errors';
import { rowsOf } from './ledger';
import { scopeSql } from './shops.service';

/**
 * The fund a staff user works with. A district (or higher) admin manages the fund of their
 * subtree (`slice` null); a street admin below a district's fund sees its slice: their own
 * shops, stations and cards (`slice` = their scope's paths). Custodian work needs `slice` null.
 */
export type FundAccess = { id: string; orgId: string; orgPath: string; defaultValidUntil: string | null; validMonths: number; slice: string[] | null };

/** The last day of a card valid for `months` from `day` (YYYY-MM-DD): 2026-03-15 + 12 → 2027-03-14. */
export function validUntilFrom(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1 + months, d));
  // A month without that day (31 Jan + 1) ends on the month's last day, as a calendar would.
  if (end.getUTCDate() !== d) end.setUTCDate(0);
  else end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** What a card issued on `day` is valid until: the fund's common expiry while ahead, else its period. */
export const nextCardValidUntil = (fund: { defaultValidUntil: string | null; validMonths: number }, day: string): string =>
  fund.defaultValidUntil && fund.defaultValidUntil > day ? fund.defaultValidUntil : validUntilFrom(day, fund.validMonths);

type Row = { id: string; d: string | null; months: number; org_id: string; path: string };
const cols = sql`f.id, f.default_card_valid_until::text as d, f.card_valid_months as months, f.org_id, o.path`;
const out = (f: Row, slice: string[] | null): FundAccess => ({ id: f.id, orgId: f.org_id, orgPath: f.path, defaultValidUntil: f.d, validMonths: Number(f.months), slice });

/**
 * A known fund (an import batch's) as the caller works with it: whole when it is in their scope, else
 * their slice of it. The caller must already have reached the thing that names the fund in scope.
 */
export async function findFundById(tx: Db, fundId: string, scope: Scope): Promise<FundAccess> {
  const [f] = rowsOf<Row>(await tx.execute(sql`select ${cols} from fund f join org o on o.id = f.org_id where f.id = ${fundId}`));
  if (!f) throw notFound('fund');
  return out(f, scope === 'all' || isInScope(scope, f.path) ? null : scope);
}

/** The fund the caller works with: one inside their scope, else the nearest above it (a slice). */
export async function findFundFor(tx: Db, scope: Scope): Promise<FundAccess> {
  const [inside] = rowsOf<Row>(await tx.execute(sql`select ${cols} from fund f join org o on o.id = f.org_id where ${scopeSql(scope, sql`o.path`)} order by length(o.path), f.code limit 1`));
  if (inside) return out(inside, null);
  if (scope === 'all' || !scope.length) throw notFound('fund');
  const [above] = rowsOf<Row>(
    await tx.execute(sql`select ${cols} from fund f join org o on o.id = f.org_id where ${sql.join(
      scope.map((p) => sql`${p} like o.path || '%'`),
      sql` or `,
    )} order by length(o.path) desc, f.code limit 1`),
  );
  if (!above) throw notFound('fund');
  return out(above, scope);
}

