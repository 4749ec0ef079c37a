import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Eligibility } from '@niangjia/contracts';
import * as repo from './events.repository';
import { seedDemoTournaments } from './tournament.demo';
import { seedDemoMatchmaking } from './matchmaking.demo';
import { seedDemoContest } from './contest.demo';

type OrgRef = { id: string; path: string };

const anyone: Eligibility = { membersOnly: true, orgIds: [], employmentForms: [], minAge: null, maxAge: null };
const at = (base: Date, days: number, hour: number) => {
  // `hour` is Asia/Shanghai (UTC+8) on the day `days` after base's Shanghai day.
  const d = new Date(base.getTime() + 8 * 3600_000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days, hour - 8));
};

/**
 * A handful of Jiangbei's activities for the demo (PRODUCT.md part 6; seeds 000 and 004): the
 * monthly matchmaking series with a sex-balance quota, a baking training at a station, the 3-a-side
 * basketball invitational with places per street, and a health talk for gig workers. Published,
 * with no registrations (sign up on the phone to see the rest). A few rows: cheap to seed.
 */
export async function seedDemoEvents(tx: Db, byCode: Map<string, OrgRef>, now = new Date()): Promise<void> {
  const jb = byCode.get('JB')!;
  const gyq = byCode.get('JB-GYQ')!;
  const [position] = await repo.query<{ id: string; name: string; lng: number; lat: number }>(tx, sqlPosition);
  const add = async (
    v: Omit<repo.EventValues, 'offerHoldMinutes' | 'isOverlapForbidden' | 'minAttendanceMinutes' | 'coverPhotoId' | 'feeFen' | 'lng' | 'lat' | 'positionId' | 'address' | 'visibility'> & Partial<repo.EventValues>,
    quotas: { kind: string; unionOrgId: string | null; unionPath: string | null; groupKey: string | null; capacity: number }[] = [],
  ) => {
    const id = await repo.insertEvent(
      tx,
      { visibility: 'subtree', positionId: null, address: null, lng: null, lat: null, feeFen: 0, offerHoldMinutes: 720, isOverlapForbidden: false, minAttendanceMinutes: null, coverPhotoId: null, ...v },
      null,
      now,
    );
    for (const q of quotas) await repo.insertQuota(tx, id, q);
    await repo.setEventStatus(tx, id, 1, 'published', now, { publishedAt: now });
  };
  const seriesId = '5e7a1c2b-0d4e-4f6a-8b9c-1d2e3f4a5b6c';
  for (let month = 0; month < 6; month++) {
    const day = 20 + month * 30;
    await add(
      {
        orgId: jb.id,
        seriesId,
        type: 'matchmaking',
        title: `“江北良缘”单身职工交友会（第${month + 1}期）`,
        description: '面向江北区单身职工的联谊活动：破冰游戏、分组交流、自由交流。请如实填写个人信息，现场凭报名二维码入场。',
        address: '江北区职工服务中心二楼多功能厅',
        lng: 106.5325,
        lat: 29.5753,
        startsAt: at(now, day, 14),
        endsAt: at(now, day, 17),
        signupOpensAt: at(now, day - 20, 9),
        signupClosesAt: at(now, day - 2, 18),
        eligibility: { ...anyone, minAge: 22, maxAge: 45 },
        capacity: 60,
        isOverlapForbidden: true,
      },
      [
        { kind: 'group', unionOrgId: null, unionPath: null, groupKey: 'male', capacity: 30 },
        { kind: 'group', unionOrgId: null, unionPath: null, groupKey: 'female', capacity: 30 },
      ],
    );
  }
  await add({
    orgId: gyq.id,
    seriesId: null,
    type: 'training',
    title: '职工烘焙技能培训',
    description: '手把手学做面包和蛋糕，材料免费提供，结业可获培训证明。',
    positionId: position?.id ?? null,
    address: position ? null : '观音桥步行街',
    lng: position?.lng ?? null,
    lat: position?.lat ?? null,
    startsAt: at(now, 9, 14),
    endsAt: at(now, 9, 17),
    signupOpensAt: at(now, -3, 9),
    signupClosesAt: at(now, 8, 12),
    eligibility: anyone,
    capacity: 30,
    offerHoldMinutes: 360,
  });
  const streets = ['JB-GYQ', 'JB-WLD', 'JB-DSB', 'JB-HXJ'].map((c) => byCode.get(c)).filter((o): o is OrgRef => o !== undefined);
  await add(
    {
      orgId: jb.id,
      seriesId: null,
      type: 'sport',
      title: '江北区职工“三人篮球”邀请赛',
      description: '以工会为单位组队参赛，每队 3–4 人。个人报名后由所在工会组队。',
      address: '江北区体育馆',
      lng: 106.5442,
      lat: 29.5801,
      startsAt: at(now, 30, 9),
      endsAt: at(now, 31, 18),
      signupOpensAt: at(now, -5, 9),
      signupClosesAt: at(now, 25, 18),
      eligibility: { ...anyone, minAge: 18, maxAge: 50 },
      capacity: 120,
      visibility: 'public',
    },
    streets.map((s) => ({ kind: 'union', unionOrgId: s.id, unionPath: s.path, groupKey: null, capacity: 20 })),
  );
  await add({
    orgId: jb.id,
    seriesId: null,
    type: 'health',
    title: '新就业形态劳动者健康讲座',
    description: '颈肩腰背护理与交通安全，现场提供免费血压测量。',
    address: '红旗河沟骑手之家工会驿站',
    lng: 106.5295,
    lat: 29.5862,
    startsAt: at(now, 5, 19),
    endsAt: at(now, 5, 21),
    signupOpensAt: at(now, -2, 9),
    signupClosesAt: at(now, 5, 12),
    eligibility: { ...anyone, employmentForms: ['delivery_rider', 'courier', 'ride_hailing', 'truck_driver'] },
    capacity: 40,
  });
  await seedDemoTournaments(tx, byCode, now);
  await seedDemoMatchmaking(tx, jb, now);
  await seedDemoContest(tx, jb, now);
}

const sqlPosition = sql`select id, name, lng, lat from position where code = 'JB-RS-HQHG'`;
