import type { Ceremony, Enterprise, ImportReport, Org, Page, TargetKind, TargetRow, Targets, UnionStatus } from '@niangjia/contracts';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Segmented, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { useEcharts } from '../../../shared/use-echarts';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useScope } from '../../layout/scope';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const KINDS: TargetKind[] = ['new_unions', 'new_members', 'new_gig_members', 'joining_points'];
const STATUS_COLORS: Record<UnionStatus, string> = { none: 'default', founding: 'processing', founded: 'success' };
const thisYear = () => Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

/** 建会入会 (/organizing): targets against progress by child org, the enterprise register and its import, export. */
export function OrganizingPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const { message } = App.useApp();
  const [year, setYear] = useState(thisYear());
  const targets = useRequest((signal) => api.get<Targets>('/organizing/targets', { orgId: scope?.id, year }, { signal }), [scope?.id, year]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('organizing.title')}
        extra={
          <Space wrap>
            <Typography.Text type="secondary">{t('organizing.year')}</Typography.Text>
            <Select
              aria-label={t('organizing.year')}
              value={year}
              onChange={setYear}
              style={{ width: 100 }}
              options={[thisYear() - 1, thisYear(), thisYear() + 1].map((y) => ({ value: y, label: String(y) }))}
            />
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void api.download('/organizing/export', { orgId: scope?.id, year }, 'organizing.xlsx').catch((e: unknown) => message.error(String((e as Error).message)))}
            >
              {t('organizing.export')}
            </Button>
          </Space>
        }
      >
        {targets.error ? <ErrorAlert error={targets.error} onRetry={targets.reload} /> : null}
        {targets.data ? <TargetsView data={targets.data} /> : null}
      </Card>
      <EnterprisesCard onImported={targets.reload} />
      <CeremoniesCard />
    </Space>
  );
}

function cell(r: TargetRow, k: TargetKind) {
  const target = r.targets[k];
  const actual = r.actual[k] ?? 0;
  return target === null ? `${actual}` : `${actual} / ${target}（${r.percent[k] ?? 0}%）`;
}

function TargetsView({ data }: { data: Targets }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<TargetKind>('new_unions');
  // A difference is shown once a split has begun (some child has a target of that kind).
  const off = KINDS.filter((k) => (data.splitDifference[k] ?? 0) !== 0 && data.children.some((c) => c.targets[k] !== null));
  const rows = [data.org, ...data.children];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text strong>{t('organizing.targets.title')}</Typography.Text>
        <Tag>{t('organizing.targets.elapsed', { percent: data.yearElapsedPercent })}</Tag>
      </Space>
      {off.map((k) => (
        <Alert key={k} type="warning" showIcon title={t('organizing.targets.splitOff', { kind: t(`organizing.kinds.${k}`), difference: data.splitDifference[k] })} data-testid={`split-off-${k}`} />
      ))}
      <Segmented<TargetKind> value={kind} onChange={setKind} options={KINDS.map((k) => ({ value: k, label: t(`organizing.kinds.${k}`) }))} />
      {data.children.length ? <TargetsChart rows={data.children} kind={kind} /> : <Typography.Text type="secondary">{t('organizing.targets.empty')}</Typography.Text>}
      <Table<TargetRow>
        size="small"
        rowKey={(r) => r.org.id}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        rowClassName={(r) => (r.isLagging ? 'organizing-lagging' : '')}
        onRow={(r) => (r.isLagging ? { style: { background: '#fff1f0' } } : {})}
        columns={[
          {
            title: t('organizing.targets.unit'),
            fixed: 'left',
            width: 220,
            render: (_, r, i) => (
              <Space size={4}>
                <span>{i === 0 ? `${r.org.name}（${t('organizing.targets.own')}）` : r.org.name}</span>
                {r.isLagging ? (
                  <Tag color="red" data-testid="lagging">
                    {t('organizing.targets.lagging')}
                  </Tag>
                ) : null}
              </Space>
            ),
          },
          ...KINDS.map((k) => ({ title: t(`organizing.kinds.${k}`), key: k, width: 170, render: (_: unknown, r: TargetRow) => cell(r, k) })),
        ]}
      />
    </Space>
  );
}

