import { and, asc, count, eq, gt, min } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { registerMessages } from '../../platform/i18n';
import type { JobKindOptions } from '../../platform/jobs';
import { announceTodoChange, collectTodos, notify, type TodoSource } from '../../platform/notifications';
import { org, todoScopeCondition } from '../orgs';
import { memberImport, membership, person } from './members.tables';

registerMessages({
  NOTIFY_APPLICATION_NEW: ['新的入会申请', 'New membership application'],
  NOTIFY_APPLICATION_NEW_BODY: ['{name} 申请加入 {org}，请审核', '{name} applied to join {org}; please review it'],
  NOTIFY_MEMBER_APPROVED: ['入会申请已通过', 'Your membership application was approved'],
  NOTIFY_MEMBER_APPROVED_BODY: ['欢迎加入{org}！会员编号 {number}，电子会员卡在“我的 ▸ 会员卡”。', 'Welcome to {org}! Your member number is {number}; your card is under Me ▸ Membership card.'],
  NOTIFY_MEMBER_REJECTED: ['入会申请未通过', 'Your membership application was not approved'],
  NOTIFY_MEMBER_REJECTED_BODY: ['{org}未通过您的申请，原因：{reason}。您可以修改后重新申请。', '{org} did not approve your application: {reason}. You may correct it and apply again.'],
  NOTIFY_IMPORT_CHECKED: ['集中入会已检查完', 'Collective join checked'],
  NOTIFY_IMPORT_CHECKED_BODY: ['“{file}”：{valid} 行可导入，{errors} 行有错误，请核对后提交。', '“{file}”: {valid} rows can be imported, {errors} have errors; review and commit.'],
  NOTIFY_IMPORT_COMMITTED: ['集中入会已导入', 'Collective join imported'],
  NOTIFY_IMPORT_COMMITTED_BODY: ['“{file}”：已导入 {count} 名会员。', '“{file}”: {count} members imported.'],
  NOTIFY_IMPORT_FAILED: ['集中入会未完成', 'Collective join did not finish'],
  NOTIFY_IMPORT_FAILED_BODY: ['“{file}”：{reason}', '“{file}”: {reason}'],
  TODO_MEMBER_APPLICATION: ['{name} 申请加入 {org}', '{name} applied to join {org}'],
  TODO_MEMBER_IMPORT_READY: ['集中入会“{file}”已检查：{valid} 行可导入，待提交', 'Collective join “{file}” is checked: {valid} rows ready to commit'],
});

const inScope = todoScopeCondition;

/** 入会审批: online applications waiting in the staff member's scope, oldest first. */
export const memberApplicationTodos: TodoSource = {
  kind: 'member_application',
  permission: 'member.write',
  list(db: Db, q) {
    const where = and(eq(membership.status, 'applied'), inScope(q));
    return collectTodos(
      db.select({ n: count(), oldest: min(membership.appliedAt) }).from(membership).innerJoin(org, eq(org.id, membership.orgId)).where(where),
      db
        .select({ id: membership.id, name: person.realName, orgName: org.name, at: membership.appliedAt })
        .from(membership)
        .innerJoin(person, eq(person.id, membership.personId))
        .innerJoin(org, eq(org.id, membership.orgId))
        .where(where)
        .orderBy(asc(membership.appliedAt))
        .limit(q.limit),
      (r) => ({ id: r.id, title: { key: 'TODO_MEMBER_APPLICATION', params: { name: r.name, org: r.orgName } }, orgName: r.orgName, at: r.at, link: `/admin/members/applications/${r.id}` }),
    );
  },
};

/** A collective-join batch the staff member uploaded, checked and waiting for them to commit it. */
export const memberImportTodos: TodoSource = {
  kind: 'import_ready',
  permission: 'member.write',
  list(db: Db, q) {
    const where = and(eq(memberImport.status, 'checked'), eq(memberImport.createdBy, q.userId), gt(memberImport.validRows, 0), inScope(q));
    return collectTodos(
      db.select({ n: count(), oldest: min(memberImport.createdAt) }).from(memberImport).innerJoin(org, eq(org.id, memberImport.orgId)).where(where),
      db
        .select({ id: memberImport.id, file: memberImport.fileName, valid: memberImport.validRows, orgName: org.name, at: memberImport.createdAt })
        .from(memberImport)
        .innerJoin(org, eq(org.id, memberImport.orgId))
        .where(where)
        .orderBy(asc(memberImport.createdAt))
        .limit(q.limit),
      (r) => ({ id: r.id, title: { key: 'TODO_MEMBER_IMPORT_READY', params: { file: r.file ?? '—', valid: r.valid } }, orgName: r.orgName, at: r.at, link: `/admin/members/imports?id=${r.id}` }),
    );
  },
};

