import type { Db } from '../../db/client';
import { registerMessages } from '../../platform/i18n';
import { notify, type NotifyInput } from '../../platform/notifications';
import type { OrderRow } from './orders.repository';
import { listProviderUserIds } from './providers.repository';
import { listSeasonProviderUserIds } from './seasons.repository';

registerMessages({
  NOTIFY_MARKET_PROVIDER_NEW: ['新的服务商待审核', 'A new provider awaits review'],
  NOTIFY_MARKET_PROVIDER_REVIEWED: ['服务商审核结果：{decision}', 'Provider review: {decision}'],
  NOTIFY_MARKET_VERSION_SUBMITTED: ['服务项目待审核', 'A service project awaits review'],
  NOTIFY_MARKET_VERSION_REVIEWED: ['服务项目审核结果：{decision}', 'Project review: {decision}'],
  NOTIFY_MARKET_ENTRY_REVIEWED: ['竞赛初审结果：{decision}', 'Initial review: {decision}'],
  NOTIFY_MARKET_JUDGE_INVITED: ['您受邀担任项目竞赛评委', 'You are invited to judge a project competition'],
  NOTIFY_MARKET_SCORE_REOPENED: ['您的一份评分已被退回重评', 'One of your score sheets was reopened'],
  NOTIFY_MARKET_ORDER_PLACED: ['新的服务订单 {number}', 'New service order {number}'],
  NOTIFY_MARKET_ORDER_STATUS: ['服务订单 {number}：{status}', 'Service order {number}: {status}'],
  NOTIFY_MARKET_ORDER_RATED: ['服务订单 {number} 收到评价：{rating} 星', 'Service order {number} was rated {rating}/5'],
  NOTIFY_MARKET_RESULTS_PUBLISHED: ['项目竞赛结果已公布', 'Competition results are published'],
  NOTIFY_MARKET_BODY_NAME: ['{name}', '{name}'],
  NOTIFY_MARKET_BODY_REASON: ['{name}：{reason}', '{name}: {reason}'],
  DECISION_approve: ['通过', 'approved'],
  DECISION_return: ['退回修改', 'returned'],
  DECISION_suspend: ['暂停', 'suspended'],
  DECISION_reinstate: ['恢复', 'reinstated'],
  DECISION_pass: ['通过', 'passed'],
  DECISION_fail: ['未通过', 'not passed'],
});

/**
 * What the marketplace tells whom, written with platform/notifications' notify() inside the
 * caller's transaction (a rolled-back change tells nobody). Providers hear about their reviews,
 * entries, orders and ratings in the portal; the ordering union (or the worker who ordered) hears
 * what the provider did; judges hear of invitations and reopened sheets on their phones; district
 * staff hear of new providers and projects to review (also their 待办, market.todos.ts).
 */
export type MarketNotice =
  | { kind: 'provider_registered'; providerId: string; name: string; orgId: string; actorId: string }
  | { kind: 'provider_reviewed'; providerId: string; name: string; orgId: string; decision: string; reason: string | null }
  | { kind: 'version_submitted'; projectId: string; title: string; orgId: string; actorId: string }
  | { kind: 'version_reviewed'; providerId: string; projectId: string; title: string; orgId: string; decision: string; reason: string | null }
  | { kind: 'entry_reviewed'; providerId: string; title: string; orgId: string; decision: string; reason: string | null }
  | { kind: 'judge_invited'; seasonId: string; seasonName: string; orgId: string; userId: string }
  | { kind: 'score_reopened'; entryId: string; orgId: string; judgeUserId: string; reason: string }
  | { kind: 'order_placed' | 'order_cancelled' | 'order_rated'; order: OrderRow; actorId: string }
  | { kind: 'order_changed'; order: OrderRow; status: 'confirmed' | 'declined' | 'delivered' }
  | { kind: 'results_published'; seasonId: string; seasonName: string; orgId: string };

export type MarketNotifier = { tell(tx: Db, notice: MarketNotice): Promise<void> };

const orderOrg = (o: OrderRow) => o.orderingOrgId ?? o.districtOrgId;

/** Where the one who ordered sees it: a worker's own order on the phone, a union's in the console. */
const ordererLink = (o: OrderRow) => (o.isSelf ? '/m/me/orders' : `/admin/market/orders/${o.id}`);

function toProvider(tx: Db, providerId: string, n: Omit<NotifyInput, 'to'>, exceptUserId?: string) {
  return listProviderUserIds(tx, providerId).then((userIds) => notify(tx, { ...n, to: { userIds }, exceptUserId: exceptUserId ?? null }));
}

