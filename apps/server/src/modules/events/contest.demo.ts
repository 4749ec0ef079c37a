import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { totalOf } from '../../platform/rubric';
import * as c from './contest.repository';
import * as repo from './events.repository';

type OrgRef = { id: string; path: string };

const CRITERIA = [
  { key: 'skill', name: '操作技能', nameEn: 'Operating skill', weight: 50, max: 50 },
  { key: 'safety', name: '安全规范', nameEn: 'Safety', weight: 30, max: 30 },
  { key: 'speed', name: '完成时间', nameEn: 'Time', weight: 20, max: 20 },
];

/**
 * A closed skill competition (seed 001: sixteen skill contests a year) — 江北区职工叉车技能竞赛 — with
 * eight entrants, five judges' sealed sheets (one recusal) and the results ranked; skipped without
 * members or staff accounts.
 */
export async function seedDemoContest(tx: Db, jb: OrgRef, now: Date): Promise<void> {
  const judges = await repo.query<{ id: string; name: string }>(
    tx,
    sql`select id, display_name as name from app_user where username in ('admin', 'jb.admin', 'jb.staff', 'gyq.admin', 'wld.admin') order by username`,
  );
  const members = await repo.query<{ membership_id: string; person_id: string; real_name: string; union_id: string; union_path: string }>(
    tx,
    sql`select m.id as membership_id, p.id as person_id, p.real_name, o.id as union_id, o.path as union_path
        from membership m join person p on p.id = m.person_id join org o on o.id = m.org_id
        where m.status = 'active' and p.user_id is null and o.path like ${`${jb.path}%`} order by m.member_number limit 8 offset 40`,
  );
  if (judges.length < 3 || members.length < 8) return;
  const day = 24 * 3600_000;
  const startsAt = new Date(now.getTime() - 20 * day);
  const eventId = await repo.insertEvent(
    tx,
    {
      orgId: jb.id,
      seriesId: null,
      type: 'skill_competition',
      title: '江北区职工叉车技能竞赛',
      description: '理论与实操结合：绕桩、叉取、码垛。按评分细则由五位评委打分，去掉一个最高分和一个最低分。',
      visibility: 'subtree',
      positionId: null,
      address: '鱼复工业园实训基地',
      lng: 106.7312,
      lat: 29.6235,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 6 * 3600_000),
      signupOpensAt: new Date(startsAt.getTime() - 30 * day),
      signupClosesAt: new Date(startsAt.getTime() - 3 * day),
      feeFen: 0,
      eligibility: { membersOnly: true, orgIds: [], employmentForms: [], minAge: 18, maxAge: 60 },
      capacity: 30,
      offerHoldMinutes: 720,
      isOverlapForbidden: false,
      minAttendanceMinutes: null,
      coverPhotoId: null,
    },
    null,
    now,
  );
  await repo.setEventStatus(tx, eventId, 1, 'published', now, { publishedAt: new Date(startsAt.getTime() - 31 * day) });
  const regIds: string[] = [];
  for (const m of members) {
    const [r] = await repo.query<{ id: string }>(
      tx,
      sql`insert into event_registration (event_id, membership_id, person_id, name, union_org_id, union_path, status, source, queued_at, confirmed_at, attended_at)
          values (${eventId}, ${m.membership_id}, ${m.person_id}, ${m.real_name}, ${m.union_id}, ${m.union_path}, 'confirmed', 'staff',
                  ${new Date(startsAt.getTime() - 10 * day).toISOString()}, ${new Date(startsAt.getTime() - 10 * day).toISOString()}, ${new Date(startsAt.getTime() + 15 * 60_000).toISOString()})
          returning id`,
    );
    regIds.push(r!.id);
  }
  await tx.execute(sql`update event set taken = ${regIds.length} where id = ${eventId}`);
  const contestId = await c.upsertContest(tx, eventId, { criteria: CRITERIA, prizeMode: 'count', prizeTiers: [1, 2, 3] }, now);
  await c.replaceJudges(tx, contestId, judges.map((j) => ({ userId: j.id, name: j.name })));
  // Deterministic marks: each entrant has a level; each judge a small lean.
  const levels = [0.92, 0.88, 0.85, 0.85, 0.8, 0.76, 0.7, 0.64];
  for (const [ji, j] of judges.entries()) {
    for (const [ri, regId] of regIds.entries()) {
      if (ji === 0 && ri === 2) {
        await c.insertSheet(tx, { contestId, judgeId: j.id, registrationId: regId, points: null, total: null, reason: '选手为本人所在单位职工' }, now);
        continue;
      }
      const lean = ((ji * 7 + ri * 3) % 5) / 100 - 0.02;
      const points = Object.fromEntries(CRITERIA.map((k) => [k.key, Math.round(Math.min(1, levels[ri]! + lean) * k.max)]));
      await c.insertSheet(tx, { contestId, judgeId: j.id, registrationId: regId, points, total: totalOf(CRITERIA, points), reason: null }, now);
    }
  }
  await c.setStatus(tx, contestId, 'closed', new Date(startsAt.getTime() + 7 * 3600_000));
}
