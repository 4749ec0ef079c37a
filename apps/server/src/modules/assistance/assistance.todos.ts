import { and, asc, count, eq, min, not, or, sql, type SQL } from 'drizzle-orm';
import { alias, type PgSelect } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { addDays, shanghaiDateOf } from '../../platform/holidays/dates';
import { registerMessages } from '../../platform/i18n';
import { collectTodos, type TodoSource } from '../../platform/notifications';
import { person } from '../members';
import { org, scopeCondition, todoScopeCondition } from '../orgs';
import { campaign, campaignNomination } from './campaign.tables';
import { hardshipFile } from './assistance.tables';
import { REVIEW_NOTICE_DAYS, hardshipNumber } from './hardship.service';
import { mutualaidClaim, mutualaidEnrolment } from './mutualaid.tables';
import { healthTodos } from './health.todos';
import { jobsTodos } from './jobs.todos';
import { canteenTodos } from './canteen.todos';

registerMessages({
  TODO_HARDSHIP_VERIFY: ['{number} {name}：待核实', '{number} {name}: to verify'],
  TODO_HARDSHIP_NOTICE_START: ['{number} {name}：已核实，待公示', '{number} {name}: verified, notice to start'],
  TODO_HARDSHIP_NOTICE_CLOSE: ['{number} {name}：公示已于 {date} 期满，待结束公示', '{number} {name}: notice ended {date}, to be closed'],
  TODO_HARDSHIP_REVIEW: ['{number} {name}：{date} 前年度复核', '{number} {name}: yearly review by {date}'],
  TODO_MUTUALAID_SUBMITTED: ['{number} {name}：互助金申请待审核', '{number} {name}: mutual-aid claim to review'],
  TODO_MUTUALAID_AWAITING_SECOND: ['{number} {name}：互助金待复核', '{number} {name}: mutual-aid claim to check a second time'],
  TODO_MUTUALAID_APPROVED: ['{number} {name}：互助金已批准，待支付', '{number} {name}: mutual-aid claim approved, to pay'],
  TODO_CAMPAIGN_PENDING: ['{campaign}：{name} 待审批', '{campaign}: {name} to approve'],
  TODO_CAMPAIGN_AWAITING_SECOND: ['{campaign}：{name} 待复核', '{campaign}: {name} to confirm (second approver)'],
  TODO_CAMPAIGN_APPROVED: ['{campaign}：{name} 已批准，待发放', '{campaign}: {name} approved, to hand over'],
  TODO_CAMPAIGN_REVIEW: ['{campaign}：{name} 疑似重复，待核查', '{campaign}: {name} possible duplicate, to check'],
});

const under = todoScopeCondition;

/**
 * 困难职工档案 waiting for the union's staff: a file submitted or half verified, verified but not
 * yet on notice, a notice whose period has ended, or an active file whose yearly review falls due
 * within the reminder's 30 days. A worker's draft is theirs to finish, not the staff's.
 */
export const hardshipTodos: TodoSource = {
  kind: 'hardship_file',
  permission: 'assistance.write',
  list(db: Db, q) {
    const today = shanghaiDateOf(q.now);
    const reviewBy = addDays(today, REVIEW_NOTICE_DAYS);
    const waiting: SQL = sql`(${hardshipFile.status} in ('submitted','verifying','verified')
      or (${hardshipFile.status} = 'notice' and ${hardshipFile.noticeEndsOn} < ${today})
      or (${hardshipFile.status} = 'active' and ${hardshipFile.nextReviewOn} <= ${reviewBy}))`;
    const where = and(waiting, under(q));
    return collectTodos(
      db
        .select({ n: count(), oldest: min(hardshipFile.updatedAt) })
        .from(hardshipFile)
        .innerJoin(org, eq(org.id, hardshipFile.orgId))
        .where(where),
      db
        .select({
          id: hardshipFile.id,
          seq: hardshipFile.seq,
          name: hardshipFile.applicantName,
          status: hardshipFile.status,
          noticeEndsOn: hardshipFile.noticeEndsOn,
          nextReviewOn: hardshipFile.nextReviewOn,
          orgName: org.name,
          at: hardshipFile.updatedAt,
        })
        .from(hardshipFile)
        .innerJoin(org, eq(org.id, hardshipFile.orgId))
        .where(where)
        .orderBy(asc(hardshipFile.updatedAt))
        .limit(q.limit),
      (r) => {
        const params = { number: hardshipNumber(r.seq), name: r.name };
        const title =
          r.status === 'verified'
            ? { key: 'TODO_HARDSHIP_NOTICE_START', params }
            : r.status === 'notice'
              ? { key: 'TODO_HARDSHIP_NOTICE_CLOSE', params: { ...params, date: r.noticeEndsOn ?? '' } }
              : r.status === 'active'
                ? { key: 'TODO_HARDSHIP_REVIEW', params: { ...params, date: r.nextReviewOn ?? '' } }
                : { key: 'TODO_HARDSHIP_VERIFY', params };
        return { id: r.id, title, orgName: r.orgName, at: r.at, link: `/admin/assistance/hardship?file=${r.id}` };
      },
    );
  },
};

const CLAIM_TITLE: Record<string, string> = {
  submitted: 'TODO_MUTUALAID_SUBMITTED',
  awaiting_second: 'TODO_MUTUALAID_AWAITING_SECOND',
  approved: 'TODO_MUTUALAID_APPROVED',
};

