import type { LiaisonFigures as Figures } from '@niangjia/contracts';
import { Card, Empty, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { formatDate } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';

type CadreRow = Figures['cadres'][number];
type OrgRow = Figures['orgs'][number];

/** 统计: per cadre (assignments, visits, problems found and resolved in the period; open and overdue now) and open problems per union. */
export function LiaisonFigures() {
  const { t } = useTranslation();
  const today = formatDate(new Date());
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const figures = useRequest((signal) => api.get<Figures>('/voice/liaison/figures', { from, to }, { signal }), [from, to], !!from && !!to && from <= to);
  const overdue = (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : n);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>{t('liaisonAdmin.filter.period')}</Typography.Text>
        <Input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} style={{ width: 170 }} />
        <span>–</span>
        <Input type="date" value={to} min={from} max={today} onChange={(e) => setTo(e.target.value)} style={{ width: 170 }} />
        <Typography.Text type="secondary">{t('liaisonAdmin.figures.hint')}</Typography.Text>
      </Space>
      {figures.error ? <ErrorAlert error={figures.error} onRetry={figures.reload} /> : null}
      <Card size="small" title={t('liaisonAdmin.figures.cadres')}>
        <Table<CadreRow>
          size="small"
          rowKey="cadreId"
          loading={figures.loading}
          dataSource={figures.data?.cadres ?? []}
          pagination={false}
          scroll={{ x: 820 }}
          locale={{ emptyText: <Empty /> }}
          data-testid="liaison-figures-cadres"
          columns={[
            { title: t('liaisonAdmin.col.cadre'), dataIndex: 'cadreName', width: 200, fixed: 'left' },
            { title: t('liaisonAdmin.col.assignments'), dataIndex: 'assignments', width: 100, align: 'right' },
            { title: t('liaisonAdmin.col.visits'), dataIndex: 'visits', width: 100, align: 'right' },
            { title: t('liaisonAdmin.col.found'), dataIndex: 'problemsFound', width: 100, align: 'right' },
            { title: t('liaisonAdmin.col.resolved'), dataIndex: 'problemsResolved', width: 100, align: 'right' },
            { title: t('liaisonAdmin.col.openNow'), dataIndex: 'problemsOpen', width: 100, align: 'right' },
            { title: t('liaisonAdmin.col.overdueNow'), dataIndex: 'problemsOverdue', width: 100, align: 'right', render: overdue },
          ]}
        />
      </Card>
      <Card size="small" title={t('liaisonAdmin.figures.orgs')}>
        <Table<OrgRow>
          size="small"
          rowKey="orgId"
          loading={figures.loading}
          dataSource={figures.data?.orgs ?? []}
          pagination={false}
          scroll={{ x: 520 }}
          locale={{ emptyText: <Empty /> }}
          columns={[
            { title: t('liaisonAdmin.col.org'), dataIndex: 'orgName', width: 280, fixed: 'left' },
            { title: t('liaisonAdmin.col.openNow'), dataIndex: 'problemsOpen', width: 120, align: 'right' },
            { title: t('liaisonAdmin.col.overdueNow'), dataIndex: 'problemsOverdue', width: 120, align: 'right', render: overdue },
          ]}
        />
      </Card>
    </Space>
  );
}
