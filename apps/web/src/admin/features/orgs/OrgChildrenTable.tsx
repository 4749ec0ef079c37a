import type { Org, Page } from '@niangjia/contracts';
import { Button, Empty, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { listPagination } from '../../components/list-pagination';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMemberCounts } from './member-counts';

type Props = {
  query: { parentId?: string; under?: string; q?: string; type?: string; status?: string };
  onOpen: (id: string) => void;
  emptyText: string;
  onCreate?: (() => void) | undefined;
  refreshKey?: number;
};

/** A page of orgs: the children of a node, or search results under the scope. */
export function OrgChildrenTable({ query, onOpen, emptyText, onCreate, refreshKey = 0 }: Props) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const key = JSON.stringify(query);
  const [lastKey, setLastKey] = useState(key);
  if (key !== lastKey) {
    setLastKey(key);
    setPage(1);
  }
  const result = useRequest((signal) => api.get<Page<Org>>('/orgs', { ...query, page, pageSize }, { signal }), [key, page, pageSize, refreshKey]);
  // Children of one node: their member counts come from the figures engine in one request.
  const members = useMemberCounts(query.parentId);

  return (
    <>
      {result.error ? <ErrorAlert error={result.error} onRetry={result.reload} /> : null}
      <DataTable<Org>
        id="org-children"
        columnSettings={false}
        rowKey="id"
        size="middle"
        loading={result.loading}
        dataSource={result.data?.items ?? []}
        onRow={(org) => ({ onClick: () => onOpen(org.id), style: { cursor: 'pointer' } })}
        locale={{
          emptyText: (
            <Empty description={emptyText}>
              {onCreate && (
                <Button type="primary" onClick={onCreate}>
                  {t('orgs.actions.addChild')}
                </Button>
              )}
            </Empty>
          ),
        }}
        pagination={listPagination(t, { page, pageSize, total: result.data?.total ?? 0 }, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          {
            title: t('orgs.fields.name'),
            key: 'name',
            dataIndex: 'name',
            width: 240,
            priority: 1,
            render: (v: string, o) => (
              <a
                onClick={(e) => {
                  e.stopPropagation();
                  onOpen(o.id);
                }}
              >
                {v}
              </a>
            ),
          },
          { title: t('orgs.fields.code'), key: 'code', dataIndex: 'code', width: 130 },
          { title: t('orgs.fields.type'), key: 'type', dataIndex: 'type', width: 130, render: (v: string) => t(`orgTypes.${v}`) },
          { title: t('orgs.fields.children'), key: 'childCount', dataIndex: 'childCount', width: 90, align: 'right' },
          ...(members
            ? [
                {
                  title: t('orgs.fields.memberCount'),
                  key: 'memberCount',
                  width: 100,
                  align: 'right' as const,
                  render: (_: unknown, o: Org) => (members.byChild.get(o.id) ?? 0).toLocaleString('zh-CN'),
                },
              ]
            : []),
          {
            title: t('orgs.fields.status'),
            key: 'status',
            dataIndex: 'status',
            width: 90,
            render: (v: string) => <Tag color={v === 'active' ? 'green' : 'default'}>{t(`orgs.status.${v}`)}</Tag>,
          },
          { title: t('common.updatedAt'), key: 'updatedAt', dataIndex: 'updatedAt', width: 150, priority: 3, render: (v: string) => formatDateTime(v) },
        ]}
      />
    </>
  );
}
