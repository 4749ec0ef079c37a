/**
 * Events benchmark (issue 13 point 12), `npm run bench -- events`: a popular event opening for
 * sign-up. 5,000 members of 江北 (phone accounts and sessions written as sign-in would write them)
 * sign up at once, `EVENTS_PHONES` at a time, for 1,000 places, asking for the waiting list when
 * full, against one app instance on PostgreSQL over real HTTP. Printed: sign-ups answered per
 * second, p50/p99 latency, whether all were answered within 30 s, places taken against capacity
 * (zero oversold: the stored confirmed registrations, the event's counter and the capacity agree),
 * and the waiting list in order (the positions the sign-ups were told are 1…n with no gap or
 * repeat, and each is the registration's rank in the stored queue). `pgbench -N` on the same
 * server in the same run gives the ratio. Figures only: nothing here asserts a timing.
 */
import { dropDatabase, fmt, num, percentiles, recreateDatabase, withDatabase, type Log } from "./common";
import { phoneSession, startDemoApp } from "./demo-app";
import { pgbenchSimpleUpdate } from "./fund";

const EVENTS_DB = "niangjia_bench_events";
const PGBENCH_DB = "niangjia_bench_events_pgbench";
const SIGNUPS = num("EVENTS_SIGNUPS", 5000);
const PLACES = num("EVENTS_PLACES", 1000);
const PHONES = num("EVENTS_PHONES", 100);

export type EventsFigures = {
  signups: number;
  places: number;
  phones: number;
  confirmed: number;
  waiting: number;
  refused: number;
  seconds: number;
  rate: number;
  p50: number;
  p99: number;
  max: number;
  stored: { confirmed: number; waiting: number; taken: number; capacity: number };
  oversold: number;
  queueInOrder: boolean;
  queueProblem: string | null;
  pgbench: { tps: number; command: string };
};

