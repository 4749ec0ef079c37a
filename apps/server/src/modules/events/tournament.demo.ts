import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { SEED_ACTOR, systemAuditContext } from '../../platform/audit/audit.service';
import * as events from './events.repository';
import type { StaffCtx } from './events.shared';
import * as repo from './tournament.repository';
import { createTournamentService } from './tournament.service';

type OrgRef = { id: string; path: string };

const at = (base: Date, days: number, hour: number) => {
  const d = new Date(base.getTime() + 8 * 3600_000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days, hour - 8));
};
const ORDINALS = ['一', '二', '三', '四', '五', '六'];

/**
 * The Jiangbei invitationals (seed 000: 3-a-side basketball and 5-a-side football, 100+ union
 * teams): 64 basketball teams in 16 groups then a 32-team knockout, 48 football teams in a
 * single-elimination bracket with byes; teams of the demo's grassroots unions with rosters of their
 * members (each person on one team), drawn and scheduled, part of the results entered by the
 * district's staff. Needs the demo members (skipped without them).
 */
export async function seedDemoTournaments(tx: Db, byCode: Map<string, OrgRef>, now = new Date()): Promise<void> {
  const jb = byCode.get('JB')!;
  const [staff] = await events.query<{ id: string }>(tx, sql`select id from app_user where username = 'jb.staff'`);
  const members = await events.query<{ id: string; org_id: string }>(
    tx,
    sql`select m.id, m.org_id from membership m join org o on o.id = m.org_id
        where m.status = 'active' and o.type in ('grassroots','joint') and o.path like ${`${jb.path}%`} order by m.member_number`,
  );
  if (!staff || members.length < 600) return;
  const byUnion = new Map<string, string[]>();
  for (const m of members) byUnion.set(m.org_id, [...(byUnion.get(m.org_id) ?? []), m.id]);
  const unions = await events.findOrgs(tx, [...byUnion.keys()]);
  // Unions with the most members first; each person plays in one tournament only.
  unions.sort((a, b) => byUnion.get(b.id)!.length - byUnion.get(a.id)!.length || a.name.localeCompare(b.name, 'zh-CN'));
  const service = createTournamentService({ db: tx, clock: () => now });
  const ctx: StaffCtx = { userId: staff.id, read: 'all', write: 'all', audit: systemAuditContext(SEED_ACTOR), lang: 'zh-CN' };

  const [basketballEvent] = await events.query<{ id: string }>(tx, sql`select id from event where org_id = ${jb.id} and type = 'sport' and title like '%三人篮球%' limit 1`);
  const footballEvent = await events.insertEvent(
    tx,
    {
      orgId: jb.id,
      seriesId: null,
      type: 'sport',
      title: '江北区职工“五人制足球”邀请赛',
      description: '以工会为单位组队参赛，每队 5–8 人（含替补）。小组抽签时同一工会的队伍尽量分开。',
      visibility: 'public',
      positionId: null,
      address: '江北区鸿恩寺公园足球场',
      lng: 106.5161,
      lat: 29.5876,
      startsAt: at(now, 20, 9),
      endsAt: at(now, 22, 18),
      signupOpensAt: at(now, -10, 9),
      signupClosesAt: at(now, 15, 18),
      feeFen: 0,
      eligibility: { membersOnly: true, orgIds: [], employmentForms: [], minAge: 18, maxAge: 50 },
      capacity: 400,
      offerHoldMinutes: 720,
      isOverlapForbidden: false,
      minAttendanceMinutes: null,
      coverPhotoId: null,
    },
    null,
    now,
  );
  await events.setEventStatus(tx, footballEvent, 1, 'published', now, { publishedAt: now });

  let taken = 0;
  const used = new Map<string, number>();
  // A short team name: the employer or street without the legal form (重庆华新街餐饮管理有限公司工会 → 华新街餐饮管理一队).
  const shortName = (union: string) => union.replace(/工会$/, '').replace(/^重庆(市)?/, '').replace(/(股份)?有限(责任)?公司|（总院）|\(重庆\)|（重庆）/g, '').replace(/重庆/, '') || union;
  const enter = async (tournamentId: string, teams: number, roster: number) => {
    const ordinal = new Map<string, number>();
    for (let k = 0; k < teams; k++) {
      // Round the unions, skipping one that has no members left for a full roster.
      for (let tries = 0; tries < unions.length; tries++) {
        const u = unions[(k + tries + taken) % unions.length]!;
        const pool = byUnion.get(u.id)!;
        const from = used.get(u.id) ?? 0;
        if (pool.length - from < roster) continue;
        used.set(u.id, from + roster);
        const nth = ordinal.get(u.id) ?? 0;
        ordinal.set(u.id, nth + 1);
        await service.registerTeam(
          tournamentId,
          { unionOrgId: u.id, name: `${shortName(u.name)}${ORDINALS[nth] ?? nth + 1}队`, membershipIds: pool.slice(from, from + roster), seed: k < 4 ? k + 1 : null },
          ctx,
        );
        break;
      }
    }
    taken += teams;
  };

  // Scores from a fixed sequence, so the demo is the same every time.
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const play = async (tournamentId: string, pick: (m: repo.MatchRecord) => boolean, score: (m: repo.MatchRecord) => [number, number], limit = Infinity) => {
    let done = 0;
    for (;;) {
      const t = (await repo.findTournament(tx, tournamentId, true))!;
      const m = (await repo.listMatches(tx, tournamentId)).find((x) => x.status === 'scheduled' && pick(x));
      if (!m || done >= limit) return;
      const [homeScore, awayScore] = score(m);
      await service.applyResult(tx, t, m.id, { homeScore, awayScore, version: m.version }, ctx);
      done++;
    }
  };
  const basketballScore = (): [number, number] => {
    const loser = 8 + next(13);
    return next(2) ? [21, loser] : [loser, 21];
  };
  const footballScore = (m: repo.MatchRecord): [number, number] => {
    const a = next(5);
    let b = next(4);
    if (m.stage === 'knockout' && a === b) b = a + 1;
    return [a, b];
  };

  if (basketballEvent) {
    const basketball = await service.create(
      {
        eventId: basketballEvent.id,
        title: '三人篮球邀请赛（男子组）',
        format: 'groups_knockout',
        groupCount: 16,
        advancePerGroup: 2,
        courts: ['1号场', '2号场', '3号场', '4号场', '5号场', '6号场', '7号场', '8号场'],
        firstSlotAt: at(now, 30, 9).toISOString(),
        slotMinutes: 20,
        slotsPerDay: 24,
        restSlots: 1,
        pointsWin: 2,
        pointsDraw: 1,
        pointsLoss: 1,
        rosterMin: 3,
        rosterMax: 4,
      },
      ctx,
    );
    await enter(basketball.tournament.id, 64, 4);
    await service.drawIn(tx, (await repo.findTournament(tx, basketball.tournament.id, true))!, ctx);
    await play(basketball.tournament.id, (m) => m.stage === 'group', basketballScore);
    await play(basketball.tournament.id, (m) => m.stage === 'knockout' && m.round === 1, basketballScore, 8);
  }

  const football = await service.create(
    {
      eventId: footballEvent,
      title: '五人制足球邀请赛',
      format: 'single_elimination',
      groupCount: 4,
      advancePerGroup: 2,
      courts: ['A 场', 'B 场', 'C 场', 'D 场'],
      firstSlotAt: at(now, 20, 9).toISOString(),
      slotMinutes: 40,
      slotsPerDay: 12,
      restSlots: 1,
      pointsWin: 3,
      pointsDraw: 1,
      pointsLoss: 0,
      rosterMin: 5,
      rosterMax: 8,
    },
    ctx,
  );
  await enter(football.tournament.id, 48, 6);
  await service.drawIn(tx, (await repo.findTournament(tx, football.tournament.id, true))!, ctx);
  await play(football.tournament.id, (m) => m.round === 1, footballScore);
  await play(football.tournament.id, (m) => m.round === 2, footballScore, 4);
}