function TargetsChart({ rows, kind }: { rows: TargetRow[]; kind: TargetKind }) {
  const { t } = useTranslation();
  const { el, chart } = useEcharts();
  useEffect(() => {
    // Names go into the chart as data; the default tooltip escapes them (no formatter).
    chart.current?.setOption(
      {
        color: ['#d9d9d9', '#c8102e'],
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 40, right: 16, top: 32, bottom: 60 },
        xAxis: { type: 'category', data: rows.map((r) => r.org.name.replace(/(街道|镇)?总工会$|工会$|工会联合会$/, '')), axisLabel: { rotate: 30, interval: 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: t('organizing.targets.target'), type: 'bar', data: rows.map((r) => r.targets[kind] ?? 0) },
          { name: t('organizing.targets.actual'), type: 'bar', data: rows.map((r) => r.actual[kind] ?? 0) },
        ],
      },
      true,
    );
  }, [rows, kind, t]);
  return <div ref={el} style={{ height: 280, width: '100%' }} data-testid="targets-chart" />;
}

function EnterprisesCard({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const { scope } = useScope();
  const { message } = App.useApp();
  const [status, setStatus] = useState<UnionStatus | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [isUploading, setUploading] = useState(false);
  const list = useRequest(
    (signal) => api.get<Page<Enterprise>>('/organizing/enterprises', { orgId: scope?.id, unionStatus: status, q: q || undefined, page, pageSize: 20 }, { signal }),
    [scope?.id, status, q, page],
  );

  const upload = async (file: File) => {
    if (!scope) return;
    setUploading(true);
    try {
      const type = file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const res = await api.sendFile<ImportReport>('/organizing/enterprises/import', new Blob([file], { type }), { orgId: scope.id, dryRun: 'false' });
      setReport(res);
      message.success(t('organizing.enterprises.imported', res.counts));
      list.reload();
      onImported();
    } catch (e) {
      setReport(null);
      message.error((e as Error).message);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('organizing.enterprises.title')}
      extra={
        <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(file) => (void upload(file), false)}>
          <Button icon={<UploadOutlined />} loading={isUploading}>
            {t('organizing.enterprises.import')}
          </Button>
        </Upload>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<UnionStatus | undefined>
          allowClear
          aria-label={t('organizing.enterprises.unionStatus')}
          placeholder={t('organizing.enterprises.allStatuses')}
          style={{ width: 160 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={(['none', 'founding', 'founded'] as const).map((s) => ({ value: s, label: t(`organizing.unionStatuses.${s}`) }))}
        />
        <Input.Search allowClear placeholder={t('organizing.enterprises.search')} style={{ width: 240 }} onSearch={(v) => (setQ(v.trim()), setPage(1))} />
      </Space>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <div data-testid="enterprises-table">
        <Table<Enterprise>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1200 }}
          locale={{ emptyText: t('organizing.enterprises.empty') }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('organizing.enterprises.total', { total }) }}
          columns={[
            { title: t('organizing.enterprises.name'), dataIndex: 'name', fixed: 'left', width: 260, ellipsis: { showTitle: true } },
            { title: t('organizing.enterprises.creditCode'), dataIndex: 'creditCode', width: 190 },
            { title: t('organizing.enterprises.org'), width: 170, ellipsis: true, render: (_, e) => e.org.name },
            { title: t('organizing.enterprises.unionStatus'), width: 100, render: (_, e) => <Tag color={STATUS_COLORS[e.unionStatus]}>{t(`organizing.unionStatuses.${e.unionStatus}`)}</Tag> },
            { title: t('organizing.enterprises.contactStatus'), width: 100, render: (_, e) => t(`organizing.contactStatuses.${e.contactStatus}`) },
            { title: t('organizing.enterprises.gigWorkers'), dataIndex: 'gigWorkers', width: 100, align: 'right' },
            { title: t('organizing.enterprises.union'), width: 200, ellipsis: true, render: (_, e) => e.unionOrg?.name ?? '—' },
            { title: t('organizing.enterprises.cadre'), width: 150, ellipsis: true, render: (_, e) => e.cadre?.name ?? '—' },
            { title: t('organizing.enterprises.overdue'), width: 90, align: 'right', render: (_, e) => (e.overdueSteps ? <Tag color="red">{e.overdueSteps}</Tag> : 0) },
          ]}
        />
      </div>
      <Modal open={report !== null} title={t('organizing.enterprises.reportTitle')} onCancel={() => setReport(null)} footer={null} width={760}>
        {report ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text data-testid="import-summary">{t('organizing.enterprises.imported', report.counts)}</Typography.Text>
            <Table
              size="small"
              rowKey="row"
              dataSource={report.rows.filter((r) => r.outcome !== 'unchanged')}
              pagination={{ pageSize: 8 }}
              scroll={{ y: 360 }}
              columns={[
                { title: t('organizing.enterprises.row'), dataIndex: 'row', width: 60 },
                { title: t('organizing.enterprises.name'), dataIndex: 'name', ellipsis: true },
                {
                  title: t('organizing.enterprises.outcome'),
                  width: 80,
                  render: (_, r) => <Tag color={r.outcome === 'error' ? 'red' : r.outcome === 'created' ? 'green' : 'blue'}>{t(`organizing.outcomes.${r.outcome}`)}</Tag>,
                },
                {
                  title: t('organizing.enterprises.detail'),
                  render: (_, r) => (r.outcome === 'error' ? r.errors.map((e) => e.message).join('；') : r.changes.map((c) => `${c.field}: ${c.from ?? '—'} → ${c.to ?? '—'}`).join('；')),
                },
              ]}
            />
          </Space>
        ) : null}
      </Modal>
    </Card>
  );
}

