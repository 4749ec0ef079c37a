import type { Page, Report, ReportDetail, VoiceCategory } from '@niangjia/contracts';
import { reportStatuses } from '@niangjia/contracts/voice-domain';
import { App, Button, Card, Descriptions, Drawer, Empty, Form, Image, Input, Popconfirm, Select, Space, Tabs, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormSubmit } from '../../components/use-form-submit';
import { FilterActions } from '../../components/FilterActions';
import { listPagination } from '../../components/list-pagination';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useScope } from '../../layout/scope';

type Filters = { status?: string; categoryKey?: string; isOverdue?: string; isGridMember?: string };
type GridMember = { id: string; name: string; orgName: string; reports: number; createdAt: string };
const STATUS_COLORS: Record<string, string> = { new: 'red', accepted: 'orange', in_progress: 'blue', resolved: 'green', closed: 'default', merged: 'default' };
const OPEN = ['new', 'accepted', 'in_progress'];

function useCategories() {
  const { i18n } = useTranslation();
  const list = useRequest((signal) => api.get<{ items: VoiceCategory[] }>('/voice/categories', undefined, { signal }), []);
  const items = list.data?.items ?? [];
  const nameOf = (key: string) => {
    const c = items.find((x) => x.key === key);
    return c ? (i18n.language === 'en' ? c.nameEn : c.nameZh) : key;
  };
  return { items, nameOf };
}

/** 职工之声 ▸ 随手拍 (/voice): reports routed to the scope, with filters; a drawer to answer, reassign, merge and resolve; grid members. */
export function VoicePage() {
  const { t } = useTranslation();
  return (
    <Tabs
      items={[
        { key: 'reports', label: t('voiceAdmin.tabs.reports'), children: <ReportsTab /> },
        { key: 'grid', label: t('voiceAdmin.tabs.grid'), children: <GridTab /> },
      ]}
    />
  );
}

