/**
 * The door scan's hot statements (issue 11): a scan costs two statements and its ack one, where it
 * used to cost 17 round trips. Raw SQL on purpose: data-modifying CTEs that drizzle cannot express,
 * and no per-call query building on the hot path. Each function takes a runner (`Database.query`, or
 * the gateway's small ack pool) so acks never queue behind scans.
 */
export type RunQuery = <T = Record<string, unknown>>(sqlText: string, params?: unknown[]) => Promise<T[]>;

export type ScanFacts = {
  earlier: { id: string; result: string; reason: string | null; command_id: string | null } | null;
  worker: { phone: string | null; person: { id: string; realName: string; phone: string | null } | null; isMember: boolean };
  /** The rate-limit counter after this scan (null when not counted: a retried tap or a revoked door). */
  rateCount: number | null;
  isBanned: boolean;
};

const FACTS_CTES = `earlier as (
  select id, result, reason, command_id from door_entry where user_id = $1::uuid and request_id = $2::uuid limit 1
), w as (
  select u.phone, p.id as person_id, p.real_name, p.phone as person_phone,
         exists (select 1 from membership m where m.person_id = p.id and m.status = 'active') as is_member
  from app_user u left join person p on p.user_id = u.id
  where u.id = $1::uuid limit 1
), rl as (
  insert into rate_limit (key, window_start, count)
  select $3::text, $4::timestamptz, 1 where $5::boolean and not exists (select 1 from earlier)
  on conflict (key) do update set
    count = case when rate_limit.window_start = excluded.window_start then rate_limit.count + 1 else 1 end,
    window_start = excluded.window_start
  returning count
)`;

const BANNED = `exists (select 1 from door_ban b, w
  where b.position_id = $6::uuid and b.phone in (w.phone, w.person_phone) and b.lifted_at is null
    and (b.until is null or b.until > $7::timestamptz))`;

const FACTS_COLUMNS = `(select row_to_json(earlier) from earlier) as earlier,
       (select row_to_json(w) from w) as worker,
       (select count from rl) as rate_count,
       ${BANNED} as is_banned`;

const FACTS_SQL = `
with ${FACTS_CTES}
select ${FACTS_COLUMNS}`;

type FactsRow = {
  earlier: ScanFacts['earlier'];
  worker: { phone: string | null; person_id: string | null; real_name: string | null; person_phone: string | null; is_member: boolean } | null;
  rate_count: number | null;
  is_banned: boolean;
};

/**
 * Everything a scan needs to know about the worker in one statement: an earlier answer to the same
 * tap, the worker (account phone, real-name person, active membership), the rate-limit hit (counted
 * only when `isCounted` and the tap is new, as before) and whether either phone is banned here.
 */
export async function readScanFacts(run: RunQuery, q: { userId: string; requestId: string; rateKey: string; windowStart: Date; isCounted: boolean; positionId: string; now: Date }): Promise<ScanFacts> {
  const [row] = await run<FactsRow>(FACTS_SQL, factsParams(q));
  return toFacts(row);
}

function factsParams(q: Parameters<typeof readScanFacts>[1]): unknown[] {
  return [q.userId, q.requestId, q.rateKey, q.windowStart.toISOString(), q.isCounted, q.positionId, q.now.toISOString()];
}

function toFacts(row: FactsRow | undefined): ScanFacts {
  const w = row?.worker;
  const person = w?.person_id ? { id: w.person_id, realName: w.real_name ?? '', phone: w.person_phone } : null;
  return {
    earlier: row?.earlier ?? null,
    worker: { phone: w?.phone ?? person?.phone ?? null, person, isMember: Boolean(w?.is_member) },
    rateCount: row?.rate_count ?? null,
    isBanned: Boolean(row?.is_banned),
  };
}

/**
 * The write's CTEs with its parameters numbered from `k + 1` (after the facts' seven in OPEN_SQL).
 * `gate` adds conditions to the freshness check; `personName`/`phoneMasked` are SQL for the entry's names
 * when their parameters are null (the fast path reads the worker in the same statement).
 */
