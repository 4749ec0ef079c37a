import type { EnterpriseDetail, Org, Page } from '@niangjia/contracts';
import { meetingKinds } from '@niangjia/contracts';
import { App, Button, DatePicker, Descriptions, Drawer, Form, Grid, Image, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { applyServerErrors } from '../../../shared/form-errors';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isUploading, PhotoUpload, photoIdsOf, type UploadedPhoto } from '../../components/PhotoUpload';
import { STATUS_COLORS } from './organizing-ui';


/** Field errors go next to their fields; anything else (and a conflict) above the form. */
function showErrors(form: Parameters<typeof applyServerErrors>[0], err: unknown, fields: readonly string[], setError: (e: unknown) => void) {
  const unplaced = applyServerErrors(form, err, fields);
  if (!(err instanceof ApiError) || err.errors.length === 0 || unplaced.length) setError(err);
}

/** The work on one enterprise: who follows it, meetings with photos, next steps, founding its union, and its history. */
export function EnterpriseDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const canWrite = me.permissions.includes('organizing.write');
  const screens = Grid.useBreakpoint();
  const item = useRequest((signal) => api.get<EnterpriseDetail>(`/organizing/enterprises/${id}`, undefined, { signal }), [id]);
  const cadres = useRequest((signal) => api.get<{ id: string; name: string }[]>(`/organizing/enterprises/${id}/cadres`, undefined, { signal }), [id], canWrite);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<'meeting' | 'step' | 'found' | null>(null);
  const e = item.data;

  /** Runs a change; a conflict (someone changed it meanwhile) reloads what it says now. */
  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      message.success(done);
      item.reload();
      onChanged();
      return true;
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.isConflict) item.reload();
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open width="min(760px, 100vw)" onClose={onClose} title={e?.name ?? ''} destroyOnHidden data-testid="enterprise-drawer">
      {item.error ? <ErrorAlert error={item.error} onRetry={item.reload} /> : null}
      {error ? <ErrorAlert error={error} /> : null}
      {e && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} layout={screens.sm ? 'horizontal' : 'vertical'} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={t('organizing.enterprises.unionStatus')}>
              <Tag color={STATUS_COLORS[e.unionStatus]} data-testid="enterprise-union-status">
                {t(`organizing.unionStatuses.${e.unionStatus}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('organizing.enterprises.contactStatus')}>{t(`organizing.contactStatuses.${e.contactStatus}`)}</Descriptions.Item>
            <Descriptions.Item label={t('organizing.enterprises.creditCode')}>{e.creditCode}</Descriptions.Item>
            <Descriptions.Item label={t('organizing.enterprises.org')}>{e.org.name}</Descriptions.Item>
            <Descriptions.Item label={t('organizing.detail.address')} span={2}>
              {e.address ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('organizing.detail.industry')}>{e.industry ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('organizing.detail.headcount')}>{e.headcount ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('organizing.enterprises.gigWorkers')}>
              {e.gigWorkers}
              {e.gigKind ? `（${t(`organizing.gigKinds.${e.gigKind}`)}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('organizing.enterprises.union')}>{e.unionOrg ? `${e.unionOrg.name}（${e.foundedOn ?? ''}）` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('organizing.enterprises.cadre')} span={2}>
              {canWrite ? (
                <Select
                  aria-label={t('organizing.enterprises.cadre')}
                  allowClear
                  style={{ width: '100%', maxWidth: 260 }}
                  placeholder={t('organizing.detail.unassigned')}
                  loading={cadres.loading || busy}
                  value={e.cadre?.id}
                  options={[...(cadres.data ?? []), ...(e.cadre && !cadres.data?.some((c) => c.id === e.cadre?.id) ? [e.cadre] : [])].map((c) => ({ value: c.id, label: c.name }))}
                  onChange={(userId: string | undefined) =>
                    void run(() => api.post(`/organizing/enterprises/${id}/assign`, { userId: userId ?? null, version: e.version }), t('organizing.detail.assigned'))
                  }
                />
              ) : (
                (e.cadre?.name ?? '—')
              )}
            </Descriptions.Item>
          </Descriptions>

          {canWrite && (
            <Space wrap>
              <Button onClick={() => setDialog('meeting')}>{t('organizing.detail.addMeeting')}</Button>
              <Button onClick={() => setDialog('step')}>{t('organizing.detail.addStep')}</Button>
              {e.unionStatus === 'none' && (
                <Button loading={busy} onClick={() => void run(() => api.post(`/organizing/enterprises/${id}/start-founding`, { version: e.version }), t('organizing.detail.foundingStarted'))}>
                  {t('organizing.detail.startFounding')}
                </Button>
              )}
              {e.unionStatus !== 'founded' && (
                <Button type="primary" onClick={() => setDialog('found')}>
                  {t('organizing.detail.found')}
                </Button>
              )}
            </Space>
          )}

          <div>
            <Typography.Title level={5}>{t('organizing.detail.steps')}</Typography.Title>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={e.steps}
              scroll={{ x: 560 }}
              locale={{ emptyText: t('organizing.detail.noSteps') }}
              columns={[
                { title: t('organizing.detail.stepTitle'), dataIndex: 'title', ellipsis: true },
                { title: t('organizing.detail.dueOn'), dataIndex: 'dueOn', width: 110 },
                { title: t('organizing.detail.assignee'), width: 140, ellipsis: true, render: (_, s) => s.assignee?.name ?? '—' },
                {
                  title: t('organizing.detail.stepStatus'),
                  width: 150,
                  render: (_, s) =>
                    s.doneAt ? (
                      <Tag color="success">{t('organizing.detail.done', { at: formatDateTime(s.doneAt) })}</Tag>
                    ) : (
                      <Space size={4}>
                        {s.isOverdue ? <Tag color="red">{t('organizing.detail.overdue')}</Tag> : <Tag>{t('organizing.detail.open')}</Tag>}
                        {canWrite && (
                          <Button
                            size="small"
                            type="link"
                            loading={busy}
                            onClick={() => void run(() => api.post(`/organizing/enterprises/${id}/steps/${s.id}/done`), t('organizing.detail.markedDone'))}
                          >
                            {t('organizing.detail.markDone')}
                          </Button>
                        )}
                      </Space>
                    ),
                },
              ]}
            />
          </div>

          <div>
            <Typography.Title level={5}>{t('organizing.detail.meetings')}</Typography.Title>
            {e.meetings.length === 0 ? <Typography.Text type="secondary">{t('organizing.detail.noMeetings')}</Typography.Text> : null}
            {e.meetings.map((m) => (
              <div key={m.id} style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }} data-testid="enterprise-meeting">
                <Space wrap size={[8, 4]}>
                  <Tag color="blue">{t(`organizing.meetingKinds.${m.kind}`)}</Tag>
                  <Typography.Text>{m.heldOn}</Typography.Text>
                  <Typography.Text type="secondary">{t('organizing.detail.attendanceOf', { n: m.attendance })}</Typography.Text>
                  {m.createdByName ? <Typography.Text type="secondary">{m.createdByName}</Typography.Text> : null}
                </Space>
                {m.notes ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>{m.notes}</Typography.Paragraph> : null}
                {m.photoIds.length ? (
                  <Image.PreviewGroup>
                    <Space wrap style={{ marginTop: 4 }}>
                      {m.photoIds.map((p) => (
                        <Image key={p} src={`/api/v1/photos/${p}`} width={72} height={72} style={{ objectFit: 'cover' }} alt={t('organizing.detail.photo')} />
                      ))}
                    </Space>
                  </Image.PreviewGroup>
                ) : null}
              </div>
            ))}
          </div>

          <div>
            <Typography.Title level={5}>{t('organizing.detail.history')}</Typography.Title>
            <Timeline
              items={e.events.map((ev) => ({
                key: ev.id,
                content: (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text>
                      {t(`organizing.eventKinds.${ev.kind}`, { defaultValue: ev.kind })}
                      {ev.toStatus ? `：${t(`organizing.contactStatuses.${ev.toStatus}`, { defaultValue: ev.toStatus })}` : ''}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(ev.at)}
                      {ev.actorName ? ` · ${ev.actorName}` : ''}
                    </Typography.Text>
                  </Space>
                ),
              }))}
            />
          </div>
        </Space>
      )}
      {e && dialog === 'meeting' && <MeetingModal id={id} onClose={() => setDialog(null)} onSaved={() => (setDialog(null), item.reload(), onChanged())} />}
      {e && dialog === 'step' && (
        <StepModal id={id} cadres={cadres.data ?? []} defaultAssignee={e.cadre?.id} onClose={() => setDialog(null)} onSaved={() => (setDialog(null), item.reload(), onChanged())} />
      )}
      {e && dialog === 'found' && <FoundModal enterprise={e} onClose={() => setDialog(null)} onSaved={() => (setDialog(null), item.reload(), onChanged())} />}
    </Drawer>
  );
}

