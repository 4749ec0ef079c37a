import type { MemberImportSummary, Page } from '@niangjia/contracts';
import { App, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { listPagination } from '../../components/list-pagination';

const STATUS_COLORS: Record<MemberImportSummary['status'], string> = {
  queued: 'default',
  checking: 'processing',
  checked: 'warning',
  committing: 'processing',
  committed: 'success',
  failed: 'error',
};
const HAS_REPORT: MemberImportSummary['status'][] = ['checked', 'committing', 'committed'];

/** 导入记录: the past batches in the caller's scope, newest first; each opens in the flow above or downloads its report. */
export function ImportHistory({ refreshKey }: { refreshKey: unknown }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const list = useRequest((signal) => api.get<Page<MemberImportSummary>>('/members/imports', { page, pageSize }, { signal }), [page, pageSize, refreshKey]);

  const download = (b: MemberImportSummary) =>
    void api.download(`/members/imports/${b.id}/report`, undefined, `集中入会检查结果_${b.fileName ?? b.id.slice(0, 8)}.xlsx`).catch((e: unknown) => message.error(errorText(e)));

  return (
    <Card title={t('members.importHistory.title')} data-testid="import-history">
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <DataTable<MemberImportSummary>
        id="member-import-history"
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('members.importHistory.empty')} /> }}
        pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => {
          setPage(s === pageSize ? p : 1);
          setPageSize(s);
        })}
        columns={[
          {
            title: t('members.importHistory.fileName'),
            key: 'fileName',
            dataIndex: 'fileName',
            width: 200,
            ellipsis: true,
            priority: 1,
            render: (v: string | null) => v ?? t('members.importHistory.unnamed'),
          },
          // A street admin's batches are mostly into their own street: the first column to give way.
          { title: t('members.importHistory.org'), key: 'org', dataIndex: ['org', 'name'], width: 160, ellipsis: true, priority: 3 },
          {
            title: t('members.importHistory.status'),
            key: 'status',
            dataIndex: 'status',
            width: 100,
            render: (v: MemberImportSummary['status']) => <Tag color={STATUS_COLORS[v]}>{t(`members.importHistory.statuses.${v}`)}</Tag>,
          },
          {
            title: t('members.importHistory.totals'),
            key: 'totals',
            width: 150,
            render: (_: unknown, b: MemberImportSummary) => (
              <Space size={4}>
                <span>{b.totalRows}</span>/<Typography.Text type="success">{b.validRows}</Typography.Text>/<Typography.Text type={b.errorRows ? 'danger' : undefined}>{b.errorRows}</Typography.Text>
              </Space>
            ),
          },
          { title: t('members.importHistory.committedRows'), key: 'committedRows', dataIndex: 'committedRows', width: 90 },
          { title: t('members.importHistory.createdBy'), key: 'createdByName', dataIndex: 'createdByName', width: 120, ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: t('members.importHistory.createdAt'), key: 'createdAt', dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
        ]}
        actions={(b) => (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              onClick={() => {
                setParams({ id: b.id });
                window.scrollTo({ top: 0 });
              }}
            >
              {t('members.importHistory.open')}
            </Button>
            {HAS_REPORT.includes(b.status) && (
              <Button type="link" size="small" onClick={() => download(b)}>
                {t('members.importHistory.report')}
              </Button>
            )}
          </Space>
        )}
      />
    </Card>
  );
}
