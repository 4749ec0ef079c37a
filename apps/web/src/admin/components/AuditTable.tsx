import type { AuditEntry, Page } from '@niangjia/contracts';
import { Empty, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from './DataTable';
import { listPagination } from './list-pagination';
import { Link } from 'react-router';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useRequest } from '../../shared/use-request';
import { actionLabel, entityTypeLabel } from './audit-labels';
import { AuditDiff } from './AuditDiff';
import { ErrorAlert } from './ErrorAlert';

export type AuditQuery = {
  actor?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  orgId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/** Audit entries matching a query, newest first, each row expanding to its before/after diff. */
export function AuditTable({ query, compact = false, emptyText }: { query: AuditQuery; compact?: boolean; emptyText?: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(compact ? 10 : 20);
  const key = JSON.stringify(query);
  const [lastKey, setLastKey] = useState(key);
  if (key !== lastKey) {
    setLastKey(key);
    setPage(1);
  }
  const result = useRequest((signal) => api.get<Page<AuditEntry>>('/audit-entries', { ...query, page, pageSize }, { signal }), [key, page, pageSize]);

  return (
    <>
      {result.error ? <ErrorAlert error={result.error} onRetry={result.reload} /> : null}
      <style>{'.nj-diff-changed > td { background: #fffbe6 !important; }'}</style>
      <DataTable<AuditEntry>
        id="audit"
        rowKey="id"
        size={compact ? 'small' : 'middle'}
        loading={result.loading}
        dataSource={result.data?.items ?? []}
        locale={{ emptyText: <Empty description={emptyText ?? t('audit.empty')} /> }}
        expandable={{ expandedRowRender: (e) => <AuditDiff before={e.before} after={e.after} />, rowExpandable: (e) => e.before != null || e.after != null }}
        pagination={listPagination(t, { page, pageSize, total: result.data?.total ?? 0, showSizeChanger: !compact }, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          { title: t('audit.fields.at'), key: 'at', dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
          {
            title: t('audit.fields.actor'),
            key: 'actorName',
            dataIndex: 'actorName',
            width: 120,
            render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
          },
          {
            title: t('audit.fields.action'),
            key: 'action',
            dataIndex: 'action',
            width: 140,
            render: (v: string) => (
              <Tooltip title={v}>
                <Tag color={v.startsWith('personal_data') ? 'orange' : 'blue'}>{actionLabel(t, v)}</Tag>
              </Tooltip>
            ),
          },
          ...(compact
            ? []
            : [
                { title: t('audit.fields.entityType'), dataIndex: 'entityType', width: 110, render: (v: string) => entityTypeLabel(t, v) },
                {
                  title: t('audit.fields.entityId'),
                  dataIndex: 'entityId',
                  width: 140,
                  render: (v: string | null, e: AuditEntry) =>
                    v ? (
                      e.entityType === 'org' ? (
                        <Link to={`/orgs/${v}`}>
                          <Typography.Text ellipsis style={{ maxWidth: 120, color: 'inherit' }} title={v}>
                            {v.slice(0, 8)}…
                          </Typography.Text>
                        </Link>
                      ) : (
                        <Typography.Text copyable={{ text: v }} title={v}>
                          {v.length > 12 ? `${v.slice(0, 8)}…` : v}
                        </Typography.Text>
                      )
                    ) : (
                      '—'
                    ),
                },
              ]),
          { title: t('audit.fields.org'), key: 'orgName', dataIndex: 'orgName', render: (v: string | null) => v ?? '—' },
          ...(compact ? [] : [{ title: t('audit.fields.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' }]),
        ]}
      />
    </>
  );
}