/** A worker applied online: the union's staff get a message (and the application waits in their 待办). */
export async function notifyApplication(tx: Db, a: { membershipId: string; orgId: string; orgName: string; name: string }): Promise<void> {
  await notify(tx, {
    to: { staffWith: 'member.write', inScopeOf: a.orgId },
    kind: 'member.applied',
    title: { key: 'NOTIFY_APPLICATION_NEW' },
    body: { key: 'NOTIFY_APPLICATION_NEW_BODY', params: { name: a.name, org: a.orgName } },
    link: `/admin/members/applications/${a.membershipId}`,
    entity: { type: 'member', id: a.membershipId },
  });
}

/** Staff decided an application: the worker is told (and by SMS if they chose it); the 待办 clears. */
export async function notifyDecision(tx: Db, d: { action: 'approve' | 'reject'; membershipId: string; userId: string | null; orgId: string; orgName: string; memberNumber: string | null; reason: string | null; actorId: string | null }): Promise<void> {
  await announceTodoChange(tx, d.orgId);
  if (!d.userId) return;
  const isApproved = d.action === 'approve';
  await notify(tx, {
    to: { userIds: [d.userId] },
    kind: isApproved ? 'member.approved' : 'member.rejected',
    orgId: d.orgId,
    title: { key: isApproved ? 'NOTIFY_MEMBER_APPROVED' : 'NOTIFY_MEMBER_REJECTED' },
    body: isApproved ? { key: 'NOTIFY_MEMBER_APPROVED_BODY', params: { org: d.orgName, number: d.memberNumber ?? '' } } : { key: 'NOTIFY_MEMBER_REJECTED_BODY', params: { org: d.orgName, reason: d.reason ?? '—' } },
    link: isApproved ? '/m/me/card' : '/m/me/membership',
    entity: { type: 'member', id: d.membershipId },
    sms: true,
    exceptUserId: d.actorId,
  });
}

/** Tells the uploader how a collective-join check or commit ended (the runner calls it in the final write). */
export function importOutcomeNotice(step: 'check' | 'commit', findFile: (tx: Db, importId: string) => Promise<string | null>): JobKindOptions['onSettled'] {
  return async (tx, job, outcome) => {
    const { importId } = job.payload as { importId: string };
    const file = (await findFile(tx, importId)) ?? '—';
    const result = (outcome.status === 'succeeded' ? outcome.result : null) as { skipped?: boolean; validRows?: number; errorRows?: number; committedRows?: number } | null;
    if (result?.skipped) return;
    const link = `/admin/members/imports?id=${importId}`;
    const base = { to: { userIds: [job.createdBy] }, orgId: job.orgId, link, entity: { type: 'member_import', id: importId } };
    if (outcome.status !== 'succeeded') {
      await notify(tx, { ...base, kind: 'import.failed', title: { key: 'NOTIFY_IMPORT_FAILED' }, body: { key: 'NOTIFY_IMPORT_FAILED_BODY', params: { file, reason: outcome.errorCode } } });
    } else if (step === 'check') {
      await notify(tx, { ...base, kind: 'import.checked', title: { key: 'NOTIFY_IMPORT_CHECKED' }, body: { key: 'NOTIFY_IMPORT_CHECKED_BODY', params: { file, valid: result?.validRows ?? 0, errors: result?.errorRows ?? 0 } } });
    } else {
      await notify(tx, { ...base, kind: 'import.finished', title: { key: 'NOTIFY_IMPORT_COMMITTED' }, body: { key: 'NOTIFY_IMPORT_COMMITTED_BODY', params: { file, count: result?.committedRows ?? 0 } } });
    }
  };
}