function ReportsTab() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const categories = useCategories();
  const [filterForm] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({ status: 'open' });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useRequest((signal) => api.get<Page<Report>>('/voice/reports', { ...filters, page, pageSize }, { signal }), [JSON.stringify(filters), page, pageSize]);
  // A link from the bell (`?report=<id>`) opens that report.
  const [search] = useSearchParams();
  const linked = search.get('report');
  useEffect(() => {
    if (linked) setOpenId(linked);
  }, [linked]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Form
          form={filterForm}
          layout="inline"
          initialValues={{ status: 'open' }}
          style={{ rowGap: 12 }}
          onFinish={(v) => {
            setFilters(Object.fromEntries(Object.entries(v).filter(([, x]) => x)));
            setPage(1);
          }}
        >
          <Form.Item name="status" label={t('voiceAdmin.filters.status')}>
            <Select
              allowClear
              style={{ width: 140 }}
              placeholder={t('common.all')}
              options={[{ value: 'open', label: t('voiceAdmin.filters.open') }, ...reportStatuses.map((s) => ({ value: s, label: t(`voiceAdmin.status.${s}`) }))]}
              data-testid="voice-filter-status"
            />
          </Form.Item>
          <Form.Item name="categoryKey" label={t('voiceAdmin.filters.category')}>
            <Select allowClear style={{ width: 150 }} placeholder={t('common.all')} options={categories.items.map((c) => ({ value: c.key, label: categories.nameOf(c.key) }))} />
          </Form.Item>
          <Form.Item name="isOverdue" label={t('voiceAdmin.filters.overdue')}>
            <Select
              allowClear
              style={{ width: 120 }}
              placeholder={t('common.all')}
              options={[
                { value: 'true', label: t('voiceAdmin.filters.overdueOnly') },
                { value: 'false', label: t('voiceAdmin.filters.inTime') },
              ]}
            />
          </Form.Item>
          <Form.Item name="isGridMember" label={t('voiceAdmin.filters.grid')}>
            <Select allowClear style={{ width: 100 }} placeholder={t('common.all')} options={[{ value: 'true', label: t('voiceAdmin.gridTag') }]} />
          </Form.Item>
          <FilterActions
            onReset={() => {
              filterForm.resetFields();
              filterForm.setFieldsValue({ status: undefined });
              setFilters({});
              setPage(1);
            }}
          />
        </Form>
      </Card>
      <Card
        title={
          <Space>
            {t('voiceAdmin.title')}
            {scope && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
                {t('voiceAdmin.scopeNote', { scope: scope.name })}
              </Typography.Text>
            )}
          </Space>
        }
      >
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <DataTable<Report>
          id="voice-reports"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={Object.keys(filters).length ? t('voiceAdmin.emptyFiltered') : t('voiceAdmin.empty')} /> }}
          pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => {
            setPage(p);
            setPageSize(s);
          })}
          columns={[
            { title: t('voiceAdmin.columns.number'), key: 'number', dataIndex: 'number', width: 100 },
            { title: t('voiceAdmin.columns.category'), key: 'category', width: 120, render: (_: unknown, r) => <Tag>{categories.nameOf(r.categoryKey)}</Tag> },
            { title: t('voiceAdmin.columns.description'), key: 'description', dataIndex: 'description', width: 260, render: (v: string) => <span data-testid="voice-row-text">{v}</span> },
            { title: t('voiceAdmin.columns.org'), key: 'org', dataIndex: 'orgName', width: 160 },
            {
              title: t('voiceAdmin.columns.status'),
              key: 'status',
              width: 120,
              render: (_: unknown, r) => (
                <Space size={4} wrap>
                  <Tag color={STATUS_COLORS[r.status]} data-testid="voice-row-status">
                    {t(`voiceAdmin.status.${r.status}`)}
                  </Tag>
                  {r.isOverdue ? <Tag color="red">{t('voiceAdmin.overdue')}</Tag> : null}
                </Space>
              ),
            },
            { title: t('voiceAdmin.columns.due'), key: 'due', dataIndex: 'dueAt', width: 140, render: (v: string, r) => (OPEN.includes(r.status) ? formatDateTime(v) : '—') },
            {
              title: t('voiceAdmin.columns.reporter'),
              key: 'reporter',
              width: 130,
              render: (_: unknown, r) => (
                <Space size={4}>
                  {r.reporterName}
                  {r.isGridMember ? <Tag color="purple">{t('voiceAdmin.gridTag')}</Tag> : null}
                </Space>
              ),
            },
            { title: t('voiceAdmin.columns.meToo'), key: 'meToo', dataIndex: 'meTooCount', width: 80 },
            { title: t('voiceAdmin.columns.createdAt'), key: 'createdAt', dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
          ]}
          actions={(r) => (
            <Button type="link" size="small" onClick={() => setOpenId(r.id)} data-testid={`voice-open-${r.number}`}>
              {t('voiceAdmin.detail')}
            </Button>
          )}
        />
      </Card>
      {openId ? <ReportDrawer id={openId} nameOf={categories.nameOf} onClose={() => setOpenId(null)} onChanged={list.reload} /> : null}
    </Space>
  );
}

type Mode = 'accept' | 'progress' | 'reply' | 'resolve' | 'reassign' | 'merge';

