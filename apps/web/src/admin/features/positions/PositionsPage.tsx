import { PlusOutlined } from '@ant-design/icons';
import type { FacilityStandard, Page, Position } from '@niangjia/contracts';
import { Button, Card, Empty, Form, Input, Segmented, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listPagination } from '../../components/list-pagination';
import { FilterActions } from '../../components/FilterActions';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { LazyMap, useMapContext, useMapLayers, type MapPoint } from '../../../shared/map';
import { FACILITIES, POSITION_STATUSES, POSITION_TYPES, SEVEN_STANDARD, STATUS_COLORS, TYPE_COLORS } from '../../../shared/positions';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useScope } from '../../layout/scope';
import { PositionDrawer } from './PositionDrawer';
import { PositionFormModal } from './PositionFormModal';
import { PositionsXlsxButtons } from './PositionsXlsxButtons';

type Filters = { q?: string; type?: string; status?: string; openNow?: string; facility?: string };

/** 服务阵地 ▸ 阵地列表 (/positions): a table or a map of the positions in the header scope; detail in a drawer. */
export function PositionsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  // The standard column counts against the scope's standard (its own or inherited; 七个一 by default).
  const standard = useRequest((signal) => (scope ? api.get<FacilityStandard>(`/facility-standards/${scope.id}`, undefined, { signal }) : Promise.resolve(undefined)), [scope?.id]);
  const standardKeys: readonly string[] = standard.data?.items.map((i) => i.key) ?? SEVEN_STANDARD;
  const { positionId } = useParams();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const view = search.get('view') === 'map' ? 'map' : 'list';
  const canWrite = me.permissions.includes('position.write');
  const [filterForm] = Form.useForm<Filters>();
  // A link may carry the search (/positions?q=JB-RS-WHL, from the 工作台 or another page).
  const [filters, setFilters] = useState<Filters>(() => {
    const q = search.get('q')?.trim();
    return q ? { q } : {};
  });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<{ mode: 'create' } | { mode: 'edit'; position: Position } | null>(null);
  const layers = useMapLayers();
  const context = useMapContext(scope?.id);
  const [drawerKey, setDrawerKey] = useState(0);

  const query = { ...filters, orgId: scope?.id };
  const list = useRequest(
    (signal) => api.get<Page<Position>>('/positions', view === 'map' ? { ...query, page: 1, pageSize: 200 } : { ...query, page, pageSize }, { signal }),
    [JSON.stringify(filters), scope?.id, page, pageSize, view],
  );
  const hasFilters = Object.values(filters).some(Boolean);
  const points = useMemo<MapPoint[]>(
    () =>
      (list.data?.items ?? []).map((p) => ({
        id: p.id,
        lng: p.location.lng,
        lat: p.location.lat,
        color: TYPE_COLORS[p.type],
        filled: p.isOpenNow,
        title: p.name,
        label: `${t(`positions.types.${p.type}`)} · ${p.isOpenNow ? t('positions.openNow') : t('positions.closedNow')}`,
      })),
    [list.data, t],
  );

  const apply = (v: Filters) => {
    const next: Filters = {};
    for (const [k, value] of Object.entries(v) as [keyof Filters, string | undefined][]) if (value?.trim()) next[k] = value.trim();
    setFilters(next);
    setPage(1);
  };
  const yesNo = [
    { value: 'true', label: t('positionsAdmin.filters.yes') },
    { value: 'false', label: t('positionsAdmin.filters.no') },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Form form={filterForm} layout="inline" onFinish={apply} initialValues={filters} style={{ rowGap: 12 }}>
          <Form.Item name="q" label={t('positionsAdmin.filters.keyword')}>
            <Input placeholder={t('positionsAdmin.filters.keywordPlaceholder')} allowClear style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="type" label={t('positionsAdmin.filters.type')}>
            <Select allowClear style={{ width: 140 }} placeholder={t('common.all')} options={POSITION_TYPES.map((v) => ({ value: v, label: t(`positions.types.${v}`) }))} />
          </Form.Item>
          <Form.Item name="status" label={t('positionsAdmin.filters.status')}>
            <Select allowClear style={{ width: 110 }} placeholder={t('common.all')} options={POSITION_STATUSES.map((v) => ({ value: v, label: t(`positions.statuses.${v}`) }))} />
          </Form.Item>
          <Form.Item name="openNow" label={t('positionsAdmin.filters.openNow')}>
            <Select allowClear style={{ width: 90 }} placeholder={t('common.all')} options={yesNo} />
          </Form.Item>
          <Form.Item name="facility" label={t('positionsAdmin.filters.facility')}>
            <Select allowClear style={{ width: 130 }} placeholder={t('common.all')} options={FACILITIES.map((v) => ({ value: v, label: t(`positions.facilities.${v}`) }))} />
          </Form.Item>
          <FilterActions
            onReset={() => {
              filterForm.resetFields();
              setFilters({});
              setPage(1);
            }}
          />
        </Form>
      </Card>
      <Card
        title={
          <Space>
            {t('positionsAdmin.title')}
            {scope && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
                {t('positionsAdmin.scopeNote', { scope: scope.name })}
              </Typography.Text>
            )}
          </Space>
        }
        extra={
          <Space>
            <Segmented
              value={view}
              onChange={(v) => setSearch(v === 'map' ? { view: 'map' } : {}, { replace: true })}
              options={[
                { value: 'list', label: t('positionsAdmin.views.list') },
                { value: 'map', label: t('positionsAdmin.views.map') },
              ]}
            />
            <PositionsXlsxButtons query={query} canWrite={canWrite} />
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
                {t('positionsAdmin.add')}
              </Button>
            )}
          </Space>
        }
      >
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        {layers.error ? <ErrorAlert error={layers.error} onRetry={layers.reload} /> : null}
        {view === 'map' ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap size={[12, 4]}>
              <Typography.Text type="secondary">
                {t('positionsAdmin.mapCount', { shown: list.data?.items.length ?? 0, total: list.data?.total ?? 0 })} · {t('positionsAdmin.mapHint')}
              </Typography.Text>
              {POSITION_TYPES.map((type) => (
                <Space key={type} size={4}>
                  <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: TYPE_COLORS[type] }} />
                  <Typography.Text style={{ fontSize: 12 }}>{t(`positions.types.${type}`)}</Typography.Text>
                </Space>
              ))}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('positions.map.legendOpen')}；{t('positions.map.legendClosed')}
              </Typography.Text>
              {layers.data && !layers.data.tiles.url && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('positions.map.noTiles')}
                </Typography.Text>
              )}
            </Space>
            <LazyMap layers={layers.data} context={context.data} points={points} cluster fitPoints height={560} onPointClick={(id) => navigate(`/positions/${id}?view=map`)} testId="positions-map" />
          </Space>
        ) : (
          <DataTable<Position>
            id="positions"
            rowKey="id"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty description={hasFilters ? t('positionsAdmin.emptyFiltered') : t('positionsAdmin.empty')} /> }}
            pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => {
              setPage(p);
              setPageSize(s);
            })}
            columns={[
              {
                title: t('positionsAdmin.fields.name'),
                key: 'name',
                dataIndex: 'name',
                width: 240,
                priority: 1,
                ellipsis: true,
                render: (v: string, p) => <a onClick={() => navigate(`/positions/${p.id}`)}>{v}</a>,
              },
              { title: t('positionsAdmin.fields.code'), key: 'code', dataIndex: 'code', width: 130, priority: 3 },
              { title: t('positionsAdmin.fields.type'), key: 'type', dataIndex: 'type', width: 120, render: (v: Position['type']) => <Tag color={TYPE_COLORS[v]}>{t(`positions.types.${v}`)}</Tag> },
              { title: t('positionsAdmin.fields.org'), key: 'org', dataIndex: ['org', 'name'], width: 180, ellipsis: true },
              { title: t('positionsAdmin.fields.address'), key: 'address', dataIndex: 'address', width: 200, ellipsis: true, priority: 3 },
              {
                title: t('positionsAdmin.fields.status'),
                key: 'status',
                dataIndex: 'status',
                width: 90,
                render: (v: Position['status']) => <Tag color={STATUS_COLORS[v]}>{t(`positions.statuses.${v}`)}</Tag>,
              },
              {
                title: t('positionsAdmin.fields.openNow'),
                key: 'open',
                width: 190,
                render: (_: unknown, p) => (
                  <Space size={4} style={{ whiteSpace: 'nowrap' }}>
                    {p.isOpenNow ? <Tag color="green">{t('positions.openNow')}</Tag> : <Tag>{t('positions.closedNow')}</Tag>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {p.schedule.is24h ? t('positions.allDay') : p.todayHours.join(', ') || '—'}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: t('positionsAdmin.fields.standard'),
                key: 'standard',
                width: 110,
                render: (_: unknown, p) => {
                  const missing = standardKeys.filter((f) => !p.facilities.includes(f));
                  if (!missing.length)
                    return (
                      <Tag color="green">
                        {standardKeys.length}/{standardKeys.length}
                      </Tag>
                    );
                  return (
                    <Tooltip title={t('positionsAdmin.standard.missing', { count: missing.length, items: missing.map((f) => t(`positions.facilities.${f}`)).join('、') })}>
                      <Tag color="orange">
                        {standardKeys.length - missing.length}/{standardKeys.length}
                      </Tag>
                    </Tooltip>
                  );
                },
              },
              { title: t('positionsAdmin.fields.updatedAt'), key: 'updatedAt', dataIndex: 'updatedAt', width: 150, priority: 3, render: (v: string) => formatDateTime(v) },
            ]}
            actions={(p) => (
              <>
                <Button type="link" size="small" onClick={() => navigate(`/positions/${p.id}`)}>
                  {t('common.detail')}
                </Button>
                {canWrite && (
                  <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', position: p })}>
                    {t('common.edit')}
                  </Button>
                )}
              </>
            )}
          />
        )}
      </Card>
      {positionId && (
        <PositionDrawer
          key={`${positionId}-${drawerKey}`}
          positionId={positionId}
          onClose={() => navigate(view === 'map' ? '/positions?view=map' : '/positions')}
          onEdit={canWrite ? (position) => setEditing({ mode: 'edit', position }) : undefined}
        />
      )}
      {editing && (
        <PositionFormModal
          {...(editing.mode === 'edit' ? { mode: 'edit' as const, position: editing.position } : { mode: 'create' as const })}
          layers={layers.data}
          context={context.data}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
            setDrawerKey((k) => k + 1);
          }}
        />
      )}
    </Space>
  );
}