export function createMarketNotifier(): MarketNotifier {
  return {
    async tell(tx, n) {
      switch (n.kind) {
        case 'provider_registered':
          await notify(tx, { to: { staffWith: 'market.write', inScopeOf: n.orgId }, kind: 'market.provider_new', title: { key: 'NOTIFY_MARKET_PROVIDER_NEW' }, body: { key: 'NOTIFY_MARKET_BODY_NAME', params: { name: n.name } }, link: `/admin/market/providers/${n.providerId}`, entity: { type: 'market_provider', id: n.providerId }, exceptUserId: n.actorId });
          return;
        case 'provider_reviewed':
          await toProvider(tx, n.providerId, { kind: 'market.provider_reviewed', orgId: n.orgId, title: { key: 'NOTIFY_MARKET_PROVIDER_REVIEWED', params: { decision: `DECISION_${n.decision}` } }, body: n.reason ? { key: 'NOTIFY_MARKET_BODY_REASON', params: { name: n.name, reason: n.reason } } : null, link: '/admin/portal', entity: { type: 'market_provider', id: n.providerId }, sms: true });
          return;
        case 'version_submitted':
          await notify(tx, { to: { staffWith: 'market.write', inScopeOf: n.orgId }, kind: 'market.version_submitted', title: { key: 'NOTIFY_MARKET_VERSION_SUBMITTED' }, body: { key: 'NOTIFY_MARKET_BODY_NAME', params: { name: n.title } }, link: `/admin/market/projects/${n.projectId}`, entity: { type: 'market_project', id: n.projectId }, exceptUserId: n.actorId });
          return;
        case 'version_reviewed':
          await toProvider(tx, n.providerId, { kind: 'market.version_reviewed', orgId: n.orgId, title: { key: 'NOTIFY_MARKET_VERSION_REVIEWED', params: { decision: `DECISION_${n.decision}` } }, body: { key: n.reason ? 'NOTIFY_MARKET_BODY_REASON' : 'NOTIFY_MARKET_BODY_NAME', params: { name: n.title, reason: n.reason ?? '' } }, link: '/admin/portal/projects', entity: { type: 'market_project', id: n.projectId } });
          return;
        case 'entry_reviewed':
          await toProvider(tx, n.providerId, { kind: 'market.entry_reviewed', orgId: n.orgId, title: { key: 'NOTIFY_MARKET_ENTRY_REVIEWED', params: { decision: `DECISION_${n.decision}` } }, body: { key: n.reason ? 'NOTIFY_MARKET_BODY_REASON' : 'NOTIFY_MARKET_BODY_NAME', params: { name: n.title, reason: n.reason ?? '' } }, link: '/admin/portal/entries' });
          return;
        case 'judge_invited':
          // Judges sign in by phone code on their phones: the text is what brings them in.
          await notify(tx, { to: { userIds: [n.userId] }, kind: 'market.judge_invited', orgId: n.orgId, title: { key: 'NOTIFY_MARKET_JUDGE_INVITED' }, body: { key: 'NOTIFY_MARKET_BODY_NAME', params: { name: n.seasonName } }, link: '/m/judge', entity: { type: 'market_season', id: n.seasonId }, sms: true });
          return;
        case 'score_reopened':
          await notify(tx, { to: { userIds: [n.judgeUserId] }, kind: 'market.score_reopened', orgId: n.orgId, title: { key: 'NOTIFY_MARKET_SCORE_REOPENED' }, body: { 'zh-CN': n.reason, en: n.reason }, link: `/m/judge/${n.entryId}`, sms: true });
          return;
        case 'order_placed':
          await toProvider(tx, n.order.providerId, { kind: 'market.order_placed', orgId: orderOrg(n.order), title: { key: 'NOTIFY_MARKET_ORDER_PLACED', params: { number: n.order.number } }, body: { key: 'NOTIFY_MARKET_BODY_NAME', params: { name: `${n.order.title} · ${n.order.serviceDate}` } }, link: '/admin/portal/orders', entity: { type: 'market_order', id: n.order.id }, sms: true }, n.actorId);
          return;
        case 'order_cancelled':
          await toProvider(tx, n.order.providerId, { kind: 'market.order_cancelled', orgId: orderOrg(n.order), title: { key: 'NOTIFY_MARKET_ORDER_STATUS', params: { number: n.order.number, status: 'ORDER_cancelled' } }, body: { key: 'NOTIFY_MARKET_BODY_NAME', params: { name: n.order.title } }, link: '/admin/portal/orders', entity: { type: 'market_order', id: n.order.id } }, n.actorId);
          // A worker's own order cancelled by their union: the worker hears it, with the union's reason.
          if (n.order.isSelf && n.actorId !== n.order.orderedBy) {
            const reason = n.order.cancelReason ?? '';
            await notify(tx, { kind: 'market.order_cancelled', orgId: orderOrg(n.order), to: { userIds: [n.order.orderedBy] }, title: { key: 'NOTIFY_MARKET_ORDER_STATUS', params: { number: n.order.number, status: 'ORDER_cancelled' } }, body: reason ? { 'zh-CN': reason, en: reason } : null, link: ordererLink(n.order), entity: { type: 'market_order', id: n.order.id } });
          }
          return;
        case 'order_rated':
          await toProvider(tx, n.order.providerId, { kind: 'market.order_rated', orgId: orderOrg(n.order), title: { key: 'NOTIFY_MARKET_ORDER_RATED', params: { number: n.order.number, rating: n.order.rating ?? 0 } }, body: n.order.ratingComment ? { 'zh-CN': n.order.ratingComment, en: n.order.ratingComment } : null, link: '/admin/portal/orders', entity: { type: 'market_order', id: n.order.id } }, n.actorId);
          return;
        case 'order_changed':
          await notify(tx, { to: { userIds: [n.order.orderedBy] }, kind: `market.order_${n.status}`, orgId: orderOrg(n.order), title: { key: 'NOTIFY_MARKET_ORDER_STATUS', params: { number: n.order.number, status: `ORDER_${n.status}` } }, body: { key: n.order.declineReason && n.status === 'declined' ? 'NOTIFY_MARKET_BODY_REASON' : 'NOTIFY_MARKET_BODY_NAME', params: { name: n.order.title, reason: n.order.declineReason ?? '' } }, link: ordererLink(n.order), entity: { type: 'market_order', id: n.order.id }, sms: n.order.isSelf });
          return;
        case 'results_published':
          await notify(tx, { to: { userIds: await listSeasonProviderUserIds(tx, n.seasonId) }, kind: 'market.results_published', orgId: n.orgId, title: { key: 'NOTIFY_MARKET_RESULTS_PUBLISHED' }, body: { key: 'NOTIFY_MARKET_BODY_NAME', params: { name: n.seasonName } }, link: '/admin/portal/entries', entity: { type: 'market_season', id: n.seasonId } });
          return;
      }
    },
  };
}
