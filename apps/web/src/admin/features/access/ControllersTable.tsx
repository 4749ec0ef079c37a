import { PlusOutlined } from '@ant-design/icons';
import type { DoorController, DoorControllerCredentials, Page } from '@niangjia/contracts';
import { App, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { Link } from 'react-router';
import { api, ApiError, errorText } from '../../../shared/api';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { listPagination } from '../../components/list-pagination';
import { ConnectionCell } from './access-ui';
import { ControllerFormModal } from './ControllerFormModal';
import { useInterval } from './use-interval';
import { CredentialsModal } from './CredentialsModal';

// Heartbeats arrive every few seconds; refresh the online column without a manual reload.
const REFRESH_MS = 15_000;

type Props = {
  /** One station's controllers (with 登记); omitted = every controller in the header scope. */
  station?: { id: string; name: string } | undefined;
  orgId?: string | undefined;
  title: ReactNode;
};

/** 门禁设备: online/offline from heartbeats, register → secret once, rotate, revoke, settings. */
export function ControllersTable({ station, orgId, title }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const me = useMe();
  const canWrite = me.permissions.includes('access.write');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<DoorController | null>(null);
  const [shown, setShown] = useState<{
    credentials: DoorControllerCredentials;
    rotated: boolean;
  } | null>(null);
  const [tick, setTick] = useState(0);

  const list = useRequest((signal) => api.get<Page<DoorController>>('/door-controllers', { positionId: station?.id, orgId, page, pageSize }, { signal }), [station?.id, orgId, page, pageSize, tick]);
  useInterval(() => setTick((n) => n + 1), REFRESH_MS);

  const onStale = (e: unknown) => {
    if (e instanceof ApiError && e.isConflict) list.reload();
    void message.error(errorText(e));
  };
  const rotate = (c: DoorController) =>
    modal.confirm({
      title: t('access.controllers.rotateConfirm.title', { name: c.name }),
      content: t('access.controllers.rotateConfirm.content'),
      okText: t('access.controllers.rotateConfirm.ok'),
      okButtonProps: { danger: true },
      cancelText: t('actions.cancel'),
      onOk: async () => {
        try {
          const credentials = await api.post<DoorControllerCredentials>(`/door-controllers/${c.id}/rotate-secret`, { version: c.version });
          setShown({ credentials, rotated: true });
          list.reload();
        } catch (e) {
          onStale(e);
        }
      },
    });
  const revoke = (c: DoorController) =>
    modal.confirm({
      title: t('access.controllers.revokeConfirm.title', { name: c.name }),
      content: t('access.controllers.revokeConfirm.content'),
      okText: t('access.controllers.revokeConfirm.ok'),
      okButtonProps: { danger: true },
      cancelText: t('actions.cancel'),
      onOk: async () => {
        try {
          await api.post<DoorController>(`/door-controllers/${c.id}/revoke`, {
            version: c.version,
          });
          void message.success(t('access.controllers.revokedDone', { name: c.name }));
          list.reload();
        } catch (e) {
          onStale(e);
        }
      },
    });

  return (
    <Card
      title={title}
      // Inside a station's tab the card is only the toolbar: no second frame around the table.
      {...(station ? { variant: 'borderless' as const, styles: { header: { padding: '0 0 12px', borderBottom: 0, minHeight: 0 }, body: { padding: 0 } } } : {})}
      extra={
        station && canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="register-controller">
            {t('access.controllers.register')}
          </Button>
        ) : null
      }
    >
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <DataTable<DoorController>
        id="controllers"
        rowKey="id"
        loading={list.loading && !list.data}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: <Empty description={station ? t('access.controllers.empty') : t('access.controllers.emptyAll')} />,
        }}
        pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        rowClassName={(c) => (c.status === 'revoked' ? 'nj-row-muted' : '')}
        columns={[
          {
            title: t('access.controllers.fields.name'),
            key: 'name',
            dataIndex: 'name',
            width: 140,
          },
          ...(station
            ? []
            : [
                {
                  title: t('access.controllers.fields.station'),
                  dataIndex: 'positionName',
                  width: 220,
                  render: (v: string, c: DoorController) => <Link to={`/access/stations/${c.positionId}`}>{v}</Link>,
                },
              ]),
          {
            title: t('access.controllers.fields.deviceId'),
            key: 'deviceId',
            dataIndex: 'deviceId',
            width: 170,
            render: (v: string) => (
              <Typography.Text code copyable>
                {v}
              </Typography.Text>
            ),
          },
          {
            title: t('access.controllers.fields.connection'),
            key: 'connection',
            width: 190,
            render: (_: unknown, c) => <ConnectionCell controller={c} />,
          },
          {
            title: t('access.controllers.fields.doorState'),
            key: 'doorState',
            dataIndex: 'doorState',
            width: 80,
            render: (v: DoorController['doorState'], c) => (c.status === 'revoked' ? '—' : <Tag color={v === 'open' ? 'orange' : undefined}>{t(`access.controllers.doorStates.${v}`)}</Tag>),
          },
          {
            title: t('access.controllers.fields.codeMode'),
            key: 'codeMode',
            width: 100,
            render: (_: unknown, c) => (
              <Space orientation="vertical" size={0}>
                {t(`access.controllers.codeModesShort.${c.codeMode}`)}
                {c.codeMode === 'static' && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    ≤ {t('access.controllers.distance', { n: c.maxDistanceM })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('access.controllers.fields.openAlarms'),
            key: 'openAlarms',
            dataIndex: 'openAlarms',
            width: 70,
            render: (n: number, c) =>
              n > 0 ? (
                <Link to={`/access/alarms?positionId=${c.positionId}`}>
                  <Tag color="red">{n}</Tag>
                </Link>
              ) : (
                <Typography.Text type="secondary">0</Typography.Text>
              ),
          },
        ]}
        actions={(c) =>
          canWrite && c.status === 'active' ? (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => setEditing(c)}>
                {t('access.controllers.edit')}
              </Button>
              <Button type="link" size="small" onClick={() => rotate(c)} data-testid="rotate-secret">
                {t('access.controllers.rotate')}
              </Button>
              <Button type="link" size="small" danger onClick={() => revoke(c)}>
                {t('access.controllers.revoke')}
              </Button>
            </Space>
          ) : null
        }
      />
      {creating && station && (
        <ControllerFormModal
          mode="create"
          positionId={station.id}
          stationName={station.name}
          onClose={() => setCreating(false)}
          onCreated={(credentials) => {
            setCreating(false);
            setShown({ credentials, rotated: false });
            list.reload();
          }}
        />
      )}
      {editing && (
        <ControllerFormModal
          mode="edit"
          controller={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(t('access.controllers.saved'));
            list.reload();
          }}
        />
      )}
      {shown && <CredentialsModal credentials={shown.credentials} rotated={shown.rotated} onClose={() => setShown(null)} />}
    </Card>
  );
}
