import { EDUCATION_LEVELS, ETHNICITIES, POLITICAL_STATUSES, registerLabel, type ExportMembersQuery } from '@niangjia/contracts';
import { recordAudit } from '../../platform/audit/audit.service';
import { AppError } from '../../platform/errors';
import { decryptField } from '../../platform/pii';
import { EMPLOYMENT_FORM_LABELS, writeWorkbook } from './import-xlsx';
import type { MembersService } from './members.service';
import { ID_NUMBER_PURPOSE, type MembersActor, type MembersDeps } from './members.shared';
import * as repo from './members.repository';

export const MAX_EXPORT_ROWS = 100_000;

/** YYYY-MM-DD from an 18-digit number (characters 7–14), or from a 15-digit one (YYMMDD, 19xx). */
function birthDateOf(idNumber: string): string | null {
  const digits = idNumber.length === 15 ? `19${idNumber.slice(6, 12)}` : idNumber.slice(6, 14);
  return /^\d{8}$/.test(digits) ? `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}` : null;
}
const PAGE = 2000;

const STATUS_LABELS: Record<string, string> = { applied: '待审核', active: '正常', suspended: '已暂停', left: '已退会', rejected: '未通过', withdrawn: '已撤回' };

/** The filtered member list as .xlsx: masked unless the caller may reveal and asks to; always audited. */
export function createExportService({ db, dataKeys, clock = () => new Date() }: MembersDeps, members: MembersService) {
  return {
    async exportMembers(query: ExportMembersQuery, actor: MembersActor): Promise<{ file: Buffer; fileName: string; count: number }> {
      const reveal = query.reveal === true;
      const first = await members.listMembers({ ...query, page: 1, pageSize: 1 }, actor.scope, actor.audit.actorId);
      if (first.total > MAX_EXPORT_ROWS) throw new AppError('EXPORT_TOO_LARGE', { status: 413, params: { count: first.total, max: MAX_EXPORT_ROWS } });
      const lines: (string | number | null)[][] = [];
      for (let page = 1; (page - 1) * PAGE < first.total; page++) {
        const { items } = await members.listMembers({ ...query, page, pageSize: PAGE }, actor.scope);
        const full = reveal ? new Map((await repo.findPersonSecrets(db, items.map((m) => m.person.id))).map((p) => [p.id, p])) : undefined;
        for (const m of items) {
          const secret = full?.get(m.person.id);
          const idNumber = secret ? decryptField(dataKeys, ID_NUMBER_PURPOSE, secret.idNumberEnc) : null;
          lines.push([
            m.memberNumber,
            m.person.realName,
            idNumber ?? m.person.idNumberMasked,
            secret ? secret.phone : m.person.phoneMasked,
            m.person.sex === 'male' ? '男' : '女',
            // The birth date is part of the number: only a revealing export carries it (issue 9).
            ...(reveal ? [idNumber ? birthDateOf(idNumber) : null] : []),
            m.org.name,
            m.org.code,
            STATUS_LABELS[m.status] ?? m.status,
            EMPLOYMENT_FORM_LABELS[m.person.employmentForm],
            m.person.employerName,
            m.person.isMigrant ? '是' : '否',
            registerLabel(ETHNICITIES, m.person.ethnicity),
            registerLabel(POLITICAL_STATUSES, m.person.politicalStatus),
            registerLabel(EDUCATION_LEVELS, m.person.education),
            m.person.hukouPlace,
            m.person.isHardship ? '是' : '否',
            m.joinedAt ? m.joinedAt.slice(0, 10) : null,
          ]);
        }
      }
      const headers = ['会员编号', '姓名', '身份证号', '手机号', '性别', ...(reveal ? ['出生日期'] : []), '所属工会', '工会编码', '会籍状态', '用工形式', '工作单位', '农民工', '民族', '政治面貌', '文化程度', '户籍所在地', '困难职工', '入会日期'];
      const columns = headers.map((header) => ({ header, width: header === '所属工会' ? 30 : 16 }));
      const file = await writeWorkbook('会员', columns, lines);
      const { reveal: _reveal, ...filter } = query;
      await recordAudit(db, actor.audit, { action: reveal ? 'personal_data.export' : 'member.export', entityType: 'member', orgId: query.orgId ?? null, after: { filter, count: lines.length, revealed: reveal } });
      const stamp = clock().toISOString().slice(0, 10);
      return { file, fileName: `会员名单_${stamp}.xlsx`, count: lines.length };
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