function ReportDrawer({ id, nameOf, onClose, onChanged }: { id: string; nameOf: (key: string) => string; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const canWrite = me.permissions.includes('voice.write');
  const detail = useRequest((signal) => api.get<ReportDetail>(`/voice/reports/${id}`, undefined, { signal }), [id]);
  const [mode, setMode] = useState<Mode | null>(null);
  const [form] = Form.useForm<{ note?: string; orgId?: string; intoNumber?: string }>();
  const { submit: send, saving, error, setError } = useFormSubmit(form);
  const [upName, setUpName] = useState<string>();
  const r = detail.data;
  const isOpen = r ? OPEN.includes(r.status) : false;

  const submit = async () => {
    if (!r || !mode) return;
    await send(async (v) => {
      let body: Record<string, unknown> = { version: r.version };
      if (mode === 'reassign') body = { ...body, orgId: v.orgId, reason: v.note };
      else if (mode === 'merge') {
        const found = await api.get<Page<Report>>('/voice/reports', { status: 'open', categoryKey: r.categoryKey, pageSize: 200 });
        const into = found.items.find((x) => x.number === (v.intoNumber ?? '').trim().toUpperCase());
        body = { ...body, intoId: into?.id ?? '00000000-0000-4000-8000-000000000000' };
      } else if (v.note) body = { ...body, note: v.note };
      await api.post(`/voice/reports/${r.id}/${mode}`, body);
      message.success(t('voiceAdmin.done'));
      setMode(null);
      form.resetFields();
      detail.reload();
      onChanged();
    });
  };
  const button = (m: Mode, primary = false) => (
    <Button type={primary ? 'primary' : 'default'} onClick={() => (setMode(m), setError(null), form.resetFields())} data-testid={`voice-${m}`}>
      {t(`voiceAdmin.${m}`)}
    </Button>
  );
  const noteField = (label: string, required: boolean) => (
    <Form.Item name="note" label={label} rules={required ? [{ required: true, message: t('voiceAdmin.required', { field: label }) }] : []}>
      <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('voiceAdmin.notePlaceholder')} data-testid="voice-note" />
    </Form.Item>
  );

  return (
    <Drawer open width={560} title={r ? t('voiceAdmin.detailTitle', { number: r.number }) : ''} onClose={onClose} destroyOnHidden>
      {detail.error ? <ErrorAlert error={detail.error} onRetry={detail.reload} /> : null}
      {r ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('voiceAdmin.columns.status')}>
              <Space size={4} wrap>
                <Tag color={STATUS_COLORS[r.status]} data-testid="voice-detail-status">
                  {t(`voiceAdmin.status.${r.status}`)}
                </Tag>
                {r.isOverdue ? <Tag color="red">{t('voiceAdmin.overdue')}</Tag> : null}
                {r.escalations ? <Tag>{t('voiceAdmin.escalated', { n: r.escalations })}</Tag> : null}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('voiceAdmin.columns.category')}>{nameOf(r.categoryKey)}</Descriptions.Item>
            <Descriptions.Item label={t('voiceAdmin.columns.description')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{r.description}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('voiceAdmin.columns.org')}>{r.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('voiceAdmin.columns.due')}>{isOpen ? formatDateTime(r.dueAt) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('voiceAdmin.columns.reporter')}>
              {r.reporterName} {r.isGridMember ? <Tag color="purple">{t('voiceAdmin.gridTag')}</Tag> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('voiceAdmin.columns.meToo')}>{r.meTooCount}</Descriptions.Item>
            <Descriptions.Item label={t('voiceAdmin.location')}>{`${r.location.lng.toFixed(5)}, ${r.location.lat.toFixed(5)}`}</Descriptions.Item>
            {r.photoIds.length ? (
              <Descriptions.Item label={t('voiceAdmin.photos')}>
                <Space wrap>
                  {r.photoIds.map((p) => (
                    <Image key={p} src={`/api/v1/photos/${p}`} width={72} height={72} style={{ objectFit: 'cover' }} />
                  ))}
                </Space>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {canWrite ? (
            <Space wrap>
              {r.status === 'new' ? button('accept', true) : null}
              {isOpen ? button('progress') : null}
              {r.status !== 'merged' ? button('reply') : null}
              {isOpen ? button('resolve', r.status !== 'new') : null}
              {isOpen ? button('reassign') : null}
              {isOpen ? button('merge') : null}
            </Space>
          ) : null}
          {mode ? (
            <Card size="small" title={t(`voiceAdmin.${mode}`)}>
              {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
              <Form form={form} layout="vertical">
                {mode === 'reassign' ? (
                  <>
                    <Form.Item
                      name="orgId"
                      label={t('voiceAdmin.targetOrg')}
                      extra={t('voiceAdmin.targetOrgHint')}
                      rules={[{ required: true, message: t('voiceAdmin.required', { field: t('voiceAdmin.targetOrg') }) }]}
                    >
                      <OrgTreeSelect roots={me.scopeRoots} style={{ width: '100%' }} {...(upName ? { valueLabel: upName } : {})} onChange={() => setUpName(undefined)} id="voice-target" />
                    </Form.Item>
                    <Space wrap style={{ marginBottom: 12 }}>
                      {r.ancestors.map((a) => (
                        <Button key={a.id} size="small" onClick={() => (form.setFieldValue('orgId', a.id), setUpName(a.name))} data-testid="voice-target-up">
                          ↑ {a.name}
                        </Button>
                      ))}
                    </Space>
                    {noteField(t('voiceAdmin.reason'), true)}
                  </>
                ) : mode === 'merge' ? (
                  <Form.Item
                    name="intoNumber"
                    label={t('voiceAdmin.mergeInto')}
                    extra={t('voiceAdmin.mergeHint')}
                    rules={[{ required: true, message: t('voiceAdmin.required', { field: t('voiceAdmin.mergeInto') }) }]}
                  >
                    <Input placeholder="SP000123" />
                  </Form.Item>
                ) : (
                  noteField(t('voiceAdmin.note'), mode !== 'accept')
                )}
              </Form>
              <Space>
                <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="voice-submit">
                  {t('actions.confirm')}
                </Button>
                <Button onClick={() => setMode(null)}>{t('actions.cancel')}</Button>
              </Space>
            </Card>
          ) : null}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('voiceAdmin.history')}
          </Typography.Title>
          <Timeline
            items={r.history.map((h) => ({
              color: h.kind === 'escalated' || h.kind === 'reopened' ? 'red' : h.kind === 'resolved' || h.kind === 'confirmed' ? 'green' : 'blue',
              children: (
                <div data-testid="voice-history-item">
                  <Typography.Text strong>{t(`voiceAdmin.events.${h.kind}`)}</Typography.Text> <Typography.Text type="secondary">{formatDateTime(h.at)}</Typography.Text>
                  {h.actorName ? <div>{h.actorName}</div> : null}
                  {h.fromOrgName || h.toOrgName ? <div>{[h.fromOrgName, h.toOrgName].filter(Boolean).join(' → ')}</div> : null}
                  {h.note ? <div style={{ whiteSpace: 'pre-wrap' }}>{h.note}</div> : null}
                </div>
              ),
            }))}
          />
        </Space>
      ) : null}
    </Drawer>
  );
}

function GridTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const canWrite = me.permissions.includes('voice.write');
  const list = useRequest((signal) => api.get<{ items: GridMember[] }>('/voice/grid-members', undefined, { signal }), []);
  const [form] = Form.useForm<{ phone: string; orgId: string }>();
  const [error, setError] = useState<unknown>(null);
  const add = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      await api.post('/voice/grid-members', v);
      message.success(t('voiceAdmin.done'));
      form.resetFields();
      list.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card title={t('voiceAdmin.gridTitle')}>
      <Typography.Paragraph type="secondary">{t('voiceAdmin.gridIntro')}</Typography.Paragraph>
      {canWrite ? (
        <Form form={form} layout="inline" style={{ rowGap: 12, marginBottom: 16 }}>
          <Form.Item name="phone" label={t('voiceAdmin.gridPhone')} rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('voiceAdmin.required', { field: t('voiceAdmin.gridPhone') }) }]}>
            <Input style={{ width: 160 }} maxLength={11} />
          </Form.Item>
          <Form.Item name="orgId" label={t('voiceAdmin.gridOrg')} rules={[{ required: true, message: t('voiceAdmin.required', { field: t('voiceAdmin.gridOrg') }) }]}>
            <OrgTreeSelect roots={me.scopeRoots} style={{ width: 260 }} />
          </Form.Item>
          <Button type="primary" onClick={() => void add()}>
            {t('voiceAdmin.gridAdd')}
          </Button>
        </Form>
      ) : null}
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <DataTable<GridMember>
        id="voice-grid"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('voiceAdmin.gridEmpty')} /> }}
        pagination={false}
        columns={[
          { title: t('voiceAdmin.gridName'), key: 'name', dataIndex: 'name', width: 160 },
          { title: t('voiceAdmin.gridOrg'), key: 'org', dataIndex: 'orgName', width: 220 },
          { title: t('voiceAdmin.gridReports'), key: 'reports', dataIndex: 'reports', width: 100 },
          { title: t('voiceAdmin.gridSince'), key: 'since', dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
        ]}
        actions={(g) =>
          canWrite ? (
            <Popconfirm title={t('voiceAdmin.gridRemoveConfirm')} onConfirm={() => api.delete(`/voice/grid-members/${g.id}`).then(list.reload, setError)}>
              <Button type="link" size="small" danger>
                {t('voiceAdmin.gridRemove')}
              </Button>
            </Popconfirm>
          ) : null
        }
      />
    </Card>
  );
}
