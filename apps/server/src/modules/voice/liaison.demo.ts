import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { addDays, shanghaiDateOf, shanghaiStartOf } from '../../platform/holidays/dates';
import { appUser } from '../accounts';
import { liaisonAssignment, liaisonProblem, liaisonVisit } from './liaison.tables';

type OrgRef = { id: string; path: string };

/** Who liaises with whom (seed 003: Tongzhou's cadres 包片 the street unions; 对口联系 with grassroots ones). */
const PLAN: { cadre: string; kind: 'area' | 'pair'; orgs: string[] }[] = [
  { cadre: 'jb.admin', kind: 'area', orgs: ['JB-HXJ', 'JB-JBC', 'JB-SMH', 'JB-DSB', 'JB-CT'] },
  { cadre: 'jb.staff', kind: 'area', orgs: ['JB-GYQ', 'JB-WLD', 'JB-GJT', 'JB-TSP'] },
  { cadre: 'gyq.admin', kind: 'pair', orgs: ['JB-GYQ-LH', 'JB-CCB'] },
  { cadre: 'wld.admin', kind: 'pair', orgs: ['JB-WLD-LH', 'JB-WLD-YN'] },
];

const SUMMARIES = [
  '走访了解基层工会换届和会员发展情况，与工会主席座谈，查看了职工之家台账。',
  '实地查看户外劳动者服务站点的开放和设施情况，听取站点管理员意见。',
  '召开新就业形态劳动者座谈会，收集快递员、外卖骑手的诉求。',
  '检查困难职工帮扶台账和送温暖慰问发放记录。',
  '了解企业工资支付和集体协商开展情况，宣传劳动法律法规。',
  '调研职工食堂、母婴室等服务设施建设，提出改进建议。',
];
const PROBLEMS = [
  '站点饮水机损坏，需更换',
  '会员实名信息有12人未核对',
  '骑手反映午间休息场所不足',
  '工会经费台账未按月登记',
  '母婴室缺少冰箱和遮挡帘',
  '职工书屋图书长期未更新',
  '两名职工反映加班费计算有误，需协调企业核实',
  '服务站点夜间照明不足',
];

/**
 * A year of 对口联系 for the demo: four cadres of Jiangbei (the district admin and staff 包片 the
 * streets, two street admins paired with unions of their own), a visit about every five weeks to
 * each union, a problem found on most — the old ones resolved, recent ones open, a few past due.
 */
export async function seedDemoLiaison(tx: Db, byCode: Map<string, OrgRef>, now = new Date()): Promise<void> {
  const users = await tx.select({ id: appUser.id, username: appUser.username }).from(appUser).where(inArray(appUser.username, PLAN.map((p) => p.cadre)));
  const idOf = new Map(users.map((u) => [u.username, u.id]));
  const today = shanghaiDateOf(now);
  const startedOn = `${Number(today.slice(0, 4)) - 1}-12-01`;
  let n = 0;
  for (const plan of PLAN) {
    const cadreId = idOf.get(plan.cadre);
    if (!cadreId) continue;
    for (const code of plan.orgs) {
      const orgRef = byCode.get(code);
      if (!orgRef) continue;
      const [a] = await tx.insert(liaisonAssignment).values({ orgId: orgRef.id, cadreId, kind: plan.kind, startedOn, createdAt: shanghaiStartOf(startedOn) }).returning({ id: liaisonAssignment.id });
      for (let day = 6 + (n % 9); addDays(startedOn, day) < today; day += 33 + (n % 7)) {
        n++;
        const visitedOn = addDays(startedOn, day);
        const at = new Date(shanghaiStartOf(visitedOn).getTime() + 10 * 3_600_000);
        const [v] = await tx
          .insert(liaisonVisit)
          .values({ assignmentId: a!.id, orgId: orgRef.id, cadreId, visitedOn, summary: SUMMARIES[n % SUMMARIES.length]!, createdAt: at })
          .returning({ id: liaisonVisit.id });
        if (n % 4 === 3) continue;
        const dueOn = addDays(visitedOn, 14 + (n % 3) * 7);
        // Old problems are resolved; one in three of those due in the last month is still open (overdue); the newest are open.
        const isResolved = dueOn < addDays(today, -30) || (dueOn < today && n % 3 !== 0);
        const resolvedAt = isResolved ? new Date(shanghaiStartOf(addDays(visitedOn, 5 + (n % 12))).getTime() + 15 * 3_600_000) : null;
        await tx.insert(liaisonProblem).values({
          visitId: v!.id,
          orgId: orgRef.id,
          cadreId,
          ownerId: cadreId,
          description: PROBLEMS[n % PROBLEMS.length]!,
          dueOn,
          status: isResolved ? 'resolved' : n % 2 === 0 ? 'in_progress' : 'open',
          latestNote: isResolved ? '已协调整改完毕，现场复查合格。' : n % 2 === 0 ? '已与单位沟通，正在整改。' : null,
          resolvedAt: resolvedAt && resolvedAt < now ? resolvedAt : isResolved ? now : null,
          resolvedBy: isResolved ? cadreId : null,
          createdAt: at,
          updatedAt: resolvedAt ?? at,
        });
      }
    }
  }
}
