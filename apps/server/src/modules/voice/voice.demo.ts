import { asc, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { createMapContextService, createNetworkService, position } from '../positions';
import * as repo from './voice.repository';

type OrgRef = { id: string; path: string };

const HOUR = 3_600_000;
const TEXTS: Record<string, string[]> = {
  work_safety: ['工地围挡倒在人行道上，骑手绕行要走机动车道', '商场后门消防通道堆满纸箱', '楼道里电动车在充电，电线拖在地上'],
  occupational_health: ['冷库分拣没有发防寒服，大家手都冻裂了', '中午最热的时候还在露天装卸，没有防暑降温'],
  wage_notice: ['装修队两个月没发工资，老板电话打不通', '外卖站点扣了押金不退'],
  public_facility: ['驿站旁边的路灯坏了一个星期，晚上很黑', '公交站的座椅断了', '人行道井盖松动，电动车压过去会翻'],
  neighbourhood: ['小区门口夜市油烟太大', '菜市场门口积水一直没人管', '共享单车堆在盲道上'],
  other: ['希望在观音桥附近多设几个充电柜'],
};
const STATUSES = ['new', 'accepted', 'in_progress', 'resolved', 'closed', 'new', 'in_progress', 'closed'] as const;

/**
 * About three dozen 随手拍 reports around Jiangbei's stations for the demo (PRODUCT.md part 10;
 * seed 004's riders as grid members): each routed by its point like a worker's, over the last
 * 40 days, in every status, a few past their limit and a few joined by 我也遇到了. The demo rider
 * 骑手小王 is a grid member of 观音桥街道.
 */
export async function seedDemoVoice(tx: Db, byCode: Map<string, OrgRef>, workerId: string, now = new Date()): Promise<void> {
  const gyq = byCode.get('JB-GYQ');
  if (gyq) await repo.insertGridMember(tx, { orgId: gyq.id, userId: workerId });
  const mapContext = createMapContextService({ db: tx, networks: createNetworkService({ db: tx }) });
  const positions = await tx.select({ lng: position.lng, lat: position.lat }).from(position).where(isNotNull(position.lng)).orderBy(asc(position.code)).limit(36);
  const categories = await repo.listCategories(tx);
  for (const [i, p] of positions.entries()) {
    const category = categories[i % categories.length]!;
    const texts = TEXTS[category.key] ?? TEXTS.other!;
    // A point 50–300 m from the station, in a direction of its own.
    const angle = (i * 137.5 * Math.PI) / 180;
    const metres = 50 + ((i * 53) % 250);
    const lat = Number(p.lat) + (metres * Math.sin(angle)) / 111_000;
    const lng = Number(p.lng) + (metres * Math.cos(angle)) / (111_000 * Math.cos((lat * Math.PI) / 180));
    const found = await mapContext.findOrgAt(lng, lat);
    const orgId = found?.orgId ?? byCode.get('JB')!.id;
    const createdAt = new Date(now.getTime() - ((i * 26) % 960) * HOUR - 2 * HOUR);
    const status = STATUSES[i % STATUSES.length]!;
    const isOpen = status === 'new' || status === 'accepted' || status === 'in_progress';
    const resolvedAt = isOpen ? null : new Date(createdAt.getTime() + 20 * HOUR);
    const row = await repo.insertReport(tx, {
      orgId,
      categoryKey: category.key,
      description: texts[i % texts.length]!,
      lng,
      lat,
      status,
      reporterId: workerId,
      isGridMember: i % 3 === 0,
      meTooCount: i % 5 === 0 ? 2 : 0,
      dueAt: isOpen && i % 4 === 0 ? new Date(now.getTime() - HOUR) : new Date(createdAt.getTime() + category.limitHours * HOUR),
      resolvedAt,
      closedAt: status === 'closed' ? new Date(createdAt.getTime() + 40 * HOUR) : null,
      createdAt,
      updatedAt: createdAt,
    });
    await repo.insertEvent(tx, { reportId: row.id, kind: 'created', toOrgId: orgId, at: createdAt });
    if (status !== 'new') await repo.insertEvent(tx, { reportId: row.id, kind: 'accepted', note: '已受理，我们会尽快联系相关单位。', at: new Date(createdAt.getTime() + 2 * HOUR) });
    if (status === 'in_progress') await repo.insertEvent(tx, { reportId: row.id, kind: 'progress', note: '已转告社区和物业，正在处理。', at: new Date(createdAt.getTime() + 6 * HOUR) });
    if (resolvedAt) await repo.insertEvent(tx, { reportId: row.id, kind: 'resolved', note: '已协调处理完毕，请确认。', at: resolvedAt });
    if (status === 'closed') await repo.insertEvent(tx, { reportId: row.id, kind: 'confirmed', at: new Date(createdAt.getTime() + 40 * HOUR) });
  }
}
