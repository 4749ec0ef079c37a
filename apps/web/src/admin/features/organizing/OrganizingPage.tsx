import type { Ceremony, Enterprise, EnterprisePoints, ImportReport, Org, Page, Step, TargetKind, TargetRow, Targets, UnionStatus } from '@niangjia/contracts';
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
import { LazyMap, useMapContext, useMapLayers, type MapPoint } from '../../../shared/map';
import { QrSvg } from '../../../shared/QrSvg';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useScope } from '../../layout/scope';
import { EnterpriseDrawer } from './EnterpriseDrawer';
import { STATUS_COLORS, STATUS_MAP_COLORS } from './organizing-ui';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const KINDS: TargetKind[] = ['new_unions', 'new_members', 'new_gig_members', 'joining_points'];
const thisYear = () => Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

/** 建会入会 (/organizing): targets against progress by child org, the enterprise register and its import, export. */
export function OrganizingPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const { message } = App.useApp();
  const [year, setYear] = useState(thisYear());
  const targets = useRequest((signal) => api.get<Targets>('/organizing/targets', { orgId: scope?.id, year }, { signal }), [scope?.id, year]);
  const [openId, setOpenId] = useState<string | null>(null);
  // Work done in the drawer (a meeting, a step done, a union founded) shows in the lists and the targets.
  const [changes, setChanges] = useState(0);

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
      <EnterprisesCard onImported={targets.reload} onOpen={setOpenId} changes={changes} />
      <OverdueCard onOpen={setOpenId} changes={changes} />
      <CeremoniesCard />
      {openId ? (
        <EnterpriseDrawer
          id={openId}
          onClose={() => setOpenId(null)}
          onChanged={() => {
            setChanges((n) => n + 1);
            targets.reload();
          }}
        />
      ) : null}
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

function EnterprisesCard({ onImported, onOpen, changes }: { onImported: () => void; onOpen: (id: string) => void; changes: number }) {
  const { t } = useTranslation();
  const { scope } = useScope();
  const { message } = App.useApp();
  const [status, setStatus] = useState<UnionStatus | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [isUploading, setUploading] = useState(false);
  const [view, setView] = useState<'table' | 'map'>('table');
  const list = useRequest(
    (signal) => api.get<Page<Enterprise>>('/organizing/enterprises', { orgId: scope?.id, unionStatus: status, q: q || undefined, page, pageSize: 20 }, { signal }),
    [scope?.id, status, q, page, changes],
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
        <Segmented<'table' | 'map'>
          value={view}
          onChange={setView}
          options={[
            { value: 'table', label: t('organizing.enterprises.viewTable') },
            { value: 'map', label: t('organizing.enterprises.viewMap') },
          ]}
        />
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
        {view === 'table' ? (
          <Input.Search allowClear placeholder={t('organizing.enterprises.search')} style={{ width: 240 }} onSearch={(v) => (setQ(v.trim()), setPage(1))} />
        ) : null}
      </Space>
      {view === 'map' ? <EnterprisesMap status={status} onOpen={onOpen} changes={changes} /> : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <div data-testid="enterprises-table" style={view === 'map' ? { display: 'none' } : undefined}>
        <Table<Enterprise>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1200 }}
          locale={{ emptyText: t('organizing.enterprises.empty') }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('organizing.enterprises.total', { total }) }}
          columns={[
            {
              title: t('organizing.enterprises.name'),
              dataIndex: 'name',
              fixed: 'left',
              width: 260,
              render: (name: string, e) => (
                <Typography.Link href={`#${e.id}`} onClick={(ev) => (ev.preventDefault(), onOpen(e.id))} data-testid="enterprise-open">
                  {name}
                </Typography.Link>
              ),
            },
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

/** The enterprises on the map, coloured by union status; a click opens the enterprise. */
function EnterprisesMap({ status, onOpen, changes }: { status: UnionStatus | undefined; onOpen: (id: string) => void; changes: number }) {
  const { t } = useTranslation();
  const { scope } = useScope();
  const layers = useMapLayers();
  const context = useMapContext(scope?.id);
  const points = useRequest((signal) => api.get<EnterprisePoints>('/organizing/enterprises/points', { orgId: scope?.id, unionStatus: status }, { signal }), [scope?.id, status, changes]);
  const shown: MapPoint[] = (points.data?.items ?? []).map((p) => ({
    id: p.id,
    lng: p.lng,
    lat: p.lat,
    color: STATUS_MAP_COLORS[p.unionStatus],
    filled: true,
    title: `${p.name}（${t(`organizing.unionStatuses.${p.unionStatus}`)}）`,
  }));
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
      {points.error ? <ErrorAlert error={points.error} onRetry={points.reload} /> : null}
      <Space wrap size={[12, 4]}>
        <Typography.Text type="secondary" data-testid="enterprises-map-count">
          {t('organizing.enterprises.mapCount', { shown: points.data?.items.length ?? 0, total: points.data?.total ?? 0 })}
        </Typography.Text>
        {(['none', 'founding', 'founded'] as const).map((s) => (
          <Space key={s} size={4}>
            <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: STATUS_MAP_COLORS[s] }} />
            <Typography.Text style={{ fontSize: 12 }}>{t(`organizing.unionStatuses.${s}`)}</Typography.Text>
          </Space>
        ))}
      </Space>
      <LazyMap layers={layers.data} context={context.data} points={shown} fitPoints height={480} onPointClick={onOpen} testId="enterprises-map" />
    </Space>
  );
}

