import type { CaseSummary, Page } from '@niangjia/contracts';
import { caseStages, caseStatuses, disputeCategories } from '@niangjia/contracts/rights-domain';
import { Alert, Button, Card, Checkbox, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { formatMoney } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterForm } from '../../components/FilterForm';
import { listPagination } from '../../components/list-pagination';
import { useScope } from '../../layout/scope';
import { CaseIntakeModal } from './CaseIntakeModal';
import { CaseStatusTag, DueTag } from './rights-ui';

type Filters = { status?: string; stage?: string; category?: string; q?: string; mine?: boolean };

/** 维权 ▸ 调解案件 (/rights/cases): the cases the viewer may see (confidential), with their next deadline. */
export function CasesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { scope } = useScope();
  const canWrite = me.permissions.includes('rights.write');
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [isIntake, setIntake] = useState(false);
  const list = useRequest(
    (signal) => api.get<Page<CaseSummary>>('/rights/cases', { ...filters, mine: filters.mine ? 'true' : undefined, orgId: scope?.id, page, pageSize }, { signal }),
    [JSON.stringify(filters), scope?.id, page, pageSize],
  );
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <FilterForm<Filters>
        onSearch={(v) => {
          setFilters(v);
          setPage(1);
        }}
      >
        <Form.Item name="status" label={t('rights.cases.status')}>
          <Select allowClear style={{ width: 110 }} placeholder={t('rights.common.all')} options={caseStatuses.map((s) => ({ value: s, label: t(`rights.caseStatuses.${s}`) }))} />
        </Form.Item>
        <Form.Item name="stage" label={t('rights.cases.stage')}>
          <Select allowClear style={{ width: 110 }} placeholder={t('rights.common.all')} options={caseStages.map((s) => ({ value: s, label: t(`rights.stages.${s}`) }))} />
        </Form.Item>
        <Form.Item name="category" label={t('rights.consultations.category')}>
          <Select allowClear style={{ width: 130 }} placeholder={t('rights.common.all')} options={disputeCategories.map((c) => ({ value: c, label: t(`rights.categories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="q">
          <Input allowClear placeholder={t('rights.common.keyword')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="mine" valuePropName="checked">
          <Checkbox>{t('rights.cases.mine')}</Checkbox>
        </Form.Item>
      </FilterForm>
      <Card
        title={t('rights.cases.title')}
        extra={
          canWrite && (
            <Button type="primary" onClick={() => setIntake(true)} data-testid="intake">
              {t('rights.cases.intake')}
            </Button>
          )
        }
      >
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('rights.cases.confidential')} />
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <Table<CaseSummary>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1700 }}
          locale={{ emptyText: <Empty description={t('rights.cases.empty')} /> }}
          pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => {
            setPage(p);
            setPageSize(s);
          })}
          columns={[
            { title: t('rights.cases.number'), dataIndex: 'number', width: 210, fixed: 'left', render: (v: string, r) => <Link to={`/rights/cases/${r.id}`}>{v}</Link> },
            { title: t('rights.cases.receivedOn'), dataIndex: 'receivedOn', width: 128 },
            { title: t('rights.consultations.category'), dataIndex: 'category', width: 110, render: (c: string) => t(`rights.categories.${c}`) },
            {
              title: t('rights.cases.applicants'),
              key: 'ap',
              width: 150,
              render: (_: unknown, r) => (
                <Typography.Text ellipsis={{ tooltip: r.applicantNames.join('、') }}>
                  {r.applicantNames.join('、')}
                  {r.isComplainantSealed && <Tag style={{ marginLeft: 4 }}>{t('rights.cases.sealedTag')}</Tag>}
                </Typography.Text>
              ),
            },
            { title: t('rights.cases.respondent'), dataIndex: 'respondentName', width: 200, ellipsis: true },
            { title: t('rights.cases.claimed'), dataIndex: 'claimedFen', width: 120, align: 'right', render: (v: number) => formatMoney(v) },
            { title: t('rights.cases.status'), dataIndex: 'status', width: 100, render: (s: string) => <CaseStatusTag status={s} /> },
            { title: t('rights.cases.stage'), dataIndex: 'stage', width: 90, render: (s: string) => t(`rights.stages.${s}`) },
            { title: t('rights.cases.mediator'), key: 'm', width: 130, render: (_: unknown, r) => r.mediator?.name ?? '—' },
            { title: t('rights.cases.nextDue'), key: 'd', width: 240, render: (_: unknown, r) => <DueTag due={r.nextDue} /> },
            { title: t('rights.common.org'), key: 'o', width: 150, ellipsis: true, render: (_: unknown, r) => r.org.name },
            {
              title: t('rights.common.actions'),
              key: 'a',
              width: 80,
              fixed: 'right',
              render: (_: unknown, r) => (
                <Button type="link" size="small" onClick={() => navigate(`/rights/cases/${r.id}`)}>
                  {t('rights.common.view')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {isIntake && <CaseIntakeModal onClose={() => setIntake(false)} onDone={(id) => navigate(`/rights/cases/${id}`)} />}
    </Space>
  );
}