/** 集中入会仪式: each has a link (print it as a QR) that opens /m/join with its union chosen; sign-ups are applications. */
function CeremoniesCard() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const { message } = App.useApp();
  const [isOpen, setOpen] = useState(false);
  const [form] = Form.useForm<{ title: string; unionOrgId: string; heldOn: dayjs.Dayjs; place?: string }>();
  const list = useRequest((signal) => api.get<Ceremony[]>('/organizing/ceremonies', { orgId: scope?.id }, { signal }), [scope?.id]);
  const unions = useRequest(
    async (signal) => {
      const [joint, grassroots] = await Promise.all(
        (['joint', 'grassroots'] as const).map((type) => api.get<Page<Org>>('/orgs', { under: scope?.id, type, status: 'active', pageSize: 200 }, { signal })),
      );
      return [...(joint?.items ?? []), ...(grassroots?.items ?? [])];
    },
    [scope?.id, isOpen],
    isOpen,
  );
  const save = async () => {
    const v = await form.validateFields();
    try {
      await api.post<Ceremony>('/organizing/ceremonies', { title: v.title, unionOrgId: v.unionOrgId, heldOn: v.heldOn.format('YYYY-MM-DD'), ...(v.place ? { place: v.place } : {}) });
      message.success(t('organizing.ceremonies.created'));
      setOpen(false);
      form.resetFields();
      list.reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Card size="small" title={t('organizing.ceremonies.title')} extra={<Button onClick={() => setOpen(true)}>{t('organizing.ceremonies.add')}</Button>}>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<Ceremony>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('organizing.ceremonies.empty') }}
        columns={[
          { title: t('organizing.ceremonies.name'), dataIndex: 'title', fixed: 'left', width: 240, ellipsis: true },
          { title: t('organizing.ceremonies.union'), width: 220, ellipsis: true, render: (_, c) => c.union.name },
          { title: t('organizing.ceremonies.heldOn'), dataIndex: 'heldOn', width: 110 },
          { title: t('organizing.ceremonies.place'), dataIndex: 'place', width: 180, ellipsis: true },
          { title: t('organizing.ceremonies.link'), width: 300, render: (_, c) => <Typography.Text copyable>{`${window.location.origin}${c.joinPath}`}</Typography.Text> },
          { title: t('organizing.ceremonies.applications'), dataIndex: 'applications', width: 100, align: 'right' },
        ]}
      />
      <Modal open={isOpen} title={t('organizing.ceremonies.add')} onCancel={() => setOpen(false)} onOk={() => void save()} okText={t('organizing.ceremonies.save')} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ heldOn: dayjs() }}>
          <Form.Item name="title" label={t('organizing.ceremonies.name')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="unionOrgId" label={t('organizing.ceremonies.union')} rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} loading={unions.loading} options={(unions.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
          <Form.Item name="heldOn" label={t('organizing.ceremonies.heldOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="place" label={t('organizing.ceremonies.place')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