export async function benchEvents(adminUrl: string, log: Log): Promise<EventsFigures> {
  const { database, base, close } = await startDemoApp(adminUrl, EVENTS_DB, log, "events");
  try {
    // The district's event, open to every member of 江北, sign-up open from now.
    const [event] = await database.query<{ id: string }>(
      `insert into event (org_id, type, title, visibility, address, lng, lat, starts_at, ends_at, signup_opens_at, signup_closes_at, eligibility, capacity, status, published_at)
       select id, 'culture', '压测：江北区职工新年音乐会', 'subtree', '江北区职工服务中心', 106.5305, 29.5755,
              now() + interval '10 days', now() + interval '10 days 3 hours', now() - interval '1 minute', now() + interval '5 days',
              '{"membersOnly":true,"orgIds":[],"employmentForms":[],"minAge":null,"maxAge":null}'::jsonb, $1, 'published', now()
         from org where code = 'JB' returning id`,
      [PLACES],
    );
    if (!event) throw new Error("the demo has no 江北 district org");

    log(`events: ${SIGNUPS} members with phone accounts and sessions`);
    const members = await database.query<{ real_name: string; phone: string }>(
      `select p.real_name, p.phone
         from membership m join person p on p.id = m.person_id join org o on o.id = m.org_id
        where m.status = 'active' and p.phone is not null and p.user_id is null
          and o.path like (select path from org where code = 'JB') || '%'
          and not exists (select 1 from app_user u where u.phone = p.phone)
        order by m.member_number limit $1`,
      [SIGNUPS],
    );
    if (members.length < SIGNUPS) {
      // The demo's members with phones are fewer: the rest are written into 江北's grassroots unions.
      const more = await database.query<{ real_name: string; phone: string }>(
        `with unions as (select id, (row_number() over (order by code))::int - 1 as i, (count(*) over ())::int as n
                           from org where type = 'grassroots' and path like (select path from org where code = 'JB') || '%'),
              people as (
                insert into person (org_id, real_name, id_number_enc, id_number_hash, id_number_masked, phone, sex, birth_date)
                select u.id, '压测职工' || g, 'bench', 'bench-events-' || g, '500105********0000', '199' || lpad(g::text, 8, '0'),
                       case when g % 2 = 0 then 'male' else 'female' end, date '1990-01-01'
                  from generate_series(1, $1::int) g join unions u on u.i = g % u.n
                returning id, org_id, real_name, phone)
         , joined as (insert into membership (person_id, org_id, status, joined_at) select id, org_id, 'active', now() from people returning person_id)
         select p.real_name, p.phone from people p join joined j on j.person_id = p.id`,
        [SIGNUPS - members.length],
      );
      members.push(...more);
    }
    if (members.length < SIGNUPS) throw new Error(`only ${members.length} members can sign up`);
    const phones: { cookie: string; csrf: string }[] = [];
    for (const m of members) phones.push(await phoneSession(database, m));

    log(`events: ${SIGNUPS} sign-ups for ${PLACES} places, ${PHONES} phones at a time`);
    const latencies: number[] = [];
    const told = new Map<string, number>();
    let confirmed = 0;
    let waiting = 0;
    let refused = 0;
    const refusals: string[] = [];
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: PHONES }, async () => {
        while (next < phones.length) {
          const p = phones[next++]!;
          const started = performance.now();
          const res = await fetch(`${base}/api/v1/events/open/${event.id}/sign-up`, {
            method: "POST",
            headers: { cookie: p.cookie, "x-csrf-token": p.csrf, "content-type": "application/json" },
            body: JSON.stringify({ waitlist: true }),
          });
          const body = (await res.json()) as { id?: string; status?: string; waitingPosition?: number | null };
          latencies.push(performance.now() - started);
          if (res.status === 201 && body.status === "confirmed") confirmed++;
          else if (res.status === 201 && body.status === "waiting") {
            waiting++;
            told.set(body.id!, body.waitingPosition!);
          } else {
            refused++;
            if (!refusals.length) refusals.push(`${res.status} ${JSON.stringify(body).slice(0, 200)}`);
          }
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    if (refusals.length) log(`events:   first refusal: ${refusals[0]}`);

    const [stored] = await database.query<{ confirmed: number; waiting: number; taken: number; capacity: number }>(
      `select (select count(*)::int from event_registration r where r.event_id = e.id and r.status = 'confirmed') as confirmed,
              (select count(*)::int from event_registration r where r.event_id = e.id and r.status = 'waiting') as waiting,
              e.taken, e.capacity
         from event e where e.id = $1`,
      [event.id],
    );
    // The stored queue: priority first, then the order of joining (as the offers go).
    const queue = await database.query<{ id: string }>("select id from event_registration where event_id = $1 and status = 'waiting' order by priority desc, queue_seq", [event.id]);
    const positions = [...told.values()].sort((a, b) => a - b);
    let queueProblem: string | null = null;
    if (positions.some((p, i) => p !== i + 1)) queueProblem = "the positions told are not 1…n";
    else if (queue.length !== told.size) queueProblem = `${queue.length} stored waiting, ${told.size} told`;
    else {
      const wrong = queue.findIndex((r, i) => told.get(r.id) !== i + 1);
      if (wrong >= 0) queueProblem = `stored rank ${wrong + 1} was told ${told.get(queue[wrong]!.id)}`;
    }
    const timing = percentiles(latencies);
    const oversold = Math.max(0, stored!.confirmed - stored!.capacity) + Math.max(0, stored!.taken - stored!.capacity);
    log(
      `events:   ${confirmed} confirmed, ${waiting} waiting, ${refused} refused in ${seconds.toFixed(1)} s (${(SIGNUPS / seconds).toFixed(0)} sign-ups/s), p99 ${timing.p99.toFixed(0)} ms; stored ${stored!.confirmed}/${stored!.capacity}, queue ${queueProblem ?? "in order"}`,
    );

    await recreateDatabase(adminUrl, PGBENCH_DB);
    const pgbench = pgbenchSimpleUpdate(withDatabase(adminUrl, PGBENCH_DB), (m) => log(m.replace(/^fund: /, "events: ")));
    await dropDatabase(adminUrl, PGBENCH_DB);
    return {
      signups: SIGNUPS,
      places: PLACES,
      phones: PHONES,
      confirmed,
      waiting,
      refused,
      seconds,
      rate: SIGNUPS / seconds,
      p50: timing.p50,
      p99: timing.p99,
      max: Math.max(...latencies),
      stored: stored!,
      oversold,
      queueInOrder: queueProblem === null,
      queueProblem,
      pgbench,
    };
  } finally {
    await close();
  }
}

export function eventsMarkdown(f: EventsFigures, command: string): string {
  return [
    `## Events: a popular event opening for sign-up (\`${command}\`)`,
    "",
    `PostgreSQL 15, one app instance in this process on real HTTP. ${fmt(f.signups, 0)} members sign up at once from ${f.phones} phones at a time for ${fmt(f.places, 0)} places, asking for the waiting list when full. Each sign-up checks eligibility, takes a place with a conditional update of the event row (the database's CHECK makes overselling impossible) or joins the queue, writes the registration, the audit entry and the confirmation message, in one transaction. "In order" = the positions the waiting sign-ups were told are 1…n with no gap or repeat, and each is that registration's rank in the stored queue.`,
    "",
    "| measure | figure | ratio to `pgbench -N` |",
    "| --- | --- | --- |",
    `| sign-ups answered | ${fmt(f.signups - f.refused, 0)} of ${fmt(f.signups, 0)} in ${fmt(f.seconds, 1)} s (${f.seconds <= 30 ? "within" : "**over**"} 30 s): ${fmt(f.confirmed, 0)} confirmed, ${fmt(f.waiting, 0)} waiting, ${f.refused} refused | — |`,
    `| sign-ups per second | ${fmt(f.rate, 0)} | ${(f.rate / f.pgbench.tps).toFixed(3)} |`,
    `| latency per sign-up | p50 ${fmt(f.p50, 0)} ms, p99 ${fmt(f.p99, 0)} ms, max ${fmt(f.max, 0)} ms | — |`,
    `| places: stored confirmed / event counter / capacity | ${fmt(f.stored.confirmed, 0)} / ${fmt(f.stored.taken, 0)} / ${fmt(f.stored.capacity, 0)} — oversold: ${f.oversold === 0 ? "0" : `**${f.oversold}**`} | — |`,
    `| waiting list | ${fmt(f.stored.waiting, 0)} stored — ${f.queueInOrder ? "in order" : `**not in order**: ${f.queueProblem}`} | — |`,
    `| \`${f.pgbench.command}\` (simple update, same server, same run) | ${fmt(f.pgbench.tps, 0)} TPS | 1.000 |`,
    "",
  ].join("\n");
}
