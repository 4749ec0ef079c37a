import { and, asc, count, eq, min, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { addDays, shanghaiDateOf } from '../../platform/holidays/dates';
import { registerMessages } from '../../platform/i18n';
import { collectTodos, type TodoSource } from '../../platform/notifications';
import { person } from '../members';
import { org, todoScopeCondition } from '../orgs';
import { hardshipFile } from './assistance.tables';
import { REVIEW_NOTICE_DAYS, hardshipNumber } from './hardship.service';
import { mutualaidClaim, mutualaidEnrolment } from './mutualaid.tables';
import { jobsTodos } from './jobs.todos';

registerMessages({
  TODO_HARDSHIP_VERIFY: ['{number} {name}：待核实', '{number} {name}: to verify'],
  TODO_HARDSHIP_NOTICE_START: ['{number} {name}：已核实，待公示', '{number} {name}: verified, notice to start'],
  TODO_HARDSHIP_NOTICE_CLOSE: ['{number} {name}：公示已于 {date} 期满，待结束公示', '{number} {name}: notice ended {date}, to be closed'],
  TODO_HARDSHIP_REVIEW: ['{number} {name}：{date} 前年度复核', '{number} {name}: yearly review by {date}'],
  TODO_MUTUALAID_SUBMITTED: ['{number} {name}：互助金申请待审核', '{number} {name}: mutual-aid claim to review'],
  TODO_MUTUALAID_AWAITING_SECOND: ['{number} {name}：互助金待复核', '{number} {name}: mutual-aid claim to check a second time'],
  TODO_MUTUALAID_APPROVED: ['{number} {name}：互助金已批准，待支付', '{number} {name}: mutual-aid claim approved, to pay'],
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

/** The module's 待办 kinds, passed to buildApp's list. */
export const assistanceTodoSources: readonly TodoSource[] = [hardshipTodos, mutualaidTodos, jobsTodos];
