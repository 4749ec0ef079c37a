import type { DoorAlarm, DoorAlarmKind, DoorAlarmStatus, Page } from '@niangjia/contracts';
import { Alert, App, Button, Empty, Form, Input, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { Link } from 'react-router';
import { api, ApiError, describeError } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { listPagination } from '../../components/list-pagination';
import { ALARM_KIND_COLORS, ALARM_STATUS_COLORS, announceAlarmsChanged } from './access-ui';
import { StationSelect } from './StationSelect';
import { useInterval } from './use-interval';

type StatusFilter = DoorAlarmStatus | 'unresolved' | 'all';

/** 告警: door-controller alarms, open first by default; acknowledge, resolve with a note. */
export function AlarmsTable({
  positionId,
  orgId,
  initialStatus = 'unresolved',
  stationFilter = false,
  initialStation,
}: {
  positionId?: string | undefined;
  orgId?: string | undefined;
  initialStatus?: StatusFilter;
  stationFilter?: boolean;
  initialStation?: string | undefined;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const canWrite = me.permissions.includes('access.write');
  const [status, setStatus] = useState<StatusFilter>(initialStatus);
  const [station, setStation] = useState<string | undefined>(initialStation);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [resolving, setResolving] = useState<DoorAlarm | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const list = useRequest(
    (signal) =>
      api.get<Page<DoorAlarm>>(
        '/door-alarms',
        {
          status: status === 'all' ? undefined : status,
          positionId: positionId ?? station,
          orgId,
          page,
          pageSize,
        },
        { signal },
      ),
    [status, positionId, station, orgId, page, pageSize],
  );
  // New alarms appear without a reload, like the header bell.
  useInterval(list.reload, 15_000);

  const acknowledge = async (alarm: DoorAlarm) => {
    setBusy(alarm.id);
    try {
      await api.post<DoorAlarm>(`/door-alarms/${alarm.id}/acknowledge`, {
        version: alarm.version,
      });
      void message.success(t('access.alarms.acknowledged'));
    } catch (e) {
      void message.error(e instanceof ApiError && e.isConflict ? t('access.alarms.conflict') : describeError(e).title);
    } finally {
      setBusy(null);
      list.reload();
      announceAlarmsChanged();
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Segmented<StatusFilter>
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={(['unresolved', 'open', 'acknowledged', 'resolved', 'all'] as const).map((s) => ({
            value: s,
            label: s === 'all' ? t('common.all') : s === 'unresolved' ? t('access.alarms.unresolved') : t(`access.alarms.statuses.${s}`),
          }))}
          data-testid="alarm-status-filter"
        />
        {stationFilter && (
          <StationSelect
            orgId={orgId}
            value={station}
            onChange={(v) => {
              setStation(v);
              setPage(1);
            }}
          />
        )}
      </Space>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <DataTable<DoorAlarm>
        id="alarms"
        rowKey="id"
        loading={list.loading && !list.data}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: <Empty description={status === 'open' || status === 'unresolved' ? t('access.alarms.emptyOpen') : t('access.alarms.empty')} />,
        }}
        pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          {
            title: t('access.alarms.fields.raisedAt'),
            key: 'raisedAt',
            dataIndex: 'raisedAt',
            width: 175,
            render: (v: string) => formatDateTime(v, true),
          },
          {
            title: t('access.alarms.fields.kind'),
            key: 'kind',
            width: 170,
            render: (_: unknown, a) => (
              <Space orientation="vertical" size={0}>
                <Tag color={ALARM_KIND_COLORS[a.kind]}>{t(`access.alarms.kinds.${a.kind}`)}</Tag>
                {a.kind === 'held_open' && typeof a.detail.seconds === 'number' && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('access.alarms.heldSeconds', { n: a.detail.seconds })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          ...(positionId
            ? []
            : [
                {
                  title: t('access.alarms.fields.station'),
                  dataIndex: 'positionName',
                  width: 220,
                  render: (v: string, a: DoorAlarm) => <Link to={`/access/stations/${a.positionId}`}>{v}</Link>,
                },
              ]),
          {
            title: t('access.alarms.fields.door'),
            key: 'controllerName',
            dataIndex: 'controllerName',
            width: 110,
          },
          {
            title: t('access.alarms.fields.status'),
            key: 'status',
            dataIndex: 'status',
            width: 90,
            render: (v: DoorAlarmStatus) => (
              <Tag color={ALARM_STATUS_COLORS[v]} data-testid="alarm-status">
                {t(`access.alarms.statuses.${v}`)}
              </Tag>
            ),
          },
          {
            title: t('access.alarms.fields.handled'),
            key: 'handled',
            width: 240,
            render: (_: unknown, a) => (
              <Space orientation="vertical" size={0} style={{ fontSize: 12 }}>
                {a.acknowledgedAt && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('access.alarms.statuses.acknowledged')}：
                    {t('access.alarms.by', {
                      name: a.acknowledgedByName ?? '',
                      time: formatDateTime(a.acknowledgedAt),
                    })}
                  </Typography.Text>
                )}
                {a.resolvedAt && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('access.alarms.statuses.resolved')}：
                    {t('access.alarms.by', {
                      name: a.resolvedByName ?? '',
                      time: formatDateTime(a.resolvedAt),
                    })}
                  </Typography.Text>
                )}
                {a.note && <Typography.Text style={{ fontSize: 12 }}>{a.note}</Typography.Text>}
                {!a.acknowledgedAt && !a.resolvedAt && '—'}
              </Space>
            ),
          },
        ]}
        actions={(a) =>
          canWrite && a.status !== 'resolved' ? (
            <Space size={0}>
              {a.status === 'open' && (
                <Button type="link" size="small" loading={busy === a.id} onClick={() => void acknowledge(a)} data-testid="acknowledge-alarm">
                  {t('access.alarms.acknowledge')}
                </Button>
              )}
              <Button type="link" size="small" onClick={() => setResolving(a)} data-testid="resolve-alarm">
                {t('access.alarms.resolve')}
              </Button>
            </Space>
          ) : null
        }
      />
      {resolving && (
        <ResolveModal
          alarm={resolving}
          onClose={() => setResolving(null)}
          onDone={() => {
            setResolving(null);
            void message.success(t('access.alarms.resolved'));
            list.reload();
            announceAlarmsChanged();
          }}
        />
      )}
    </Space>
  );
}

function ResolveModal({ alarm, onClose, onDone }: { alarm: DoorAlarm; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: { note: string }) => {
    setSaving(true);
    setError(null);
    try {
      await api.post<DoorAlarm>(`/door-alarms/${alarm.id}/resolve`, {
        version: alarm.version,
        note: v.note.trim(),
      });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError && e.isConflict ? new Error(t('access.alarms.conflict')) : e);
    } finally {
      setSaving(false);
    }
  };
  const problem = error ? describeError(error) : null;
  return (
    <Modal
      open
      title={t('access.alarms.resolveTitle', {
        kind: t(`access.alarms.kinds.${alarm.kind satisfies DoorAlarmKind}`),
      })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('access.alarms.resolve')}
      cancelText={t('actions.cancel')}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {alarm.positionName} · {alarm.controllerName} · {formatDateTime(alarm.raisedAt, true)}
      </Typography.Paragraph>
      {problem ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem.title} description={problem.detail} /> : null}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="note"
          label={t('access.alarms.note')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('access.alarms.noteRequired'),
            },
            { max: 500, message: t('common.maxLength', { n: 500 }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('access.alarms.notePlaceholder')} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