function commitCtes(k: number, o: { gate: string; personName: string; phoneMasked: string }): string {
  const $ = (n: number) => `$${n + k}`;
  const isOnline = `ok.last_seen_at >= ${$(13)}::timestamptz`;
  return `ok as (
  select c.last_seen_at from door_controller c
  join position p on p.id = c.position_id
  left join door_policy dp on dp.position_id = c.position_id
  where c.id = ${$(1)}::uuid and c.status = 'active' and c.version = ${$(2)}::int and p.version = ${$(3)}::int and coalesce(dp.version, 0) = ${$(4)}::int${o.gate}
), used as (
  insert into door_code_use (controller_id, step)
  select ${$(1)}::uuid, ${$(5)}::bigint from ok where ${$(5)}::bigint is not null
  on conflict do nothing returning step
), e as (
  insert into door_entry (at, position_id, org_id, controller_id, device_id, user_id, person_name, phone_masked, result, reason, command_id, request_id, is_after_hours)
  select ${$(6)}::timestamptz, ${$(7)}::uuid, ${$(8)}::uuid, ${$(1)}::uuid, ${$(9)}::text, ${$(10)}::uuid,
         coalesce(${$(11)}::text, ${o.personName}), coalesce(${$(12)}::text, ${o.phoneMasked}), 'failed',
         case when ${isOnline} then 'PENDING' else 'DOOR_CONTROLLER_OFFLINE' end,
         case when ${isOnline} then ${$(14)}::uuid end,
         case when ${isOnline} then ${$(15)}::uuid end,
         ${$(16)}::boolean
  from ok where ${$(5)}::bigint is null or exists (select 1 from used)
  on conflict do nothing returning id, reason
), cmd as (
  insert into door_command (id, controller_id, entry_id, issued_at, expires_at)
  select ${$(14)}::uuid, ${$(1)}::uuid, e.id, ${$(17)}::timestamptz, ${$(18)}::timestamptz from e where e.reason = 'PENDING'
  returning id
)`;
}

const COMMIT_COLUMNS = `exists (select 1 from ok) as is_fresh, exists (select 1 from used) as is_code_used_now,
       (select id from e) as entry_id, (select reason from e) as reason`;

const COMMIT_SQL = `with ${commitCtes(0, { gate: '', personName: 'null', phoneMasked: 'null' })}
select ${COMMIT_COLUMNS}`;

/** Facts ($1–$7), the write ($8–$25), the rate limit ($26) and members-only ($27). */
const OPEN_SQL = `with ${FACTS_CTES}, ${commitCtes(7, {
  // The worker's checks, as the service makes them: no earlier answer, under the rate limit, a real name, a member where needed, not banned.
  gate: `
    and not exists (select 1 from earlier) and (select count from rl) <= $26::int
    and exists (select 1 from w where w.person_id is not null and (not $27::boolean or w.is_member)) and not ${BANNED}`,
  personName: '(select w.real_name from w)',
  // maskPhone (doors.service) in SQL, of the phone findWorker would give: the account's, else the person's.
  phoneMasked: `(select case when length(x.phone) >= 7 then left(x.phone, 3) || '****' || right(x.phone, 4) else x.phone end
                 from (select coalesce(w.phone, w.person_phone) as phone from w) x)`,
})}
select ${FACTS_COLUMNS}, ${COMMIT_COLUMNS}`;

export type CommitResult =
  | { kind: 'stale' }
  | { kind: 'code_used' }
  | { kind: 'duplicate' }
  | { kind: 'offline'; entryId: string }
  | { kind: 'pending'; entryId: string };

/**
 * The scan's one write, after every check passed: re-checks in the same statement that the cached
 * controller, station and policy are still the current versions (and the controller active), uses
 * the rotating code's step (single use across instances: a unique row), logs the entry (PENDING, or
 * DOOR_CONTROLLER_OFFLINE from the controller's last heartbeat) and records the unlock command.
 */
export async function commitScan(
  run: RunQuery,
  s: {
    controllerId: string;
    versions: { controller: number; position: number; policy: number };
    step: number | null;
    at: Date;
    positionId: string;
    orgId: string;
    deviceId: string;
    userId: string;
    personName: string | null;
    phoneMasked: string | null;
    onlineSince: Date;
    commandId: string;
    requestId: string;
    isAfterHours: boolean;
    issuedAt: Date;
    expiresAt: Date;
  },
): Promise<CommitResult> {
  const [row] = await run<CommitRow>(COMMIT_SQL, commitParams(s));
  return toCommitResult(row, s.step);
}

type CommitInput = Parameters<typeof commitScan>[1];
type CommitRow = { is_fresh: boolean; is_code_used_now: boolean; entry_id: string | null; reason: string | null };

function toCommitResult(row: CommitRow | undefined, step: number | null): CommitResult {
  if (!row?.is_fresh) return { kind: 'stale' };
  if (step !== null && !row.is_code_used_now) return { kind: 'code_used' };
  if (!row.entry_id) return { kind: 'duplicate' };
  return row.reason === 'PENDING' ? { kind: 'pending', entryId: row.entry_id } : { kind: 'offline', entryId: row.entry_id };
}

