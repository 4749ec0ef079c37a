/**
 * Marketplace benchmark (issue 12 point 10), `npm run bench -- market`: the final's live vote.
 * 2,000 worker representatives, each checked in at the hall, vote for a finalist at once against
 * one app instance on PostgreSQL over real HTTP (a pool of phones, `MARKET_PHONES` at a time):
 * votes accepted per second, p50/p99 latency, whether all 2,000 were in within 60 s, and the
 * roadshow screen's total against the stored votes at the end; `pgbench -N` on the same server in
 * the same run gives the ratio. Figures only: nothing here asserts a timing.
 *
 * The demo's 2023 Jiangbei final (9 finalists, paper ballots) is the season; a fresh hall session
 * is opened on it and 2,000 active members of 江北 become representatives with one vote each, with
 * phone accounts and sessions written as sign-in would write them (the SMS code is not the subject).
 */
import { randomBytes } from "node:crypto";
import { dropDatabase, fmt, num, percentiles, recreateDatabase, withDatabase, type Log } from "./common";
import { phoneSession, startDemoApp } from "./demo-app";
import { pgbenchSimpleUpdate } from "./fund";

const MARKET_DB = "niangjia_bench_market";
const PGBENCH_DB = "niangjia_bench_market_pgbench";
const REPS = num("MARKET_REPS", 2000);
const PHONES = num("MARKET_PHONES", 100);

export type MarketFigures = {
  reps: number;
  phones: number;
  accepted: number;
  refused: number;
  seconds: number;
  rate: number;
  p50: number;
  p99: number;
  max: number;
  screenBefore: number;
  screenAfter: number;
  stored: number;
  exact: boolean;
  pgbench: { tps: number; command: string };
};

