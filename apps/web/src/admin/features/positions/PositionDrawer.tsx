import type { Position } from '@niangjia/contracts';
import { Alert, Button, Descriptions, Drawer, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { useNavigate } from 'react-router';
import { useMe } from '../../../shared/session';
import { api, ApiError } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { LazyMap, useMapContext, useMapLayers, useMapPoints, type MapPoint } from '../../../shared/map';
import { STATUS_COLORS, TYPE_COLORS } from '../../../shared/positions';
import { useRequest } from '../../../shared/use-request';
import { AuditTable } from '../../components/AuditTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExceptionsList } from './ScheduleFields';
import { PositionStarsTab } from '../stars/PositionStarsTab';
import { SignageButtons } from '../stars/SignageButtons';
import { StandardChecklist } from './StandardChecklist';

/** One position: basic info, hours, facilities against the "七个一" standard, audit. */
export function PositionDrawer({ positionId, onClose, onEdit }: { positionId: string; onClose: () => void; onEdit?: ((p: Position) => void) | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canAccess = useMe().permissions.includes('access.read');
  const detail = useRequest((signal) => api.get<Position>(`/positions/${positionId}`, undefined, { signal }), [positionId]);
  const layers = useMapLayers();
  const p = detail.data;
  // The mini-map shows the neighbourhood: the owning street's area and streets, the stations around it.
  const context = useMapContext(p?.org.id, Boolean(p));
  const neighbours = useMapPoints(Boolean(p));
  const points = useMemo<MapPoint[]>(() => {
    if (!p) return [];
    const others = (neighbours.data?.items ?? [])
      .filter((n) => n.id !== p.id)
      .map((n) => ({ id: n.id, lng: n.location.lng, lat: n.location.lat, color: '#8c8c8c', filled: n.isOpenNow, title: n.name }));
    return [...others, { id: p.id, lng: p.location.lng, lat: p.location.lat, color: TYPE_COLORS[p.type], filled: p.isOpenNow, title: p.name }];
  }, [p, neighbours.data]);
  const notFound = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 403);

  return (
    <Drawer
      open
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={
        p ? (
          <Space wrap>
            <span data-testid="position-title">{p.name}</span>
            <Tag color={TYPE_COLORS[p.type]}>{t(`positions.types.${p.type}`)}</Tag>
            <Tag color={STATUS_COLORS[p.status]}>{t(`positions.statuses.${p.status}`)}</Tag>
            {p.isOpenNow ? <Tag color="green">{t('positions.openNow')}</Tag> : <Tag>{t('positions.closedNow')}</Tag>}
          </Space>
        ) : (
          t('positionsAdmin.detail')
        )
      }
      extra={
        p ? (
          <Space>
            <SignageButtons code={p.code} />
            {canAccess && (
              <Button onClick={() => navigate(`/access/stations/${p.id}`)} data-testid="open-access">
                {t('access.stationLink')}
              </Button>
            )}
            {onEdit && <Button onClick={() => onEdit(p)}>{t('positionsAdmin.edit')}</Button>}
          </Space>
        ) : null
      }
    >
      {detail.error ? <ErrorAlert error={detail.error} onRetry={notFound ? undefined : detail.reload} /> : null}
      {!p ? (
        notFound ? null : (
          <Skeleton active paragraph={{ rows: 8 }} />
        )
      ) : (
        <Tabs
          items={[
            {
              key: 'info',
              label: t('positionsAdmin.tabs.info'),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }} size={12}>
                  <Descriptions column={2} size="small" bordered>
                    <Descriptions.Item label={t('positionsAdmin.fields.code')}>{p.code}</Descriptions.Item>
                    <Descriptions.Item label={t('positionsAdmin.fields.org')}>{p.org.name}</Descriptions.Item>
                    <Descriptions.Item label={t('positionsAdmin.fields.address')} span={2}>
                      {p.address}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('positionsAdmin.fields.location')} span={2}>
                      {t('positionsAdmin.location.picked', { x: p.location.lng.toFixed(6), y: p.location.lat.toFixed(6) })}
                      <Typography.Text type="secondary">
                        {' '}
                        · GCJ-02 {p.locationGcj02.lng.toFixed(6)}, {p.locationGcj02.lat.toFixed(6)}
                      </Typography.Text>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('positionsAdmin.fields.todayHours')}>
                      {p.schedule.is24h ? t('positions.allDay') : p.todayHours.join(', ') || t('positionsAdmin.closedDay')}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('positionsAdmin.fields.contactPhone')}>{p.contactPhone ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('positionsAdmin.fields.serves')} span={2}>
                      {p.serves.length ? p.serves.map((s) => <Tag key={s}>{t(`positions.audiences.${s}`)}</Tag>) : '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('positionsAdmin.fields.operator')}>{p.operator ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('positionsAdmin.fields.updatedAt')}>{formatDateTime(p.updatedAt)}</Descriptions.Item>
                  </Descriptions>
                  <LazyMap layers={layers.data} context={context.data} points={points} pin={p.location} focus={{ points: [p.location], maxZoom: 15.5 }} height={280} testId="position-mini-map" />
                </Space>
              ),
            },
            {
              key: 'hours',
              label: t('positionsAdmin.tabs.hours'),
              children: (
                <>
                  {p.schedule.is24h ? (
                    <Alert type="info" showIcon title={t('positions.allDay')} />
                  ) : (
                    <DataTable
                      id="position-drawer"
                      columnSettings={false}
                      size="small"
                      pagination={false}
                      rowKey="day"
                      dataSource={p.schedule.weekly.map((ranges, day) => ({ day, ranges }))}
                      columns={[
                        { title: '', key: 'day', dataIndex: 'day', width: 80, render: (d: number) => t(`positionsAdmin.weekdays.${d}`) },
                        {
                          title: t('positionsAdmin.fields.hours'),
                          key: 'ranges',
                          dataIndex: 'ranges',
                          render: (r: { start: string; end: string }[]) => (r.length ? r.map((x) => `${x.start}–${x.end}`).join(', ') : t('positionsAdmin.closedDay')),
                        },
                      ]}
                    />
                  )}
                  <ExceptionsList exceptions={p.schedule.exceptions} />
                </>
              ),
            },
            {
              key: 'facilities',
              label: t('positionsAdmin.tabs.facilities'),
              children: <StandardChecklist positionId={p.id} facilities={p.facilities} />,
            },
            { key: 'stars', label: t('starsAdmin.drawer.starsTab'), children: <PositionStarsTab positionId={p.id} /> },
            {
              key: 'audit',
              label: t('positionsAdmin.tabs.audit'),
              children: <AuditTable compact query={{ entityType: 'position', entityId: p.id }} emptyText={t('positionsAdmin.emptyAudit')} />,
            },
          ]}
        />
      )}
    </Drawer>
  );
}