/** 逾期事项: open next steps past their day, counted per street and per cadre; a row opens its enterprise. */
function OverdueCard({ onOpen, changes }: { onOpen: (id: string) => void; changes: number }) {
  const { t } = useTranslation();
  const { scope } = useScope();
  const [cadreId, setCadreId] = useState<string | undefined>();
  const overdue = useRequest(
    (signal) =>
      api.get<{ items: Step[]; byCadre: { id: string | null; name: string; count: number }[]; byStreet: { org: Org; count: number }[] }>(
        '/organizing/overdue',
        { orgId: scope?.id, cadreId },
        { signal },
      ),
    [scope?.id, cadreId, changes],
  );
  const d = overdue.data;
  return (
    <Card size="small" title={t('organizing.overdue.title', { n: d?.items.length ?? 0 })} data-testid="overdue-card">
      {overdue.error ? <ErrorAlert error={overdue.error} onRetry={overdue.reload} /> : null}
      {d && d.items.length === 0 && !cadreId ? <Typography.Text type="secondary">{t('organizing.overdue.none')}</Typography.Text> : null}
      {d && (d.items.length > 0 || cadreId) ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap size={[16, 8]}>
            <Typography.Text type="secondary">{t('organizing.overdue.byStreet')}</Typography.Text>
            {d.byStreet.map((s) => (
              <Tag key={s.org.id} color="red">
                {s.org.name} {s.count}
              </Tag>
            ))}
          </Space>
          <Space wrap size={[8, 8]}>
            <Typography.Text type="secondary">{t('organizing.overdue.byCadre')}</Typography.Text>
            <Segmented<string>
              value={cadreId ?? ''}
              onChange={(v) => setCadreId(v || undefined)}
              options={[
                { value: '', label: t('organizing.overdue.everyone') },
                ...d.byCadre.filter((c) => c.id).map((c) => ({ value: c.id!, label: `${c.name} ${c.count}` })),
              ]}
            />
          </Space>
          <Table<Step>
            size="small"
            rowKey="id"
            dataSource={d.items}
            pagination={{ pageSize: 10, showSizeChanger: false }}
            scroll={{ x: 760 }}
            columns={[
              {
                title: t('organizing.enterprises.name'),
                width: 240,
                // A link ellipsed by the cell would stick out of it: long names wrap instead.
                render: (_, s) => (
                  <Typography.Link href={`#${s.enterprise.id}`} onClick={(ev) => (ev.preventDefault(), onOpen(s.enterprise.id))}>
                    {s.enterprise.name}
                  </Typography.Link>
                ),
              },
              { title: t('organizing.detail.stepTitle'), dataIndex: 'title', ellipsis: true },
              { title: t('organizing.detail.dueOn'), dataIndex: 'dueOn', width: 110 },
              { title: t('organizing.enterprises.org'), width: 160, ellipsis: true, render: (_, s) => s.enterprise.org.name },
              { title: t('organizing.detail.assignee'), width: 140, ellipsis: true, render: (_, s) => s.assignee?.name ?? '—' },
            ]}
          />
        </Space>
      ) : null}
    </Card>
  );
}

/** Prints the QR block alone: a new window gets a copy of its nodes (no HTML string: the titles are typed text). */
function printQr(testId: string) {
  const block = document.querySelector(`[data-testid="${testId}"]`);
  const win = window.open('', '_blank', 'width=600,height=800');
  if (!block || !win) return;
  const copy = win.document.importNode(block, true) as HTMLElement;
  copy.style.cssText = 'display:flex;flex-direction:column;align-items:center;gap:12px;font:18px sans-serif;margin-top:48px';
  const svg = copy.querySelector('svg');
  if (svg) svg.setAttribute('width', '360');
  win.document.title = document.title;
  win.document.body.appendChild(copy);
  win.focus();
  win.print();
}

/** 集中入会仪式: each has a link (print it as a QR) that opens /m/join with its union chosen; sign-ups are applications. */
function CeremoniesCard() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const { message } = App.useApp();
  const [isOpen, setOpen] = useState(false);
  const [qr, setQr] = useState<Ceremony | null>(null);
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
          {
            title: t('organizing.ceremonies.link'),
            width: 300,
            render: (_, c) => (
              <Space size={4}>
                <Typography.Text copyable ellipsis style={{ maxWidth: 200 }}>{`${window.location.origin}${c.joinPath}`}</Typography.Text>
                <Button size="small" onClick={() => setQr(c)}>
                  {t('organizing.ceremonies.qr')}
                </Button>
              </Space>
            ),
          },
          { title: t('organizing.ceremonies.applications'), dataIndex: 'applications', width: 100, align: 'right' },
        ]}
      />
      <Modal open={qr !== null} title={qr?.title ?? ''} onCancel={() => setQr(null)} footer={<Button onClick={() => printQr('ceremony-qr')}>{t('organizing.ceremonies.print')}</Button>} width={420}>
        {qr ? (
          <Space orientation="vertical" align="center" style={{ width: '100%' }} data-testid="ceremony-qr">
            <div style={{ width: 280 }}>
              <QrSvg text={`${window.location.origin}${qr.joinPath}`} />
            </div>
            <Typography.Text strong>{qr.title}</Typography.Text>
            <Typography.Text>{qr.union.name}</Typography.Text>
            <Typography.Text type="secondary">{t('organizing.ceremonies.qrHint')}</Typography.Text>
          </Space>
        ) : null}
      </Modal>
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
