import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import * as repo from './events.repository';

type OrgRef = { id: string; path: string };

/**
 * A year of Jiangbei's activities that already happened (PRODUCT.md part 6; seeds 000, 001, 004):
 * trainings, sport, culture, health talks, skill contests and the monthly 江北良缘 matchmaking,
 * organised by the district and its streets, each with registrations of members of the
 * organiser's subtree and attendance (about one in eight a no-show), so the console's 签到 column,
 * an event's attendance and the figures (activities, registrations, 人次, no-show rate) tell the
 * story of the year. Set-based inserts: a few thousand rows, cheap to seed.
 */
const PAST: { type: string; title: string; org: string; capacity: number; place: string; hours: number; startHour: number }[] = [
  { type: 'training', title: '新就业形态劳动者职业技能培训：电动车安全维护', org: 'JB', capacity: 80, place: '江北区职工服务中心', hours: 3, startHour: 14 },
  { type: 'culture', title: '“劳动者之歌”职工合唱比赛', org: 'JB', capacity: 200, place: '江北区文化馆剧场', hours: 3, startHour: 19 },
  { type: 'health', title: '女职工“两癌”筛查知识讲座', org: 'JB-GYQ', capacity: 60, place: '观音桥街道职工之家', hours: 2, startHour: 15 },
  { type: 'sport', title: '职工羽毛球团体赛', org: 'JB-WLD', capacity: 64, place: '五里店全民健身中心', hours: 6, startHour: 9 },
  { type: 'training', title: '普法讲座：劳动合同与工伤认定', org: 'JB-GYQ', capacity: 50, place: '观音桥街道职工之家', hours: 2, startHour: 14 },
  { type: 'skill_competition', title: '快递员职业技能比武', org: 'JB', capacity: 60, place: '江北区职工服务中心', hours: 6, startHour: 9 },
  { type: 'performance', title: '送文化进企业慰问演出', org: 'JB', capacity: 300, place: '江北区文化馆剧场', hours: 2, startHour: 19 },
  { type: 'health', title: '户外劳动者夏季防暑健康讲座', org: 'JB-HXJ', capacity: 40, place: '华新街街道工会驿站', hours: 2, startHour: 19 },
  { type: 'culture', title: '职工书画摄影作品展开幕', org: 'JB-DSB', capacity: 120, place: '大石坝街道文化活动中心', hours: 3, startHour: 10 },
  { type: 'sport', title: '职工趣味运动会', org: 'JB-GYQ', capacity: 150, place: '观音桥体育公园', hours: 5, startHour: 9 },
  { type: 'training', title: '母婴护理员培训', org: 'JB-WLD', capacity: 40, place: '五里店街道职工之家', hours: 4, startHour: 9 },
  { type: 'culture', title: '职工读书分享会', org: 'JB-HXJ', capacity: 40, place: '华新街街道图书室', hours: 2, startHour: 19 },
];

export async function seedDemoEventHistory(tx: Db, byCode: Map<string, OrgRef>, now = new Date()): Promise<void> {
  const dayStart = (daysAgo: number, hour: number) => {
    const d = new Date(now.getTime() + 8 * 3600_000);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - daysAgo, hour - 8));
  };
  const anyone = { membersOnly: true, orgIds: [], employmentForms: [], minAge: null, maxAge: null };
  const events: { id: string; org: OrgRef; capacity: number; fill: number; show: number; startsAt: Date }[] = [];
  // Four a month for twelve months, the oldest first; the matchmaking every month.
  for (let month = 12; month >= 1; month--) {
    for (let k = 0; k < 3; k++) {
      const n = (12 - month) * 3 + k;
      const p = PAST[n % PAST.length]!;
      const org = byCode.get(p.org) ?? byCode.get('JB')!;
      const startsAt = dayStart(month * 30 - k * 9 - 3, p.startHour);
      events.push({ ...(await pastEvent(tx, org, p.type, p.title, p.place, p.capacity, startsAt, p.hours, anyone)), org, capacity: p.capacity, fill: 0.7 + ((n * 7) % 30) / 100, show: 80 + ((n * 5) % 15), startsAt });
    }
    const jb = byCode.get('JB')!;
    const startsAt = dayStart(month * 30 - 20, 14);
    const local = new Date(startsAt.getTime() + 8 * 3600_000);
    events.push({
      ...(await pastEvent(tx, jb, 'matchmaking', `“江北良缘”单身职工交友会（${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月）`, '江北区职工服务中心二楼多功能厅', 60, startsAt, 3, { ...anyone, minAge: 22, maxAge: 45 })),
      org: jb,
      capacity: 60,
      fill: 0.9,
      show: 92,
      startsAt,
    });
  }
  for (const e of events) {
    const wanted = Math.round(e.capacity * e.fill);
    const created = new Date(e.startsAt.getTime() - 7 * 86_400_000).toISOString();
    await tx.execute(sql`
      insert into event_registration (event_id, membership_id, person_id, user_id, name, union_org_id, union_path, group_key, status, source, queued_at,
                                      confirmed_at, attended_at, created_at, updated_at)
      select ${e.id}, m.id, p.id, p.user_id, p.real_name, o.id, o.path, p.sex, 'confirmed', 'self', ${created},
             ${created}, case when abs(hashtext(m.id::text)) % 100 < ${e.show} then ${e.startsAt.toISOString()}::timestamptz + interval '8 minutes' end, ${created}, ${created}
        from membership m join person p on p.id = m.person_id join org o on o.id = m.org_id
       where m.status = 'active' and o.path like ${e.org.path} || '%'
       order by hashtext(m.id::text || ${e.id})
       limit ${wanted}`);
    await tx.execute(sql`update event set taken = (select count(*) from event_registration r where r.event_id = ${e.id} and r.status = 'confirmed') where id = ${e.id}`);
  }
}

async function pastEvent(tx: Db, org: OrgRef, type: string, title: string, address: string, capacity: number, startsAt: Date, hours: number, eligibility: repo.EventValues['eligibility']): Promise<{ id: string }> {
  const opens = new Date(startsAt.getTime() - 14 * 86_400_000);
  const closes = new Date(startsAt.getTime() - 86_400_000);
  const id = await repo.insertEvent(
    tx,
    {
      orgId: org.id,
      seriesId: null,
      type,
      title,
      description: '往期活动。',
      visibility: 'subtree',
      positionId: null,
      address,
      lng: null,
      lat: null,
      startsAt,
      endsAt: new Date(startsAt.getTime() + hours * 3600_000),
      signupOpensAt: opens,
      signupClosesAt: closes,
      feeFen: 0,
      eligibility,
      capacity,
      offerHoldMinutes: 720,
      isOverlapForbidden: false,
      minAttendanceMinutes: null,
      coverPhotoId: null,
    },
    null,
    opens,
  );
  await repo.setEventStatus(tx, id, 1, 'published', opens, { publishedAt: opens });
  return { id };
}
