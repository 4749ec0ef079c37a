import { randomUUID } from 'node:crypto';
import type { Database } from '../db/client';

/**
 * Puts one made-up row into every empty table of the schema, read from the catalogue, so a test
 * about the whole database (backup and restore) sees every kind of record, including tables that
 * modules add later. Values follow the column types, foreign keys point at existing parent rows
 * (parents are filled first), and check constraints that list allowed values get one of them.
 * Returns the tables it could not fill, with the database's reason.
 */
export async function fillEmptyTables(database: Database): Promise<{ filled: string[]; failed: { table: string; reason: string }[] }> {
  const tables = (await database.query<{ name: string }>("select relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' and relname <> 'schema_migration' order by 1")).map((t) => t.name);
  const columns = await database.query<{ table: string; name: string; type: string; notnull: boolean; hasdefault: boolean }>(
    "select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as notnull, a.atthasdef as hasdefault from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and a.attnum > 0 and not a.attisdropped and a.attgenerated = '' order by c.relname, a.attnum",
  );
  const fks = await database.query<{ table: string; parent: string; cols: string[]; pcols: string[] }>(
    `select c.conrelid::regclass::text as table, c.confrelid::regclass::text as parent,
       array(select attname from unnest(c.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by i)::text[] as cols,
       array(select attname from unnest(c.confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by i)::text[] as pcols
     from pg_constraint c join pg_namespace ns on ns.oid = c.connamespace where c.contype = 'f' and ns.nspname = 'public'`,
  );
  const checks = await database.query<{ table: string; def: string }>("select conrelid::regclass::text as table, pg_get_constraintdef(oid) as def from pg_constraint where contype = 'c' and connamespace = 'public'::regnamespace");
  const unq = (s: string) => s.replace(/^"|"$/g, '');

  const filled: string[] = [];
  const failed: { table: string; reason: string }[] = [];
  const isEmpty = async (t: string) => (await database.query(`select 1 from "${t}" limit 1`)).length === 0;
  // Parents first: repeat passes until nothing more can be filled.
  let pending: string[] = [];
  for (const t of tables) if (await isEmpty(t)) pending.push(t);
  for (let pass = 0; pass < 4 && pending.length; pass++) {
    const still: string[] = [];
    for (const table of pending) {
      const tableFks = fks.filter((f) => unq(f.table) === table && unq(f.parent) !== table);
      if (tableFks.some((f) => pending.includes(unq(f.parent)) && !filled.includes(unq(f.parent)))) {
        still.push(table);
        continue;
      }
      const cols = columns.filter((c) => c.table === table);
      const defs = checks.filter((c) => unq(c.table) === table).map((c) => c.def);
      let reason = '';
      // First with every column set (covers every type), then with only what must be set.
      for (const everyColumn of [true, false]) {
        const values = new Map<string, { value: unknown; type: string }>();
        try {
          for (const fk of tableFks) {
            const fixed = fk.cols.map((c, i) => [c, fk.pcols[i]!] as const).filter(([c]) => values.has(c));
            const where = fixed.length ? `where ${fixed.map(([, p], i) => `"${p}"::text = $${i + 1}`).join(' and ')}` : '';
            const [row] = await database.query<Record<string, unknown>>(`select ${fk.pcols.map((p) => `"${p}"::text as "${p}"`).join(', ')} from ${fk.parent} ${where} limit 1`, fixed.map(([c]) => String(values.get(c)!.value)));
            const nullable = fk.cols.every((c) => !cols.find((x) => x.name === c)?.notnull);
            if (!row && (nullable || !everyColumn)) continue;
            if (!row) throw new Error(`no row in ${fk.parent} to point at`);
            fk.cols.forEach((c, i) => values.set(c, { value: row[fk.pcols[i]!], type: cols.find((x) => x.name === c)!.type }));
          }
          for (const col of cols) {
            if (values.has(col.name) || fks.some((f) => unq(f.table) === table && f.cols.includes(col.name))) continue;
            if (!everyColumn && (!col.notnull || col.hasdefault)) continue;
            const value = valueFor(col.name, col.type, defs);
            if (value !== undefined) values.set(col.name, { value, type: col.type });
          }
          const names = [...values.keys()];
          await database.query(`insert into "${table}" (${names.map((n) => `"${n}"`).join(', ')}) values (${names.map((n, i) => `$${i + 1}::${values.get(n)!.type}`).join(', ')})`, names.map((n) => values.get(n)!.value));
          reason = '';
          break;
        } catch (error) {
          reason = (error as { cause?: Error }).cause?.message ?? (error as Error).message;
        }
      }
      if (reason) failed.push({ table, reason });
      else filled.push(table);
    }
    pending = still;
  }
  for (const t of pending) failed.push({ table: t, reason: 'its parent tables could not be filled' });
  return { filled, failed };
}

/** A value of the column's type; an allowed literal when a check constraint lists them. */
function valueFor(name: string, type: string, checks: string[]): unknown {
  const listed = checks.map((d) => new RegExp(`\\b${name}\\b[^']*?(?:ANY \\(ARRAY\\[|IN \\()'([^']*)'`).exec(d)?.[1]).find((v) => v !== undefined);
  if (listed !== undefined) return listed;
  if (type.endsWith('[]')) return type.startsWith('uuid') ? `{${randomUUID()}}` : type.startsWith('text') ? '{甲,"b c"}' : '{}';
  switch (type) {
    case 'uuid':
      return randomUUID();
    case 'text':
      // A yyyy-mm month where a check asks for one; otherwise text with a quote, a newline and CJK.
      return checks.some((d) => d.includes(name) && d.includes('[0-9]{4}')) ? '2026-03' : `合成 "row"\n${randomUUID().slice(0, 8)}`;
    case 'integer':
    case 'smallint':
    case 'bigint':
      return 1;
    case 'real':
    case 'double precision':
    case 'numeric':
      return 1.25;
    case 'boolean':
      return true;
    case 'timestamp with time zone':
      return '2026-03-04T05:06:07.123456Z';
    case 'date':
      return '2026-03-04';
    case 'jsonb':
    case 'json':
      return JSON.stringify({ synthetic: true, list: [1, '二'] });
    case 'bytea':
      return Buffer.from([0, 1, 2, 255, 10]);
    default:
      return undefined;
  }
}