/** 互助金 claims waiting for their union's staff: to review, to check a second time, or to pay. */
export const mutualaidTodos: TodoSource = {
  kind: 'mutualaid_claim',
  permission: 'assistance.write',
  list(db: Db, q) {
    const where = and(sql`${mutualaidClaim.status} in ('submitted','awaiting_second','approved')`, under(q));
    return collectTodos(
      db
        .select({ n: count(), oldest: min(mutualaidClaim.createdAt) })
        .from(mutualaidClaim)
        .innerJoin(org, eq(org.id, mutualaidClaim.orgId))
        .where(where),
      db
        .select({ id: mutualaidClaim.id, number: mutualaidClaim.number, status: mutualaidClaim.status, name: person.realName, orgName: org.name, at: mutualaidClaim.createdAt })
        .from(mutualaidClaim)
        .innerJoin(org, eq(org.id, mutualaidClaim.orgId))
        .innerJoin(mutualaidEnrolment, eq(mutualaidEnrolment.id, mutualaidClaim.enrolmentId))
        .innerJoin(person, eq(person.id, mutualaidEnrolment.personId))
        .where(where)
        .orderBy(asc(mutualaidClaim.createdAt))
        .limit(q.limit),
      (r) => ({
        id: r.id,
        title: { key: CLAIM_TITLE[r.status] ?? 'TODO_MUTUALAID_SUBMITTED', params: { number: r.number, name: r.name } },
        orgName: r.orgName,
        at: r.at,
        link: `/admin/assistance/mutualaid?claim=${r.id}`,
      }),
    );
  },
};

const CAMPAIGN_TITLE: Record<string, string> = {
  pending: 'TODO_CAMPAIGN_PENDING',
  awaiting_second: 'TODO_CAMPAIGN_AWAITING_SECOND',
  approved: 'TODO_CAMPAIGN_APPROVED',
  review: 'TODO_CAMPAIGN_REVIEW',
};
const stepOrg = alias(org, 'campaign_step_org');
const nextOrg = alias(org, 'campaign_next_org');
const ownerOrg = alias(org, 'campaign_owner_org');

/**
 * 帮扶活动 nominations waiting for someone, each where the service lets them act: at an approval
 * step, the step's union (not the unions above it, whose turn comes next); above the threshold, the
 * owner's staff other than the last approver; approved (to hand over) and possible duplicates (to
 * check), the nominating union. Open campaigns only.
 */
export const campaignTodos: TodoSource = {
  kind: 'campaign_nomination',
  permission: 'assistance.write',
  list(db: Db, q) {
    const nextNotMine = q.scope === 'all' ? undefined : or(sql`${nextOrg.id} is null`, not(scopeCondition(q.scope, nextOrg.path) ?? sql`true`));
    const where = and(
      eq(campaign.status, 'open'),
      or(
        and(eq(campaignNomination.status, 'pending'), under(q, stepOrg.path), nextNotMine),
        and(eq(campaignNomination.status, 'awaiting_second'), under(q, ownerOrg.path), sql`${campaignNomination.finalApproverId} is distinct from ${q.userId}::uuid`),
        and(sql`${campaignNomination.status} in ('approved','review')`, under(q, org.path)),
      ),
    );
    const joined = <T extends PgSelect>(qb: T) =>
      qb
        .innerJoin(campaign, eq(campaign.id, campaignNomination.campaignId))
        .innerJoin(org, eq(org.id, campaignNomination.orgId))
        .innerJoin(ownerOrg, eq(ownerOrg.id, campaign.orgId))
        .leftJoin(stepOrg, sql`${stepOrg.id} = ${campaignNomination.steps}[${campaignNomination.currentStep} + 1]`)
        .leftJoin(nextOrg, sql`${nextOrg.id} = ${campaignNomination.steps}[${campaignNomination.currentStep} + 2]`)
        .where(where);
    return collectTodos(
      joined(
        db
          .select({ n: count(), oldest: min(campaignNomination.updatedAt) })
          .from(campaignNomination)
          .$dynamic(),
      ),
      joined(
        db
          .select({
            id: campaignNomination.id,
            campaignId: campaign.id,
            campaignName: campaign.name,
            name: campaignNomination.personName,
            status: campaignNomination.status,
            orgName: org.name,
            at: campaignNomination.updatedAt,
          })
          .from(campaignNomination)
          .$dynamic(),
      )
        .orderBy(asc(campaignNomination.updatedAt))
        .limit(q.limit),
      (r: { id: string; campaignId: string; campaignName: string; name: string; status: string; orgName: string; at: Date }) => ({
        id: r.id,
        title: { key: CAMPAIGN_TITLE[r.status] ?? 'TODO_CAMPAIGN_PENDING', params: { campaign: r.campaignName, name: r.name } },
        orgName: r.orgName,
        at: r.at,
        link: campaignLink(r.campaignId, r.status === 'review' ? 'reviews' : undefined),
      }),
    );
  },
};

/** The console's campaign drawer (on a tab): where a 待办 and a notification about a nomination lead. */
export function campaignLink(campaignId: string, tab?: 'reviews'): string {
  return `/admin/assistance/campaigns?campaign=${campaignId}${tab ? `&tab=${tab}` : ''}`;
}

/** The module's 待办 kinds, passed to buildApp's list. */
export const assistanceTodoSources: readonly TodoSource[] = [hardshipTodos, mutualaidTodos, campaignTodos, jobsTodos, healthTodos, canteenTodos];