function MeetingModal({ id, onClose, onSaved }: { id: string; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: (typeof meetingKinds)[number]; heldOn: dayjs.Dayjs; attendance: number; notes?: string }>();
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const photoIds = photoIdsOf(photos);
      await api.post(`/organizing/enterprises/${id}/meetings`, { kind: v.kind, heldOn: v.heldOn.format('YYYY-MM-DD'), attendance: v.attendance, ...(v.notes ? { notes: v.notes } : {}), photoIds });
      message.success(t('organizing.detail.meetingSaved'));
      onSaved();
    } catch (err) {
      showErrors(form, err, ['kind', 'heldOn', 'attendance', 'notes'], setError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('organizing.detail.addMeeting')}
      onCancel={onClose}
      onOk={() => void save()}
      okButtonProps={{ loading: busy, disabled: isUploading(photos) }}
      okText={t('organizing.detail.save')}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ kind: 'enterprise_meeting', heldOn: dayjs(), attendance: 10 }}>
        <Form.Item name="kind" label={t('organizing.detail.meetingKind')} rules={[{ required: true }]}>
          <Radio.Group options={meetingKinds.map((k) => ({ value: k, label: t(`organizing.meetingKinds.${k}`) }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="heldOn" label={t('organizing.detail.heldOn')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="attendance" label={t('organizing.detail.attendance')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100000} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item name="notes" label={t('organizing.detail.notes')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label={t('organizing.detail.photos')} extra={t('organizing.detail.photoHint')}>
          <PhotoUpload value={photos} onChange={setPhotos} label={t('organizing.detail.addPhotos')} onError={setError} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function StepModal({ id, cadres, defaultAssignee, onClose, onSaved }: { id: string; cadres: { id: string; name: string }[]; defaultAssignee: string | undefined; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; dueOn: dayjs.Dayjs; assigneeId?: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/organizing/enterprises/${id}/steps`, { title: v.title, dueOn: v.dueOn.format('YYYY-MM-DD'), ...(v.assigneeId ? { assigneeId: v.assigneeId } : {}) });
      message.success(t('organizing.detail.stepSaved'));
      onSaved();
    } catch (err) {
      showErrors(form, err, ['title', 'dueOn', 'assigneeId'], setError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('organizing.detail.addStep')} onCancel={onClose} onOk={() => void save()} okButtonProps={{ loading: busy }} okText={t('organizing.detail.save')} destroyOnHidden>
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ dueOn: dayjs().add(7, 'day'), assigneeId: defaultAssignee }}>
        <Form.Item name="title" label={t('organizing.detail.stepTitle')} rules={[{ required: true, max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('organizing.detail.dueOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="assigneeId" label={t('organizing.detail.assignee')}>
          <Select allowClear options={cadres.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 建会: create the grassroots union under the enterprise's area org (the usual case), or link one that exists. */
function FoundModal({ enterprise, onClose, onSaved }: { enterprise: EnterpriseDetail; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ mode: 'create' | 'link'; name?: string; unionOrgId?: string; foundedOn: dayjs.Dayjs }>();
  const mode = Form.useWatch('mode', form) ?? 'create';
  const unions = useRequest(
    (signal) => api.get<Page<Org>>('/orgs', { under: enterprise.org.id, type: 'grassroots', status: 'active', pageSize: 200 }, { signal }),
    [enterprise.org.id, mode],
    mode === 'link',
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const target = v.mode === 'link' ? { unionOrgId: v.unionOrgId } : { parentOrgId: enterprise.org.id, name: v.name };
      await api.post(`/organizing/enterprises/${enterprise.id}/found`, { version: enterprise.version, foundedOn: v.foundedOn.format('YYYY-MM-DD'), ...target });
      message.success(t('organizing.detail.founded'));
      onSaved();
    } catch (err) {
      showErrors(form, err, ['unionOrgId', 'name', 'foundedOn'], setError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('organizing.detail.found')} onCancel={onClose} onOk={() => void save()} okButtonProps={{ loading: busy }} okText={t('organizing.detail.foundOk')} destroyOnHidden>
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ mode: 'create', name: `${enterprise.name}工会委员会`, foundedOn: dayjs() }}>
        <Form.Item name="mode">
          <Radio.Group
            options={[
              { value: 'create', label: t('organizing.detail.foundCreate', { parent: enterprise.org.name }) },
              { value: 'link', label: t('organizing.detail.foundLink') },
            ]}
          />
        </Form.Item>
        {mode === 'create' ? (
          <Form.Item name="name" label={t('organizing.detail.unionName')} rules={[{ required: true, max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
        ) : (
          <Form.Item name="unionOrgId" label={t('organizing.enterprises.union')} rules={[{ required: true }]} extra={t('organizing.detail.linkHint')}>
            <Select showSearch={{ optionFilterProp: 'label' }} loading={unions.loading} options={(unions.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        )}
        <Form.Item name="foundedOn" label={t('organizing.detail.foundedOn')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
