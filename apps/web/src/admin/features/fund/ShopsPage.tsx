import { DesktopOutlined, PlusOutlined } from '@ant-design/icons';
import type { FundShop, Page } from '@niangjia/contracts';
import { App, Button, Card, Empty, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { useNavigate, useParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatMoney } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterActions } from '../../components/FilterActions';
import { listPagination } from '../../components/list-pagination';
import { useScope } from '../../layout/scope';
import { describeRule } from './fund-format';
import { ShopDrawer } from './ShopDrawer';
import { ShopFormModal } from './ShopFormModal';

type Filters = { q?: string; status?: string };

/** 爱心基金 ▸ 商铺与规则 (/fund/shops): the snack windows beside the stations, their operators and contribution rules. */
export function ShopsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const { message } = App.useApp();
  const { shopId } = useParams();
  const navigate = useNavigate();
  const canWrite = me.permissions.includes('fund.write');
  const [filterForm] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [isCreating, setIsCreating] = useState(false);

  const list = useRequest((signal) => api.get<Page<FundShop>>('/fund-shops', { ...filters, orgId: scope?.id, page, pageSize }, { signal }), [JSON.stringify(filters), scope?.id, page, pageSize]);
  const hasFilters = Object.values(filters).some(Boolean);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Form
          form={filterForm}
          layout="inline"
          style={{ rowGap: 12 }}
          onFinish={(v) => {
            setFilters({
              q: v.q?.trim() || undefined,
              status: v.status || undefined,
            });
            setPage(1);
          }}
        >
          <Form.Item name="q" label={t('fundAdmin.shops.keyword')}>
            <Input placeholder={t('fundAdmin.shops.keywordPlaceholder')} allowClear style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="status" label={t('fundAdmin.shops.fields.status')}>
            <Select
              allowClear
              style={{ width: 120 }}
              placeholder={t('common.all')}
              options={(['active', 'closed'] as const).map((v) => ({
                value: v,
                label: t(`fundAdmin.shops.status.${v}`),
              }))}
            />
          </Form.Item>
          <FilterActions
            onReset={() => {
              filterForm.resetFields();
              setFilters({});
              setPage(1);
            }}
          />
        </Form>
      </Card>
      <Card
        title={
          <Space>
            {t('fundAdmin.shops.title')}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
              {t('fundAdmin.shops.scopeNote')}
            </Typography.Text>
          </Space>
        }
        extra={
          <Space>
            <Button icon={<DesktopOutlined />} href="/screen/fund" target="_blank">
              {t('fundAdmin.shops.openScreen')}
            </Button>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)}>
                {t('fundAdmin.shops.add')}
              </Button>
            )}
          </Space>
        }
      >
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <DataTable<FundShop>
          id="shops"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{
            emptyText: <Empty description={hasFilters ? t('fundAdmin.shops.emptyFiltered') : t('fundAdmin.shops.empty')} />,
          }}
          pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => {
            setPage(p);
            setPageSize(s);
          })}
          columns={[
            {
              title: t('fundAdmin.shops.fields.code'),
              key: 'code',
              dataIndex: 'code',
              width: 130,
            },
            {
              title: t('fundAdmin.shops.fields.name'),
              key: 'name',
              dataIndex: 'name',
              width: 200,
              render: (v: string, s) => <a onClick={() => navigate(`/fund/shops/${s.id}`)}>{v}</a>,
            },
            {
              title: t('fundAdmin.shops.fields.position'),
              key: 'name',
              dataIndex: ['position', 'name'],
              width: 200,
              ellipsis: true,
            },
            {
              title: t('fundAdmin.shops.fields.operatorName'),
              key: 'operatorName',
              dataIndex: 'operatorName',
              width: 200,
              ellipsis: true,
            },
            {
              title: t('fundAdmin.shops.fields.rule'),
              key: 'rule',
              width: 200,
              render: (_: unknown, s) => describeRule(t, s.currentRule),
            },
            {
              title: t('fundAdmin.shops.fields.terminals'),
              key: 'terminalCount',
              dataIndex: 'terminalCount',
              width: 80,
              align: 'right',
            },
            {
              title: t('fundAdmin.shops.fields.total'),
              key: 'totalContributionFen',
              dataIndex: 'totalContributionFen',
              width: 130,
              align: 'right',
              render: (v: number) => formatMoney(v),
            },
            {
              title: t('fundAdmin.shops.fields.status'),
              key: 'status',
              dataIndex: 'status',
              width: 90,
              render: (v: FundShop['status']) => <Tag color={v === 'active' ? 'green' : undefined}>{t(`fundAdmin.shops.status.${v}`)}</Tag>,
            },
          ]}
          actions={(s) => (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => navigate(`/fund/shops/${s.id}`)}>
                {t('fundAdmin.shops.detail')}
              </Button>
              <Button type="link" size="small" onClick={() => navigate(`/fund/terminals?shopId=${s.id}`)}>
                {t('fundAdmin.menu.terminals')}
              </Button>
            </Space>
          )}
        />
      </Card>
      {isCreating && (
        <ShopFormModal
          onClose={() => setIsCreating(false)}
          onCreated={(shop) => {
            setIsCreating(false);
            message.success(t('fundAdmin.shops.created', { name: shop.name }));
            list.reload();
            void navigate(`/fund/shops/${shop.id}`);
          }}
        />
      )}
      {shopId && <ShopDrawer shopId={shopId} canWrite={canWrite} onClose={() => navigate('/fund/shops')} onChanged={list.reload} onError={(e) => message.error(errorText(e))} />}
    </Space>
  );
}
