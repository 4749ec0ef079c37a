import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import * as repo from './events.repository';
import * as mm from './matchmaking.repository';

type OrgRef = { id: string; path: string };

const NICKNAMES = ['嘉陵江的风', '观音桥小太阳', '爱爬山的阿杰', '读书的猫', '火锅不要辣', '铁山坪晨跑', '会做饭的工程师', '五里店的云', '慢慢来', '江北城灯火'];
const INTROS = [
  '在制造企业做质检，周末喜欢骑行和拍照。',
  '社区工作者，喜欢烘焙，希望认识踏实温和的你。',
  '快递站点负责人，爱爬山，也爱做饭。',
  '小学老师，喜欢读书、看展，想找聊得来的人。',
  '医院护士，倒班但很爱生活，喜欢小动物。',
  '跑步爱好者，软件公司上班，作息规律。',
  '机械工程师，会做一桌川菜。',
  '银行柜员，喜欢旅行和摄影。',
  '外卖站长，性格开朗，孝顺父母。',
  '设计师，喜欢画画和听民谣。',
];

/**
 * A past 婚恋交友 event in the manner of Shapingba's “沙磁良缘” (seed 004): ten checked-in single
 * members with profiles, picks made and the window closed — two mutual matches (one confirmed by
 * both). The participants have no accounts (a demo worker signing in with such a member's phone
 * would see their own side). Skipped when the demo has no members.
 */
export async function seedDemoMatchmaking(tx: Db, jb: OrgRef, now: Date): Promise<void> {
  const pick = (sex: string) =>
    repo.query<{ membership_id: string; person_id: string; real_name: string; sex: string; union_id: string; union_path: string }>(
      tx,
      sql`select m.id as membership_id, p.id as person_id, p.real_name, p.sex, o.id as union_id, o.path as union_path
          from membership m join person p on p.id = m.person_id join org o on o.id = m.org_id
          where m.status = 'active' and p.sex = ${sex} and p.user_id is null and o.path like ${`${jb.path}%`}
          order by m.member_number desc limit 5`,
    );
  const men = await pick('male');
  const women = await pick('female');
  if (men.length < 5 || women.length < 5) return;
  const day = 24 * 3600_000;
  const startsAt = new Date(now.getTime() - 10 * day);
  const endsAt = new Date(startsAt.getTime() + 3 * 3600_000);
  const eventId = await repo.insertEvent(
    tx,
    {
      orgId: jb.id,
      seriesId: null,
      type: 'matchmaking',
      title: '“桃花朵朵开”单身职工交友会（江北良缘）',
      description: '学习沙坪坝“沙磁良缘”的做法：破冰游戏、非遗手作、分组交流；活动后在手机上选择心动嘉宾，只有双向选择才会告诉双方。',
      visibility: 'subtree',
      positionId: null,
      address: '江北区职工服务中心二楼多功能厅',
      lng: 106.5325,
      lat: 29.5753,
      startsAt,
      endsAt,
      signupOpensAt: new Date(startsAt.getTime() - 20 * day),
      signupClosesAt: new Date(startsAt.getTime() - 2 * day),
      feeFen: 0,
      eligibility: { membersOnly: true, orgIds: [], employmentForms: [], minAge: 22, maxAge: 45 },
      capacity: 20,
      offerHoldMinutes: 720,
      isOverlapForbidden: true,
      minAttendanceMinutes: null,
      coverPhotoId: null,
    },
    null,
    now,
  );
  await repo.setEventStatus(tx, eventId, 1, 'published', now, { publishedAt: new Date(startsAt.getTime() - 21 * day) });
  const people = [...men, ...women];
  const profileIds: string[] = [];
  for (const [i, m] of people.entries()) {
    const [reg] = await repo.query<{ id: string }>(
      tx,
      sql`insert into event_registration (event_id, membership_id, person_id, name, union_org_id, union_path, group_key, status, source, queued_at, confirmed_at, attended_at, created_at)
          values (${eventId}, ${m.membership_id}, ${m.person_id}, ${m.real_name}, ${m.union_id}, ${m.union_path}, ${m.sex}, 'confirmed', 'self',
                  ${new Date(startsAt.getTime() - 15 * day).toISOString()}, ${new Date(startsAt.getTime() - 15 * day).toISOString()}, ${new Date(startsAt.getTime() + 10 * 60_000).toISOString()}, ${now.toISOString()})
          returning id`,
    );
    await mm.upsertProfile(tx, { eventId, registrationId: reg!.id, userId: null, nickname: NICKNAMES[i]!, ageBand: i % 3 === 0 ? '25-29' : i % 3 === 1 ? '30-34' : '35-39', intro: INTROS[i]!, photoId: null }, startsAt);
    profileIds.push((await mm.findProfileOfRegistration(tx, eventId, reg!.id))!.id);
  }
  await tx.execute(sql`update event set taken = ${people.length} where id = ${eventId}`);
  // Picks: man i ↔ woman i mutual for i = 0, 1; some one-sided ones.
  const man = (i: number) => profileIds[i]!;
  const woman = (i: number) => profileIds[5 + i]!;
  const picks: [string, string[]][] = [
    [man(0), [woman(0), woman(2)]],
    [woman(0), [man(0)]],
    [man(1), [woman(1)]],
    [woman(1), [man(1), man(3)]],
    [man(2), [woman(3)]],
    [woman(4), [man(2)]],
  ];
  for (const [picker, picked] of picks) await mm.replacePicks(tx, eventId, picker, picked, endsAt);
  await mm.ensureSetting(tx, eventId);
  await mm.insertMatches(tx, eventId, new Date(endsAt.getTime() + 48 * 3600_000));
  await mm.markRevealed(tx, eventId, new Date(endsAt.getTime() + 48 * 3600_000));
  await tx.execute(sql`update matchmaking_match set a_answer = 'yes', b_answer = 'yes' where event_id = ${eventId} and (a_id = ${man(0)} or b_id = ${man(0)})`);
}