function commitParams(s: CommitInput): unknown[] {
  return [
    s.controllerId,
    s.versions.controller,
    s.versions.position,
    s.versions.policy,
    s.step,
    s.at.toISOString(),
    s.positionId,
    s.orgId,
    s.deviceId,
    s.userId,
    s.personName,
    s.phoneMasked,
    s.onlineSince.toISOString(),
    s.commandId,
    s.requestId,
    s.isAfterHours,
    s.issuedAt.toISOString(),
    s.expiresAt.toISOString(),
  ];
}

/**
 * The fast path, when every check the service makes from the door alone has passed (active, open,
 * within hours, a right code): the worker's facts and the commit in one statement. The commit only
 * happens when the worker's checks pass too; otherwise the service refuses from the facts, in its
 * usual order, exactly as after `readScanFacts` (`committed` is then undefined).
 */
export async function openScan(
  run: RunQuery,
  q: Parameters<typeof readScanFacts>[1] & { rateLimit: number; isMembersOnly: boolean },
  s: CommitInput,
): Promise<{ facts: ScanFacts; committed: CommitResult | undefined }> {
  const [row] = await run<FactsRow & CommitRow>(OPEN_SQL, [...factsParams(q), ...commitParams(s), q.rateLimit, q.isMembersOnly]);
  const facts = toFacts(row);
  const passes = !facts.earlier && facts.rateCount !== null && facts.rateCount <= q.rateLimit && facts.worker.person !== null && (!q.isMembersOnly || facts.worker.isMember) && !facts.isBanned;
  return { facts, committed: passes ? toCommitResult(row, s.step) : undefined };
}

const ACK_SQL = `
with c as (
  select id from door_controller where id = $1::uuid and status = 'active' and version = $2::int
), n as (
  insert into door_device_nonce (device_id, nonce) select $3::text, $4::text from c
  on conflict do nothing returning nonce
), a as (
  update door_command set acked_at = $5::timestamptz, ack_result = $6::text, ack_reason = $7::text
  where id = $8::uuid and controller_id = $1::uuid and acked_at is null and exists (select 1 from n)
  returning id, entry_id, ack_result, ack_reason
), t as (
  update door_controller set last_seen_at = $5::timestamptz, is_marked_offline = false
  where id = $1::uuid and exists (select 1 from n)
  returning id
), e as (
  update door_entry set
    result = case when a.ack_result = 'done' then 'opened' else 'failed' end,
    reason = case when a.ack_result = 'done' then (case when door_entry.reason = 'DOOR_NO_ACK' then 'DOOR_LATE_ACK' end) else 'DOOR_DEVICE_REFUSED' end
  from a
  where door_entry.id = a.entry_id
    and ((a.ack_result = 'done' and door_entry.result <> 'opened') or (a.ack_result = 'refused' and door_entry.reason = 'PENDING'))
  returning door_entry.id
)
select exists (select 1 from c) as is_fresh, exists (select 1 from n) as is_new_nonce, exists (select 1 from t) as is_touched,
       (select row_to_json(a) from a) as acked,
       (select count(*)::int from e) as entries,
       (select controller_id from door_command where id = $8::uuid) as command_controller,
       (select pg_notify($9::text, json_build_object('c', a.id, 'r', a.ack_result, 'why', a.ack_reason)::text) from a) as notified`;

export type AckRecord =
  | { kind: 'stale' }
  | { kind: 'replay' }
  | { kind: 'acked'; commandId: string; result: 'done' | 'refused'; reason: string | null }
  | { kind: 'again' }
  | { kind: 'foreign' };

/**
 * A controller's ack in one statement: the nonce (replays refused), the command's first ack, the
 * controller's last-seen time, the entry (opened; DOOR_LATE_ACK after the scan gave up; or refused
 * by the device) and the NOTIFY carrying the result to the instance that waits, sent at commit.
 */
export async function recordAck(
  run: RunQuery,
  a: { controllerId: string; controllerVersion: number; deviceId: string; nonce: string; at: Date; result: 'done' | 'refused'; reason: string | null; commandId: string; channel: string },
): Promise<AckRecord> {
  const [row] = await run<{ is_fresh: boolean; is_new_nonce: boolean; acked: { id: string; ack_result: string; ack_reason: string | null } | null; command_controller: string | null }>(ACK_SQL, [
    a.controllerId,
    a.controllerVersion,
    a.deviceId,
    a.nonce,
    a.at.toISOString(),
    a.result,
    a.reason,
    a.commandId,
    a.channel,
  ]);
  if (!row?.is_fresh) return { kind: 'stale' };
  if (!row.is_new_nonce) return { kind: 'replay' };
  if (row.acked) return { kind: 'acked', commandId: row.acked.id, result: row.acked.ack_result === 'done' ? 'done' : 'refused', reason: row.acked.ack_reason };
  return row.command_controller === a.controllerId ? { kind: 'again' } : { kind: 'foreign' };
}
