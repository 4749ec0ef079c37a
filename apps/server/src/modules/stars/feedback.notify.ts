import { and, asc, count, eq, inArray, min } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { registerMessages } from '../../platform/i18n';
import { announceTodoChange, collectTodos, notify, type TodoSource } from '../../platform/notifications';
import { org, todoScopeCondition } from '../orgs';
import { position } from '../positions';
import { positionIssue } from './stars.tables';

registerMessages({
  NOTIFY_FEEDBACK_NEW: ['新的职工反馈', 'New worker feedback'],
  NOTIFY_FEEDBACK_NEW_BODY: ['{position}：{category}（{number}）', '{position}: {category} ({number})'],
  NOTIFY_FEEDBACK_ASSIGNED: ['有一条职工反馈指派给您', 'A worker’s report was assigned to you'],
  NOTIFY_FEEDBACK_RESOLVED: ['您的反馈已处理', 'Your report was handled'],
  NOTIFY_FEEDBACK_RESOLVED_BODY: ['{position}：{note}', '{position}: {note}'],
  TODO_FEEDBACK: ['{position}：{category}', '{position}: {category}'],
  // The same words as the worker's report form (web shared/feedback-locales.ts).
  ISSUE_CATEGORY_facility_broken: ['设施损坏', 'Something broken'],
  ISSUE_CATEGORY_closed_when_open: ['该开没开', 'Closed during opening hours'],
  ISSUE_CATEGORY_hygiene: ['卫生问题', 'Cleanliness'],
  ISSUE_CATEGORY_supplies_out: ['物品缺少', 'Supplies ran out'],
  ISSUE_CATEGORY_safety: ['安全隐患', 'Safety hazard'],
  ISSUE_CATEGORY_staff_service: ['服务态度', 'Staff attitude'],
  ISSUE_CATEGORY_other: ['其他', 'Other'],
});

/** 职工反馈: workers' problem reports at positions in scope, not yet resolved. */
export const feedbackTodos: TodoSource = {
  kind: 'feedback',
  permission: 'position.write',
  list(db: Db, q) {
    const where = and(inArray(positionIssue.status, ['open', 'assigned']), todoScopeCondition(q));
    return collectTodos(
      db.select({ n: count(), oldest: min(positionIssue.createdAt) }).from(positionIssue).innerJoin(position, eq(position.id, positionIssue.positionId)).innerJoin(org, eq(org.id, position.orgId)).where(where),
      db
        .select({ id: positionIssue.id, category: positionIssue.category, positionName: position.name, orgName: org.name, at: positionIssue.createdAt })
        .from(positionIssue)
        .innerJoin(position, eq(position.id, positionIssue.positionId))
        .innerJoin(org, eq(org.id, position.orgId))
        .where(where)
        .orderBy(asc(positionIssue.createdAt))
        .limit(q.limit),
      (r) => ({ id: r.id, title: { key: 'TODO_FEEDBACK', params: { position: r.positionName, category: `ISSUE_CATEGORY_${r.category}` } }, orgName: r.orgName, at: r.at, link: `/admin/positions/feedback?issue=${r.id}` }),
    );
  },
};

type IssueRef = { id: string; number: string; category: string; positionName: string; orgId: string };

/** A worker reported a problem: the position's staff get a message (and it waits in their 待办). */
export async function notifyIssueReported(tx: Db, i: IssueRef): Promise<void> {
  await notify(tx, {
    to: { staffWith: 'position.write', inScopeOf: i.orgId },
    kind: 'feedback.new',
    title: { key: 'NOTIFY_FEEDBACK_NEW' },
    body: { key: 'NOTIFY_FEEDBACK_NEW_BODY', params: { position: i.positionName, category: `ISSUE_CATEGORY_${i.category}`, number: i.number } },
    link: `/admin/positions/feedback?issue=${i.id}`,
    entity: { type: 'position_issue', id: i.id },
  });
}

export async function notifyIssueAssigned(tx: Db, i: IssueRef & { assigneeId: string; actorId: string | null }): Promise<void> {
  await notify(tx, {
    to: { userIds: [i.assigneeId] },
    kind: 'feedback.assigned',
    orgId: i.orgId,
    title: { key: 'NOTIFY_FEEDBACK_ASSIGNED' },
    body: { key: 'NOTIFY_FEEDBACK_NEW_BODY', params: { position: i.positionName, category: `ISSUE_CATEGORY_${i.category}`, number: i.number } },
    link: `/admin/positions/feedback?issue=${i.id}`,
    entity: { type: 'position_issue', id: i.id },
    exceptUserId: i.actorId,
  });
}

/** Staff resolved a report: the worker who filed it hears back (and by SMS if they chose it). */
export async function notifyIssueResolved(tx: Db, i: IssueRef & { reporterId: string; note: string }): Promise<void> {
  await announceTodoChange(tx, i.orgId);
  await notify(tx, {
    to: { userIds: [i.reporterId] },
    kind: 'feedback.resolved',
    orgId: i.orgId,
    title: { key: 'NOTIFY_FEEDBACK_RESOLVED' },
    body: { key: 'NOTIFY_FEEDBACK_RESOLVED_BODY', params: { position: i.positionName, note: i.note } },
    link: '/m/me/feedback',
    entity: { type: 'position_issue', id: i.id },
    sms: true,
  });
}
