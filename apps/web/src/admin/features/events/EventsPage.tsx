import type { EventType, EventView, Org, Page, Position } from '@niangjia/contracts';
import { employmentForms, eventStatuses, eventTypes } from '@niangjia/contracts';
import { Alert, App, Button, Card, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined, MinusCircleOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api, errorText } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/form-errors';
import { formatDateTime, instantOfShanghaiPicker, shanghaiNow, shanghaiPickerValue } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { isUploading, PhotoUpload, photoIdsOf, type UploadedPhoto } from '../../components/PhotoUpload';
import { useScope } from '../../layout/scope';
import { EventDrawer } from './EventDrawer';

const STATUS_COLORS = { draft: 'default', published: 'green', cancelled: 'red' } as const;
const PAGE_SIZE = 20;

/** 文体活动 (/events): events in scope with filters, create / edit / series, publish / unpublish / cancel, and a drawer per event. */
export function EventsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { eventId } = useParams();
  const canWrite = me.permissions.includes('event.write');
  const [type, setType] = useState<EventType | undefined>();
  const [status, setStatus] = useState<EventView['status'] | undefined>();
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<{ mode: 'create' | 'series' } | { mode: 'edit'; event: EventView } | null>(null);
  const [cancelling, setCancelling] = useState<EventView | null>(null);
  const list = useRequest(
    (signal) =>
      api.get<Page<EventView>>(
        '/events',
        { orgId: scope?.id, type, status, q: q || undefined, from: period?.[0]?.format('YYYY-MM-DD'), to: period?.[1]?.format('YYYY-MM-DD'), page, pageSize: PAGE_SIZE },
        { signal },
      ),
    [scope?.id, type, status, q, period, page],
  );

  const act = (e: EventView, action: 'publish' | 'unpublish') =>
    modal.confirm({
      title: t(`eventsAdmin.confirm.${action}`, { title: e.title }),
      okText: t(`eventsAdmin.actions.${action}`),
      onOk: async () => {
        try {
          await api.post(`/events/${e.id}/${action}`, { version: e.version });
          message.success(t(action === 'publish' ? 'eventsAdmin.done.published' : 'eventsAdmin.done.unpublished'));
          list.reload();
        } catch (err) {
          message.error(errorText(err));
        }
      },
    });

  return (
    <Card
      size="small"
      title={t('eventsAdmin.title')}
      extra={
        canWrite ? (
          <Space wrap>
            <Button onClick={() => setEditing({ mode: 'series' })}>{t('eventsAdmin.addSeries')}</Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })} data-testid="event-add">
              {t('eventsAdmin.add')}
            </Button>
          </Space>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<EventType | undefined>
          allowClear
          aria-label={t('eventsAdmin.col.type')}
          placeholder={t('eventsAdmin.allTypes')}
          style={{ width: 140 }}
          value={type}
          onChange={(v) => (setType(v), setPage(1))}
          options={eventTypes.map((x) => ({ value: x, label: t(`eventsAdmin.types.${x}`) }))}
        />
        <Select<EventView['status'] | undefined>
          allowClear
          aria-label={t('eventsAdmin.col.status')}
          placeholder={t('eventsAdmin.allStatuses')}
          style={{ width: 130 }}
          value={status}
          onChange={(v) => (setStatus(v), setPage(1))}
          options={eventStatuses.map((x) => ({ value: x, label: t(`eventsAdmin.statuses.${x}`) }))}
        />
        <DatePicker.RangePicker aria-label={t('eventsAdmin.period')} value={period} onChange={(v) => (setPeriod(v), setPage(1))} style={{ width: 250 }} />
        <Input.Search allowClear placeholder={t('eventsAdmin.search')} style={{ width: 200 }} onSearch={(v) => (setQ(v.trim()), setPage(1))} />
      </Space>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <div data-testid="events-table">
        <Table<EventView>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('eventsAdmin.empty') }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('eventsAdmin.total', { total }) }}
          columns={[
            {
              title: t('eventsAdmin.col.title'),
              fixed: 'left',
              width: 260,
              // A long title wraps inside the cell (an ellipsis would let the link stick out of it).
              render: (_, e) => (
                <a onClick={() => void navigate(`/events/${e.id}`)} data-testid="event-open">
                  {e.title}
                </a>
              ),
            },
            { title: t('eventsAdmin.col.type'), width: 90, render: (_, e) => t(`eventsAdmin.types.${e.type}`) },
            { title: t('eventsAdmin.col.org'), width: 180, ellipsis: true, render: (_, e) => e.org.name },
            { title: t('eventsAdmin.col.startsAt'), width: 140, render: (_, e) => formatDateTime(e.startsAt) },
            { title: t('eventsAdmin.col.status'), width: 90, render: (_, e) => <Tag color={STATUS_COLORS[e.status]}>{t(`eventsAdmin.statuses.${e.status}`)}</Tag> },
            {
              title: t('eventsAdmin.col.places'),
              width: 130,
              render: (_, e) => (
                <Space size={4} wrap>
                  <span>{t('eventsAdmin.placesText', { taken: e.taken, capacity: e.capacity })}</span>
                  {e.waiting ? <Tag color="orange">{t('eventsAdmin.waitingText', { n: e.waiting })}</Tag> : null}
                </Space>
              ),
            },
            { title: t('eventsAdmin.col.attended'), width: 80, align: 'right', dataIndex: 'attended' },
            {
              title: t('eventsAdmin.col.actions'),
              // Always in view on a 1366 px screen, whatever scrolls.
              fixed: 'right',
              width: 230,
              render: (_, e) => (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => void navigate(`/events/${e.id}`)}>
                    {t('eventsAdmin.actions.detail')}
                  </Button>
                  {canWrite && e.status !== 'cancelled' ? (
                    <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', event: e })}>
                      {t('eventsAdmin.actions.edit')}
                    </Button>
                  ) : null}
                  {canWrite && e.status === 'draft' ? (
                    <Button type="link" size="small" onClick={() => act(e, 'publish')} data-testid="event-publish">
                      {t('eventsAdmin.actions.publish')}
                    </Button>
                  ) : null}
                  {canWrite && e.status === 'published' && e.taken === 0 && e.waiting === 0 ? (
                    <Button type="link" size="small" onClick={() => act(e, 'unpublish')}>
                      {t('eventsAdmin.actions.unpublish')}
                    </Button>
                  ) : null}
                  {canWrite && e.status === 'published' && Date.parse(e.endsAt) > Date.now() ? (
                    <Button type="link" size="small" danger onClick={() => setCancelling(e)}>
                      {t('eventsAdmin.actions.cancel')}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </div>
      {editing ? (
        <EventFormModal
          mode={editing.mode}
          event={editing.mode === 'edit' ? editing.event : undefined}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      ) : null}
      {cancelling ? (
        <CancelEventModal
          event={cancelling}
          onClose={() => setCancelling(null)}
          onDone={() => {
            setCancelling(null);
            list.reload();
          }}
        />
      ) : null}
      {eventId ? <EventDrawer eventId={eventId} canWrite={canWrite} onClose={() => void navigate('/events')} onChanged={list.reload} /> : null}
    </Card>
  );
}

function CancelEventModal({ event, onClose, onDone }: { event: EventView; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api.post(`/events/${event.id}/cancel`, { version: event.version, reason: v.reason.trim() });
      message.success(t('eventsAdmin.done.cancelled'));
      onDone();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('eventsAdmin.confirm.cancelTitle', { title: event.title })} onCancel={onClose} onOk={() => void submit()} okButtonProps={{ danger: true }} confirmLoading={busy} okText={t('eventsAdmin.actions.cancel')}>
      <Alert type="warning" showIcon title={t('eventsAdmin.confirm.cancelHint')} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('eventsAdmin.confirm.reason')} rules={[{ required: true, min: 2, max: 500 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type QuotaRow = { orgId?: string; capacity?: number };
type FormValues = {
  orgId?: string;
  type: EventType;
  title: string;
  visibility: 'subtree' | 'public';
  placeKind: 'position' | 'address';
  positionId?: string;
  address?: string;
  lng?: number | null;
  lat?: number | null;
  time: [Dayjs, Dayjs];
  signup: [Dayjs, Dayjs];
  description?: string;
  feeYuan: number;
  capacity: number;
  offerHoldHours: number;
  minAttendanceHours?: number | null;
  isOverlapForbidden: boolean;
  membersOnly: boolean;
  eligibilityOrgIds: string[];
  employmentForms: string[];
  minAge?: number | null;
  maxAge?: number | null;
  unionQuotas: QuotaRow[];
  maleQuota?: number | null;
  femaleQuota?: number | null;
  count?: number;
  everyMonths?: number;
};
const FIELDS = ['orgId', 'type', 'title', 'visibility', 'positionId', 'address', 'lng', 'lat', 'startsAt', 'endsAt', 'signupOpensAt', 'signupClosesAt', 'description', 'feeFen', 'capacity', 'quotas', 'eligibility'];

function initialValues(e: EventView | undefined): Partial<FormValues> {
  if (!e) {
    const start = shanghaiNow().add(7, 'day').hour(9).minute(0).second(0);
    return {
      type: 'culture',
      visibility: 'subtree',
      placeKind: 'address',
      time: [start, start.add(2, 'hour')],
      signup: [shanghaiNow().startOf('minute'), start.subtract(1, 'day')],
      feeYuan: 0,
      capacity: 50,
      offerHoldHours: 12,
      isOverlapForbidden: false,
      membersOnly: true,
      eligibilityOrgIds: [],
      employmentForms: [],
      unionQuotas: [],
      count: 6,
      everyMonths: 1,
    };
  }
  return {
    type: e.type,
    title: e.title,
    visibility: e.visibility,
    placeKind: e.position ? 'position' : 'address',
    positionId: e.position?.id,
    address: e.address ?? undefined,
    lng: e.lng,
    lat: e.lat,
    time: [shanghaiPickerValue(e.startsAt), shanghaiPickerValue(e.endsAt)],
    signup: [shanghaiPickerValue(e.signupOpensAt), shanghaiPickerValue(e.signupClosesAt)],
    description: e.description,
    feeYuan: e.feeFen / 100,
    capacity: e.capacity,
    offerHoldHours: e.offerHoldMinutes / 60,
    minAttendanceHours: e.minAttendanceMinutes === null ? null : e.minAttendanceMinutes / 60,
    isOverlapForbidden: e.isOverlapForbidden,
    membersOnly: e.eligibility.membersOnly,
    eligibilityOrgIds: e.eligibility.orgIds,
    employmentForms: e.eligibility.employmentForms,
    minAge: e.eligibility.minAge,
    maxAge: e.eligibility.maxAge,
    unionQuotas: e.quotas.filter((q) => q.kind === 'union').map((q) => ({ orgId: q.org?.id, capacity: q.capacity })),
    maleQuota: e.quotas.find((q) => q.group === 'male')?.capacity ?? null,
    femaleQuota: e.quotas.find((q) => q.group === 'female')?.capacity ?? null,
  };
}

function toBody(v: FormValues) {
  const quotas = [
    ...v.unionQuotas.filter((q) => q.orgId && q.capacity !== undefined && q.capacity !== null).map((q) => ({ kind: 'union' as const, orgId: q.orgId!, capacity: q.capacity! })),
    ...(v.maleQuota !== null && v.maleQuota !== undefined ? [{ kind: 'group' as const, group: 'male' as const, capacity: v.maleQuota }] : []),
    ...(v.femaleQuota !== null && v.femaleQuota !== undefined ? [{ kind: 'group' as const, group: 'female' as const, capacity: v.femaleQuota }] : []),
  ];
  return {
    type: v.type,
    title: v.title.trim(),
    description: (v.description ?? '').trim(),
    visibility: v.visibility,
    positionId: v.placeKind === 'position' ? (v.positionId ?? null) : null,
    address: v.placeKind === 'address' ? v.address?.trim() || null : null,
    lng: v.placeKind === 'address' ? (v.lng ?? null) : null,
    lat: v.placeKind === 'address' ? (v.lat ?? null) : null,
    // The pickers show and take the Shanghai wall clock, whatever the browser's zone.
    startsAt: instantOfShanghaiPicker(v.time[0]),
    endsAt: instantOfShanghaiPicker(v.time[1]),
    signupOpensAt: instantOfShanghaiPicker(v.signup[0]),
    signupClosesAt: instantOfShanghaiPicker(v.signup[1]),
    // Money is kept in fen; the form shows yuan.
    feeFen: Math.round((v.feeYuan ?? 0) * 100),
    capacity: v.capacity,
    offerHoldMinutes: Math.round(v.offerHoldHours * 60),
    minAttendanceMinutes: v.type === 'training' && v.minAttendanceHours ? Math.round(v.minAttendanceHours * 60) : null,
    isOverlapForbidden: v.isOverlapForbidden,
    eligibility: { membersOnly: v.membersOnly, orgIds: v.eligibilityOrgIds, employmentForms: v.employmentForms, minAge: v.minAge ?? null, maxAge: v.maxAge ?? null },
    quotas,
  };
}

/** Unions under the scope (for quotas and eligibility): joint and grassroots unions, streets and parks. */
function useUnionOptions(enabled: boolean) {
  const { scope } = useScope();
  return useRequest(
    async (signal) => {
      const res = await api.get<Page<Org>>('/orgs', { under: scope?.id, status: 'active', pageSize: 200 }, { signal });
      return res.items.map((o) => ({ value: o.id, label: o.name }));
    },
    [scope?.id, enabled],
    enabled,
  );
}

function EventFormModal({ mode, event, onClose, onSaved }: { mode: 'create' | 'edit' | 'series'; event: EventView | undefined; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [positionQ, setPositionQ] = useState('');
  const [cover, setCover] = useState<UploadedPhoto[]>(event?.coverPhotoId ? [{ uid: event.coverPhotoId, name: t('eventsAdmin.form.cover'), id: event.coverPhotoId, status: 'done', url: `/api/v1/events/${event.id}/cover` }] : []);
  const [coverError, setCoverError] = useState<string | undefined>();
  const placeKind = Form.useWatch('placeKind', form);
  const type = Form.useWatch('type', form);
  const unions = useUnionOptions(true);
  const positions = useRequest((signal) => api.get<Page<Position>>('/positions', { q: positionQ || undefined, orgId: scope?.id, page: 1, pageSize: 30 }, { signal }), [positionQ, scope?.id]);
  const positionOptions = [
    ...(event?.position && !(positions.data?.items ?? []).some((p) => p.id === event.position!.id) ? [{ value: event.position.id, label: event.position.name }] : []),
    ...(positions.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
  ];

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    setUnplaced([]);
    try {
      const body = { ...toBody(v), coverPhotoId: photoIdsOf(cover)[0] ?? null };
      setCoverError(undefined);
      if (mode === 'edit') {
        await api.put(`/events/${event!.id}`, { ...body, version: event!.version });
        message.success(t('eventsAdmin.done.saved'));
      } else if (mode === 'series') {
        const res = await api.post<{ items: EventView[] }>('/events/series', { template: { ...body, orgId: v.orgId }, count: v.count, everyMonths: v.everyMonths });
        message.success(t('eventsAdmin.done.seriesCreated', { n: res.items.length }));
      } else {
        await api.post('/events', { ...body, orgId: v.orgId });
        message.success(t('eventsAdmin.done.created'));
      }
      onSaved();
    } catch (e) {
      const rename: Record<string, string> = { startsAt: 'time', endsAt: 'time', signupOpensAt: 'signup', signupClosesAt: 'signup', feeFen: 'feeYuan' };
      const coverProblem = e instanceof ApiError ? e.errors.find((x) => x.path === 'coverPhotoId') : undefined;
      setCoverError(coverProblem?.message);
      // The cover is not a form field: its error goes under the upload.
      setUnplaced(applyServerErrors(form, e, [...FIELDS, 'time', 'signup', 'feeYuan'], rename).filter((x) => !x.startsWith('coverPhotoId:')));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const title = mode === 'edit' ? t('eventsAdmin.form.editTitle') : mode === 'series' ? t('eventsAdmin.form.seriesTitle') : t('eventsAdmin.form.createTitle');
  return (
    <Modal open title={title} width={860} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okButtonProps={{ disabled: isUploading(cover) }} okText={t('eventsAdmin.form.save')} destroyOnHidden>
      {error ? <ErrorAlert error={error} /> : null}
      {unplaced.length ? <Alert type="error" showIcon title={unplaced.join('；')} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ ...initialValues(event), orgId: scope?.id }} data-testid="event-form">
        <Row gutter={16}>
          {mode !== 'edit' ? (
            <Col xs={24} md={12}>
              <Form.Item name="orgId" label={t('eventsAdmin.form.org')} rules={[{ required: true }]}>
                <OrgTreeSelect roots={me.scopeRoots} valueLabel={scope?.name} />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} md={12}>
            <Form.Item name="type" label={t('eventsAdmin.form.type')} rules={[{ required: true }]}>
              <Select options={eventTypes.map((x) => ({ value: x, label: t(`eventsAdmin.types.${x}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="title" label={t('eventsAdmin.form.title')} rules={[{ required: true, min: 2, max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="visibility" label={t('eventsAdmin.form.visibility')}>
              <Select options={(['subtree', 'public'] as const).map((x) => ({ value: x, label: t(`eventsAdmin.visibilities.${x}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="placeKind" label={t('eventsAdmin.form.placeKind')}>
              <Radio.Group
                options={[
                  { value: 'position', label: t('eventsAdmin.form.placePosition') },
                  { value: 'address', label: t('eventsAdmin.form.placeAddress') },
                ]}
              />
            </Form.Item>
          </Col>
          {placeKind === 'position' ? (
            <Col xs={24}>
              <Form.Item name="positionId" label={t('eventsAdmin.form.position')} rules={[{ required: true }]}>
                <Select showSearch={{ filterOption: false, onSearch: (v) => setPositionQ(v.trim()) }} placeholder={t('eventsAdmin.form.positionSearch')} loading={positions.loading} options={positionOptions} />
              </Form.Item>
            </Col>
          ) : (
            <>
              <Col xs={24} md={12}>
                <Form.Item name="address" label={t('eventsAdmin.form.address')} rules={[{ required: true, min: 2, max: 200 }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="lng" label={t('eventsAdmin.form.lng')}>
                  <InputNumber min={73} max={136} step={0.0001} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="lat" label={t('eventsAdmin.form.lat')}>
                  <InputNumber min={3} max={54} step={0.0001} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={24} md={12}>
            <Form.Item name="time" label={t('eventsAdmin.form.time')} rules={[{ required: true }]}>
              <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="signup" label={t('eventsAdmin.form.signup')} rules={[{ required: true }]}>
              <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={t('eventsAdmin.form.description')} rules={[{ max: 5000 }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label={t('eventsAdmin.form.cover')} extra={t('eventsAdmin.form.coverHint')} validateStatus={coverError ? 'error' : undefined} help={coverError}>
              <PhotoUpload value={cover} onChange={setCover} max={1} label={t('eventsAdmin.form.addCover')} onError={setError} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="feeYuan" label={t('eventsAdmin.form.fee')} extra={t('eventsAdmin.form.feeHint')}>
              <InputNumber min={0} max={1_000_000} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="capacity" label={t('eventsAdmin.form.capacity')} rules={[{ required: true }]}>
              <InputNumber min={1} max={100_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="offerHoldHours" label={t('eventsAdmin.form.offerHoldHours')}>
              <InputNumber min={0.1} max={168} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {type === 'training' ? (
            <Col xs={12} md={6}>
              <Form.Item name="minAttendanceHours" label={t('eventsAdmin.form.minAttendanceHours')} tooltip={t('eventsAdmin.form.minAttendanceHint')}>
                <InputNumber min={0.1} max={1000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24}>
            <Form.Item name="isOverlapForbidden" valuePropName="checked" label={t('eventsAdmin.form.overlap')}>
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">{t('eventsAdmin.form.eligibility')}</Divider>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="membersOnly" valuePropName="checked" label={t('eventsAdmin.form.membersOnly')}>
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12} md={9}>
            <Form.Item name="minAge" label={t('eventsAdmin.form.minAge')}>
              <InputNumber min={0} max={120} precision={0} placeholder={t('eventsAdmin.form.any')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={9}>
            <Form.Item name="maxAge" label={t('eventsAdmin.form.maxAge')}>
              <InputNumber min={0} max={120} precision={0} placeholder={t('eventsAdmin.form.any')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="eligibilityOrgIds" label={t('eventsAdmin.form.orgIds')}>
              <Select mode="multiple" allowClear placeholder={t('eventsAdmin.form.any')} showSearch={{ optionFilterProp: 'label' }} loading={unions.loading} options={unions.data ?? []} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="employmentForms" label={t('eventsAdmin.form.employmentForms')}>
              <Select mode="multiple" allowClear placeholder={t('eventsAdmin.form.any')} options={employmentForms.map((f) => ({ value: f, label: t(`eventsAdmin.forms.${f}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">{t('eventsAdmin.form.quotas')}</Divider>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item name="maleQuota" label={`${t('eventsAdmin.form.groupQuotas')} · ${t('eventsAdmin.form.male')}`}>
              <InputNumber min={0} max={100_000} precision={0} placeholder={t('eventsAdmin.form.any')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="femaleQuota" label={`${t('eventsAdmin.form.groupQuotas')} · ${t('eventsAdmin.form.female')}`}>
              <InputNumber min={0} max={100_000} precision={0} placeholder={t('eventsAdmin.form.any')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Typography.Text type="secondary">{t('eventsAdmin.form.unionQuotas')}</Typography.Text>
            <Form.List name="unionQuotas">
              {(fields, { add, remove }) => (
                <div style={{ marginTop: 8 }}>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                      <Form.Item name={[f.name, 'orgId']} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
                        <Select aria-label={t('eventsAdmin.form.quotaOrg')} showSearch={{ optionFilterProp: 'label' }} style={{ width: 260, maxWidth: '60vw' }} options={unions.data ?? []} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'capacity']} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
                        <InputNumber aria-label={t('eventsAdmin.form.quotaCapacity')} min={0} max={100_000} precision={0} style={{ width: 100 }} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="remove" />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                    {t('eventsAdmin.form.addUnionQuota')}
                  </Button>
                </div>
              )}
            </Form.List>
          </Col>
        </Row>
        {mode === 'series' ? (
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col xs={12} md={6}>
              <Form.Item name="count" label={t('eventsAdmin.form.count')} rules={[{ required: true }]}>
                <InputNumber min={1} max={24} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="everyMonths" label={t('eventsAdmin.form.everyMonths')} rules={[{ required: true }]}>
                <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        ) : null}
      </Form>
    </Modal>
  );
}
