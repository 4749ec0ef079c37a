import type { ClockState } from '@niangjia/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const CASE_COLORS: Record<string, string> = { received: 'orange', accepted: 'blue', rejected: 'default', agreed: 'green', failed: 'red', withdrawn: 'default' };
const CONSULTATION_COLORS: Record<string, string> = { open: 'red', answered: 'blue', closed: 'green' };

export function CaseStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={CASE_COLORS[status]} data-testid="case-status">
      {t(`rights.caseStatuses.${status}`)}
    </Tag>
  );
}

export function ConsultationStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={CONSULTATION_COLORS[status]} data-testid="consultation-status">
      {t(`rights.consultationStatuses.${status}`)}
    </Tag>
  );
}

/** A running deadline: red when overdue, orange within 3 days, blue otherwise. */
export function DueTag({ due }: { due: ClockState | null | undefined }) {
  const { t } = useTranslation();
  if (!due) return <span>—</span>;
  const color = due.isOverdue ? 'red' : due.daysLeft <= 3 ? 'orange' : due.daysLeft <= 7 ? 'gold' : 'blue';
  const text = due.isOverdue ? t('rights.common.overdueBy', { n: -due.daysLeft }) : due.daysLeft === 0 ? t('rights.common.dueToday') : t('rights.common.daysLeft', { n: due.daysLeft });
  return (
    <Tag color={color} data-testid={`due-${due.clock}`}>
      {t(`rights.clocks.${due.clock}`)} {due.dueOn} · {text}
    </Tag>
  );
}

/** YYYY-MM-DD of today in Asia/Shanghai (the default of date fields). */
export function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Yuan typed in a form → integer fen. */
export const toFen = (yuan: number | null | undefined) => Math.round((yuan ?? 0) * 100);
