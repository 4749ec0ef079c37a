import type { OverdueBoard, Reminder, RightsFigures } from '@niangjia/contracts';
import { Card, Col, DatePicker, Empty, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../shared/api';
import { formatCount, formatDateTime, formatMoney } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useScope } from '../../layout/scope';

/** 维权 ▸ 维权概览 (/rights): the reports' figures for the scope, the overdue board and my reminders. */
export function RightsDashboardPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const [from, setFrom] = useState('2022-01-01');
  const figures = useRequest((signal) => api.get<RightsFigures>('/rights/figures', { orgId: scope?.id, from }, { signal }), [scope?.id, from]);
  const board = useRequest((signal) => api.get<OverdueBoard>('/rights/overdue', { orgId: scope?.id }, { signal }), [scope?.id]);
  const reminders = useRequest((signal) => api.get<Reminder[]>('/rights/reminders/mine', undefined, { signal }), []);
  const f = figures.data;
  const stat = (title: string, value: string | number, testId: string) => (
    <Col xs={12} md={8} xl={4}>
      <Card size="small">
        <Statistic title={title} value={value} valueRender={() => <span data-testid={testId}>{value}</span>} />
      </Card>
    </Col>
  );
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('rights.dashboard.title')}
        extra={
          <Space>
            <Typography.Text type="secondary">{t('rights.dashboard.from')}</Typography.Text>
            <DatePicker value={dayjs(from)} allowClear={false} onChange={(d) => d && setFrom(d.format('YYYY-MM-DD'))} />
          </Space>
        }
      >
        {figures.error ? <ErrorAlert error={figures.error} onRetry={figures.reload} /> : null}
        <Row gutter={[12, 12]}>
          {stat(t('rights.dashboard.received'), f ? formatCount(f.casesReceived) : '—', 'fig-received')}
          {stat(t('rights.dashboard.accepted'), f ? formatCount(f.casesAccepted) : '—', 'fig-accepted')}
          {stat(t('rights.dashboard.successful'), f ? formatCount(f.casesSuccessful) : '—', 'fig-successful')}
          {stat(t('rights.dashboard.successRate'), f?.successRate != null ? `${Math.round(f.successRate * 1000) / 10}%` : '—', 'fig-rate')}
          {stat(t('rights.dashboard.agreed'), f ? formatMoney(f.amountAgreedFen) : '—', 'fig-agreed')}
          {stat(t('rights.dashboard.recovered'), f ? formatMoney(f.amountRecoveredFen) : '—', 'fig-recovered')}
          {stat(t('rights.dashboard.helped'), f ? formatCount(f.workersHelped) : '—', 'fig-helped')}
          {stat(t('rights.dashboard.consultations'), f ? formatCount(f.consultations - f.petitions) : '—', 'fig-consultations')}
          {stat(t('rights.dashboard.petitions'), f ? formatCount(f.petitions) : '—', 'fig-petitions')}
          {stat(t('rights.dashboard.overdue'), f ? formatCount(f.overdueCases) : '—', 'fig-overdue')}
          {stat(t('rights.dashboard.points'), f ? formatCount(f.monitoringPoints) : '—', 'fig-points')}
          {stat(t('rights.dashboard.warnings'), f ? formatCount(f.openWarnings) : '—', 'fig-warnings')}
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('rights.dashboard.board', { scope: scope?.name ?? '' })}>
            {board.error ? <ErrorAlert error={board.error} onRetry={board.reload} /> : null}
            <Table
              size="small"
              rowKey={(r) => `${r.caseNumber ?? ''}-${r.clock}-${r.dueOn}`}
              loading={board.loading}
              pagination={false}
              dataSource={[...(board.data?.rows ?? []), ...(board.data?.dueSoon ?? [])]}
              locale={{ emptyText: <Empty description={t('rights.dashboard.noOverdue')} /> }}
              scroll={{ x: 640 }}
              columns={[
                { title: t('rights.cases.number'), key: 'n', width: 190, render: (_: unknown, r) => (r.caseId ? <Link to={`/rights/cases/${r.caseId}`}>{r.caseNumber}</Link> : '—') },
                { title: '', key: 'd', width: 110, render: (_: unknown, r) => (r.daysOverdue > 0 ? <Tag color="red">{t('rights.common.overdueBy', { n: r.daysOverdue })}</Tag> : <Tag color="orange">{t('rights.common.daysLeft', { n: -r.daysOverdue })}</Tag>) },
                { title: t('rights.cases.nextDue'), key: 'c', width: 170, render: (_: unknown, r) => `${t(`rights.clocks.${r.clock}`)} ${r.dueOn}` },
                { title: t('rights.common.org'), key: 'o', width: 140, ellipsis: true, render: (_: unknown, r) => r.org.name },
                { title: t('rights.cases.mediator'), dataIndex: 'mediatorName', width: 130, render: (v: string | null) => v ?? '—' },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
              {t('rights.dashboard.hiddenNote')}
            </Typography.Paragraph>
            {board.data && board.data.byOrg.length > 0 && (
              <Table
                size="small"
                style={{ marginTop: 12 }}
                rowKey={(r) => r.org.id}
                pagination={false}
                title={() => t('rights.dashboard.boardByOrg')}
                dataSource={board.data.byOrg}
                columns={[
                  { title: t('rights.common.org'), key: 'o', render: (_: unknown, r) => r.org.name },
                  { title: t('rights.dashboard.overdueCount'), dataIndex: 'overdue', width: 90 },
                  { title: t('rights.dashboard.dueSoonCount'), dataIndex: 'dueSoon', width: 120 },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('rights.dashboard.reminders')} style={{ marginBottom: 16 }}>
            <List
              size="small"
              dataSource={reminders.data ?? []}
              locale={{ emptyText: t('rights.dashboard.noReminders') }}
              renderItem={(r) => (
                <List.Item data-testid="reminder">
                  <Space orientation="vertical" size={0}>
                    <Link to={`/rights/cases/${r.caseId}`}>{r.caseNumber}</Link>
                    <Typography.Text type={r.daysBefore === 0 ? 'danger' : 'secondary'}>
                      {r.daysBefore === 0 ? t('rights.dashboard.remindOverdue', { clock: t(`rights.clocks.${r.clock}`) }) : t('rights.dashboard.remindBand', { clock: t(`rights.clocks.${r.clock}`), days: r.daysBefore })} · {r.dueOn}
                    </Typography.Text>
                  </Space>
                  <Typography.Text type="secondary">{formatDateTime(r.sentAt)}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        {/* Full width: six figures a year do not fit the side column at 1366 px. */}
        <Col xs={24}>
          <Card size="small" title={t('rights.dashboard.byYear')}>
            <Table
              size="small"
              rowKey="year"
              pagination={false}
              dataSource={f?.byYear ?? []}
              columns={[
                { title: t('rights.dashboard.year'), dataIndex: 'year' },
                { title: t('rights.dashboard.received'), dataIndex: 'received' },
                { title: t('rights.dashboard.accepted'), dataIndex: 'accepted' },
                { title: t('rights.dashboard.successful'), dataIndex: 'successful' },
                { title: t('rights.dashboard.agreed'), dataIndex: 'amountAgreedFen', render: (v: number) => formatMoney(v) },
                { title: t('rights.dashboard.consultations'), dataIndex: 'consultations' },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