export async function benchMarket(adminUrl: string, log: Log): Promise<MarketFigures> {
  const { database, base, close } = await startDemoApp(adminUrl, MARKET_DB, log, "market");
  try {

    const [season] = await database.query<{ id: string }>("select id from market_season where year = 2023 order by created_at limit 1");
    if (!season) throw new Error("the demo has no 2023 market season");
    const finalists = (await database.query<{ id: string }>("select id from market_entry where season_id = $1 and status = 'finalist' order by pitch_order", [season.id])).map((r) => r.id);
    const [hall] = await database.query<{ id: string }>(
      "insert into market_vote_session (season_id, venue, status, secret, opened_at) values ($1, '压测会场', 'open', $2, now()) returning id",
      [season.id, randomBytes(16).toString("hex")],
    );

    log(`market: ${REPS} representatives with phone accounts and sessions, checked in`);
    const members = await database.query<{ membership_id: string; person_id: string; org_id: string; real_name: string; phone: string }>(
      `select m.id as membership_id, p.id as person_id, m.org_id, p.real_name, p.phone
         from membership m join person p on p.id = m.person_id join org o on o.id = m.org_id
        where m.status = 'active' and p.phone is not null and p.user_id is null
          and o.path like (select path from org where code = 'JB') || '%'
          and not exists (select 1 from app_user u where u.phone = p.phone)
          and not exists (select 1 from market_rep r where r.season_id = $1 and r.person_id = p.id)
        order by m.member_number limit $2`,
      [season.id, REPS],
    );
    if (members.length < REPS) throw new Error(`only ${members.length} members can become representatives`);
    const phones: { cookie: string; csrf: string; entryId: string }[] = [];
    for (const [i, m] of members.entries()) {
      const phone = await phoneSession(database, m);
      const [rep] = await database.query<{ id: string }>(
        "insert into market_rep (season_id, person_id, membership_id, org_id, name, vote_limit) values ($1, $2, $3, $4, $5, 1) returning id",
        [season.id, m.person_id, m.membership_id, m.org_id, m.real_name],
      );
      await database.query("insert into market_checkin (session_id, rep_id) values ($1, $2)", [hall!.id, rep!.id]);
      phones.push({ cookie: phone.cookie, csrf: phone.csrf, entryId: finalists[i % finalists.length]! });
    }

    const screen = async () => ((await (await fetch(`${base}/api/v1/public/market/roadshow/${season.id}`)).json()) as { totalVotes: number }).totalVotes;
    const screenBefore = await screen();
    log(`market: ${REPS} votes, ${PHONES} phones at a time`);
    const latencies: number[] = [];
    let accepted = 0;
    let refused = 0;
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: PHONES }, async () => {
        while (next < phones.length) {
          const p = phones[next++]!;
          const started = performance.now();
          const res = await fetch(`${base}/api/v1/market/voting/sessions/${hall!.id}/votes`, {
            method: "POST",
            headers: { cookie: p.cookie, "x-csrf-token": p.csrf, "content-type": "application/json" },
            body: JSON.stringify({ entryId: p.entryId }),
          });
          await res.arrayBuffer();
          latencies.push(performance.now() - started);
          if (res.status === 200) accepted++;
          else refused++;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const screenAfter = await screen();
    const [stored] = await database.query<{ n: number }>("select count(*)::int as n from market_vote where session_id = $1", [hall!.id]);
    const timing = percentiles(latencies);
    const exact = screenAfter - screenBefore === stored!.n && stored!.n === accepted;
    log(`market:   ${accepted} accepted in ${seconds.toFixed(1)} s (${(accepted / seconds).toFixed(0)} votes/s), p99 ${timing.p99.toFixed(0)} ms; screen +${screenAfter - screenBefore}, stored ${stored!.n}`);

    await recreateDatabase(adminUrl, PGBENCH_DB);
    const pgbench = pgbenchSimpleUpdate(withDatabase(adminUrl, PGBENCH_DB), (m) => log(m.replace(/^fund: /, "market: ")));
    await dropDatabase(adminUrl, PGBENCH_DB);
    return {
      reps: REPS,
      phones: PHONES,
      accepted,
      refused,
      seconds,
      rate: accepted / seconds,
      p50: timing.p50,
      p99: timing.p99,
      max: Math.max(...latencies),
      screenBefore,
      screenAfter,
      stored: stored!.n,
      exact,
      pgbench,
    };
  } finally {
    await close();
  }
}

export function marketMarkdown(f: MarketFigures, command: string): string {
  return [
    `## Marketplace: the final's live vote (\`${command}\`)`,
    "",
    `PostgreSQL 15, one app instance in this process on real HTTP. ${fmt(f.reps, 0)} representatives, each checked in at the hall with one vote, vote at once from ${f.phones} phones at a time; each vote locks the representative's row, inserts the vote, bumps the finalist's running count, writes the audit entry and notifies the screens, in one transaction. "Exact" = the roadshow screen's total rose by exactly the votes stored, and every accepted vote is stored.`,
    "",
    "| measure | figure | ratio to `pgbench -N` |",
    "| --- | --- | --- |",
    `| votes accepted | ${fmt(f.accepted, 0)} of ${fmt(f.reps, 0)} in ${fmt(f.seconds, 1)} s (${f.seconds <= 60 ? "within" : "**over**"} 60 s), refused ${f.refused} | — |`,
    `| votes per second | ${fmt(f.rate, 0)} | ${(f.rate / f.pgbench.tps).toFixed(3)} |`,
    `| latency per vote | p50 ${fmt(f.p50, 0)} ms, p99 ${fmt(f.p99, 0)} ms, max ${fmt(f.max, 0)} ms | — |`,
    `| screen total before → after; votes stored | ${fmt(f.screenBefore, 0)} → ${fmt(f.screenAfter, 0)}; ${fmt(f.stored, 0)} — exact: ${f.exact ? "yes" : "**NO**"} | — |`,
    `| \`${f.pgbench.command}\` (simple update, same server, same run) | ${fmt(f.pgbench.tps, 0)} TPS | 1.000 |`,
    "",
  ].join("\n");
}
