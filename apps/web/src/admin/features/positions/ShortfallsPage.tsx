import type { ShortfallPage, Shortfall } from '@niangjia/contracts';
import { Card, Empty, Form, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { FACILITIES, POSITION_TYPES, TYPE_COLORS } from '../../../shared/positions';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterActions } from '../../components/FilterActions';
import { listPagination } from '../../components/list-pagination';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useScope } from '../../layout/scope';

type Filters = { orgId?: string; type?: string; item?: string };

/** 服务阵地 ▸ 未达标阵地 (/positions/shortfalls): positions lacking items of their facility standard. */
export function ShortfallsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { scope } = useScope();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const orgId = filters.orgId ?? scope?.id;
  const list = useRequest(
    (signal) => api.get<ShortfallPage>('/facility-standards/shortfalls', { orgId, type: filters.type, item: filters.item, page, pageSize }, { signal }),
    [orgId, filters.type, filters.item, page, pageSize],
  );
  const data = list.data;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Form
          form={form}
          layout="inline"
          style={{ rowGap: 12 }}
          onFinish={(v) => {
            setFilters({
              ...(v.orgId ? { orgId: v.orgId } : {}),
              ...(v.type ? { type: v.type } : {}),
              ...(v.item ? { item: v.item } : {}),
            });
            setPage(1);
          }}
        >
          <Form.Item name="orgId" label={t('standards.filters.org')}>
            <OrgTreeSelect roots={scope ? [scope] : []} allowClear style={{ width: 220 }} placeholder={scope?.name} />
          </Form.Item>
          <Form.Item name="type" label={t('standards.filters.type')}>
            <Select
              allowClear
              style={{ width: 140 }}
              placeholder={t('common.all')}
              options={POSITION_TYPES.map((v) => ({
                value: v,
                label: t(`positions.types.${v}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="item" label={t('standards.filters.item')}>
            <Select
              allowClear
              style={{ width: 140 }}
              placeholder={t('common.all')}
              options={FACILITIES.map((v) => ({
                value: v,
                label: t(`positions.facilities.${v}`),
              }))}
              data-testid="shortfall-item"
            />
          </Form.Item>
          <FilterActions
            onReset={() => {
              form.resetFields();
              setFilters({});
              setPage(1);
            }}
          />
        </Form>
      </Card>
      <Card
        title={t('standards.shortfallTitle')}
        extra={
          data ? (
            <Typography.Text type="secondary">
              {t('standards.shortfallNote', {
                checked: data.checked,
                total: data.total,
              })}
            </Typography.Text>
          ) : null
        }
      >
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        {data && Object.keys(data.byItem).length > 0 && (
          <Space wrap size={[8, 8]} style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">{t('standards.byItem')}：</Typography.Text>
            {Object.entries(data.byItem)
              .sort((a, b) => b[1] - a[1])
              .map(([k, n]) => (
                <Tag key={k} color="red">
                  {t(`positions.facilities.${k}`)} {n}
                </Tag>
              ))}
          </Space>
        )}
        <DataTable<Shortfall>
          id="shortfalls"
          rowKey={(r) => r.position.id}
          loading={list.loading}
          dataSource={data?.items ?? []}
          data-testid="shortfall-table"
          locale={{ emptyText: <Empty description={t('standards.empty')} /> }}
          pagination={listPagination(t, { page, pageSize, total: data?.total ?? 0 }, (p, s) => {
            setPage(p);
            setPageSize(s);
          })}
          columns={[
            {
              title: t('standards.cols.code'),
              key: 'code',
              dataIndex: ['position', 'code'],
              width: 150,
            },
            {
              title: t('standards.cols.name'),
              key: 'name',
              dataIndex: ['position', 'name'],
              width: 240,
              render: (v: string, r) => <a onClick={() => navigate(`/positions/${r.position.id}`)}>{v}</a>,
            },
            {
              title: t('standards.cols.type'),
              key: 'type',
              dataIndex: ['position', 'type'],
              width: 120,
              render: (v: Shortfall['position']['type']) => <Tag color={TYPE_COLORS[v]}>{t(`positions.types.${v}`)}</Tag>,
            },
            {
              title: t('standards.cols.org'),
              key: 'name',
              dataIndex: ['org', 'name'],
              width: 170,
              ellipsis: true,
            },
            {
              title: t('standards.cols.missing'),
              key: 'missing',
              dataIndex: 'missing',
              render: (m: string[]) => (
                <Space size={[4, 4]} wrap>
                  {m.map((k) => (
                    <Tag key={k} color="red">
                      {t(`positions.facilities.${k}`)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('standards.cols.standard'),
              key: 'standardName',
              dataIndex: 'standardName',
              width: 160,
              ellipsis: true,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
