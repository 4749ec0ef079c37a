import type { MonitoringPoint, MonitoringReport, Page, TeamMember } from '@niangjia/contracts';
import { monitoringIndicators } from '@niangjia/contracts/rights-domain';
import { Button, Card, Checkbox, Descriptions, Drawer, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/form-errors';
import { formatDateTime, formatMoney } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterActions } from '../../components/FilterActions';
import { listPagination } from '../../components/list-pagination';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useScope } from '../../layout/scope';

/** 维权 ▸ 监测点 (/rights/monitoring): points in scope with the quarter due; the overdue list; reports and warnings per point. */
export function MonitoringPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const canWrite = me.permissions.includes('rights.write');
  const [form] = Form.useForm<{ q?: string; overdue?: boolean }>();
  const [filters, setFilters] = useState<{ q?: string; overdue?: boolean }>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [openId, setOpenId] = useState<string | null>(null);
  const [isAdding, setAdding] = useState(false);
  const list = useRequest((signal) => api.get<Page<MonitoringPoint>>('/rights/monitoring-points', { q: filters.q, overdue: filters.overdue ? 'true' : undefined, orgId: scope?.id, page, pageSize }, { signal }), [JSON.stringify(filters), scope?.id, page, pageSize]);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Form form={form} layout="inline" onFinish={(v) => (setFilters(v), setPage(1))}>
          <Form.Item name="q">
            <Input allowClear placeholder={t('rights.monitoring.enterprise')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="overdue" valuePropName="checked">
            <Checkbox data-testid="overdue-only">{t('rights.monitoring.overdueOnly')}</Checkbox>
          </Form.Item>
          <FilterActions onReset={() => (form.resetFields(), setFilters({}))} />
        </Form>
      </Card>
      <Card title={t('rights.monitoring.title')} extra={canWrite && <Button type="primary" onClick={() => setAdding(true)}>{t('rights.monitoring.add')}</Button>}>
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <Table<MonitoringPoint>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1200 }}
          locale={{ emptyText: <Empty description={t('rights.monitoring.empty')} /> }}
          pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => (setPage(p), setPageSize(s)))}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('rights.monitoring.enterprise'), dataIndex: 'enterpriseName', width: 240, fixed: 'left', ellipsis: true },
            { title: t('rights.common.org'), key: 'o', width: 150, render: (_: unknown, r) => r.org.name },
            { title: t('rights.monitoring.informant'), key: 'i', width: 170, render: (_: unknown, r) => (r.informant ? `${r.informant.name} ${r.informant.phoneMasked ?? ''}` : '—') },
            { title: t('rights.monitoring.dueQuarter'), dataIndex: 'dueQuarter', width: 100 },
            { title: t('rights.monitoring.dueOn'), dataIndex: 'dueOn', width: 110 },
            {
              title: t('rights.monitoring.submitted'),
              key: 's',
              width: 110,
              render: (_: unknown, r) => (r.isDueSubmitted ? <Tag color="green">{t('rights.monitoring.submitted')}</Tag> : r.isOverdue ? <Tag color="red">{t('rights.monitoring.overdue')}</Tag> : <Tag>{t('rights.monitoring.pending')}</Tag>),
            },
            { title: t('rights.monitoring.lastReport'), key: 'l', width: 160, render: (_: unknown, r) => (r.lastReport ? `${r.lastReport.quarter} · ${formatDateTime(r.lastReport.submittedAt)}` : '—') },
            { title: t('rights.monitoring.warnings'), dataIndex: 'openWarnings', width: 100, render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0) },
          ]}
        />
      </Card>
      {openId && <PointDrawer id={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />}
      {isAdding && <AddPointModal onClose={() => setAdding(false)} onDone={() => (setAdding(false), list.reload())} />}
    </Space>
  );
}

function PointDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const item = useRequest((signal) => api.get<{ point: MonitoringPoint; reports: MonitoringReport[] }>(`/rights/monitoring-points/${id}`, undefined, { signal }), [id]);
  const [isEntering, setEntering] = useState(false);
  const p = item.data?.point;
  return (
    <Drawer open width={820} onClose={onClose} title={p?.enterpriseName}>
      {item.error ? <ErrorAlert error={item.error} /> : null}
      {p && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('rights.monitoring.creditCode')}>{p.creditCode}</Descriptions.Item>
            <Descriptions.Item label={t('rights.common.org')}>{p.org.name}</Descriptions.Item>
            <Descriptions.Item label={t('rights.monitoring.informant')}>{p.informant ? `${p.informant.name} ${p.informant.phoneMasked ?? ''}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('rights.monitoring.since')}>{p.sinceOn}</Descriptions.Item>
          </Descriptions>
          {me.permissions.includes('rights.write') && <Button onClick={() => setEntering(true)}>{t('rights.monitoring.enter')}</Button>}
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            title={() => t('rights.monitoring.reports')}
            dataSource={item.data?.reports ?? []}
            scroll={{ x: 1100 }}
            locale={{ emptyText: t('rights.monitoring.noReports') }}
            columns={[
              { title: t('rights.monitoring.quarter'), dataIndex: 'quarter', width: 80, fixed: 'left' },
              ...monitoringIndicators.map((k) => ({ title: t(`rights.indicators.${k}`), key: k, width: 96, render: (_: unknown, r: MonitoringReport) => (k === 'wage_arrears_fen' ? formatMoney(r.values[k]) : r.values[k]) })),
              { title: t('rights.warnings.title'), key: 'w', width: 160, render: (_: unknown, r: MonitoringReport) => r.warnings.map((w) => <Tag key={w.id} color={w.level === 'red' ? 'red' : 'gold'}>{t(`rights.measures.${w.measure}`)}</Tag>) },
              { title: t('rights.monitoring.via'), key: 'v', width: 110, render: (_: unknown, r: MonitoringReport) => (r.submittedVia === 'phone' ? t('rights.monitoring.viaPhone') : t('rights.monitoring.viaConsole')) },
            ]}
          />
        </Space>
      )}
      {isEntering && p && <ReportModal point={p} onClose={() => setEntering(false)} onDone={() => (setEntering(false), item.reload(), onChanged())} />}
    </Drawer>
  );
}

function ReportModal({ point, onClose, onDone }: { point: MonitoringPoint; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      open
      width={640}
      title={`${t('rights.monitoring.enter')} · ${point.dueQuarter}`}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        const values = Object.fromEntries(monitoringIndicators.map((k) => [k, k === 'wage_arrears_fen' ? Math.round((v[k] ?? 0) * 100) : (v[k] ?? 0)]));
        try {
          await api.put(`/rights/monitoring-points/${point.id}/reports/${v.quarter}`, { values, note: v.note || undefined });
          onDone();
        } catch (e) {
          setError(e);
          applyServerErrors(form, e, ['quarter']);
        }
      }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ quarter: point.dueQuarter }}>
        <Form.Item name="quarter" label={t('rights.monitoring.quarter')} rules={[{ required: true, pattern: /^\d{4}Q[1-4]$/ }]}>
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Space wrap>
          {monitoringIndicators.map((k) => (
            <Form.Item key={k} name={k} label={t(`rights.indicators.${k}`)} rules={[{ required: true }]}>
              <InputNumber min={0} precision={k === 'wage_arrears_fen' ? 2 : 0} style={{ width: 170 }} />
            </Form.Item>
          ))}
        </Space>
        <Form.Item name="note" label={t('rights.common.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AddPointModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const informants = useRequest((signal) => api.get<Page<TeamMember>>('/rights/team-members', { role: 'informant', status: 'active', orgId: scope?.id, pageSize: 200 }, { signal }), [scope?.id]);
  return (
    <Modal
      open
      title={t('rights.monitoring.add')}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          await api.post('/rights/monitoring-points', Object.fromEntries(Object.entries(v).filter(([, x]) => x)));
          onDone();
        } catch (e) {
          setError(e);
          applyServerErrors(form, e, ['orgId', 'enterpriseName', 'creditCode', 'informantId', 'industry', 'address']);
        }
      }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ orgId: scope?.id }}>
        <Form.Item name="orgId" label={t('rights.common.org')} rules={[{ required: true }]}>
          <OrgTreeSelect roots={me.scopeRoots} />
        </Form.Item>
        <Form.Item name="enterpriseName" label={t('rights.monitoring.enterprise')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="creditCode" label={t('rights.monitoring.creditCode')} rules={[{ required: true }]} normalize={(v: string) => v?.toUpperCase()}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="industry" label={t('rights.monitoring.industry')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="informantId" label={t('rights.monitoring.informant')}>
          <Select allowClear showSearch optionFilterProp="label" options={(informants.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name} ${m.phoneMasked ?? ''}` }))} />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary" />
    </Modal>
  );
}
