import { PlayCircleOutlined, UploadOutlined } from '@ant-design/icons';
import type { CoverageArea, CoverageLayers, CoverageRun, WeightLayer } from '@niangjia/contracts';
import { Alert, App, Button, Card, Col, Empty, Form, InputNumber, List, Progress, Row, Select, Space, Statistic, Tag, Typography, Upload } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { useSearchParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useMapLayers } from '../../../shared/map';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';

const CoverageMap = lazy(() => import('./CoverageMap'));

const pct = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(digits)}%`);
const km = (m: number | null | undefined) => (m === null || m === undefined ? '—' : (m / 1000).toLocaleString('zh-CN', { maximumFractionDigits: 1 }));
const signedPp = (v: number | null) => (v === null ? '' : `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)} pp`);
const isActive = (r: CoverageRun | undefined) => r?.status === 'queued' || r?.status === 'running';

/** 服务阵地 ▸ 15分钟服务圈 (/positions/coverage): start runs, watch them, see the result on the map, compare runs. */
export function CoveragePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const canWrite = me.permissions.includes('position.write');
  const [search, setSearch] = useSearchParams();
  const areas = useRequest(
    (signal) =>
      api.get<{ items: CoverageArea[] }>('/coverage-areas', undefined, {
        signal,
      }),
    [],
  );
  const areaId = search.get('area') ?? areas.data?.items[0]?.org.id;
  const area = areas.data?.items.find((a) => a.org.id === areaId);
  const runs = useRequest((signal) => (areaId ? api.get<{ items: CoverageRun[] }>('/coverage-runs', { areaOrgId: areaId }, { signal }) : Promise.resolve({ items: [] })), [areaId]);
  const weights = useRequest((signal) => (areaId ? api.get<{ items: WeightLayer[] }>('/coverage-weight-layers', { areaOrgId: areaId }, { signal }) : Promise.resolve({ items: [] })), [areaId]);
  const [form] = Form.useForm<{
    minutes: number;
    speedKmh: number;
    candidates: number;
    weightLayerId?: string;
  }>();
  const [starting, setStarting] = useState(false);
  const [active, setActive] = useState<CoverageRun | undefined>();
  const mapLayers = useMapLayers();

  const items = runs.data?.items ?? [];
  const selectedId = search.get('run') ?? items.find((r) => r.status === 'succeeded')?.id;
  const selected = items.find((r) => r.id === selectedId);
  const layers = useRequest(
    (signal) => (selected?.status === 'succeeded' ? api.get<CoverageLayers>(`/coverage-runs/${selected.id}/layers`, undefined, { signal }) : Promise.resolve(undefined)),
    [selected?.id, selected?.status],
  );

  // A run in progress (this user's or anyone's): poll it until it ends, then show it.
  const running = active ?? items.find(isActive);
  useEffect(() => {
    if (!running || !isActive(running)) return;
    const timer = setInterval(() => {
      api.get<CoverageRun>(`/coverage-runs/${running.id}`).then(
        (r) => {
          setActive(r);
          if (!isActive(r)) {
            runs.reload();
            if (r.status === 'succeeded') setSearch({ ...(areaId ? { area: areaId } : {}), run: r.id }, { replace: true });
          }
        },
        () => undefined,
      );
    }, 1000);
    return () => clearInterval(timer);
  }, [running?.id, running?.status]);

  const start = async () => {
    if (!areaId) return;
    const v = await form.validateFields();
    setStarting(true);
    try {
      const run = await api.post<CoverageRun>('/coverage-runs', {
        areaOrgId: areaId,
        minutes: v.minutes,
        speedKmh: v.speedKmh,
        candidates: v.candidates,
        weightLayerId: v.weightLayerId ?? null,
      });
      setActive(run);
      message.success(t('coverage.started'));
      runs.reload();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setStarting(false);
    }
  };

  const upload = async (file: File) => {
    let geojson: unknown;
    try {
      geojson = JSON.parse(await file.text());
    } catch (error) {
      message.error(t('coverage.uploadBadJson', { message: (error as Error).message }));
      return;
    }
    try {
      const layer = await api.post<WeightLayer>('/coverage-weight-layers', {
        areaOrgId: areaId,
        name: file.name.replace(/\.(geo)?json$/i, ''),
        geojson,
      });
      message.success(
        t('coverage.uploaded', {
          name: layer.name,
          count: layer.pointCount.toLocaleString(),
        }),
      );
      weights.reload();
      form.setFieldValue('weightLayerId', layer.id);
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const candidateLabel = useMemo(
    () => (rank: number, gain: number, share: number) =>
      t('coverage.candidateLabel', {
        rank,
        km: km(gain),
        share: pct(share, 2),
      }),
    [t],
  );
  const legend = (color: string, label: string, line = false) => (
    <Space size={4}>
      <span
        style={{
          display: 'inline-block',
          width: 14,
          height: line ? 3 : 10,
          background: color,
          borderRadius: line ? 0 : 3,
          opacity: 0.8,
        }}
      />
      <Typography.Text style={{ fontSize: 12 }}>{label}</Typography.Text>
    </Space>
  );

  if (areas.data && areas.data.items.length === 0)
    return (
      <Card title={t('coverage.title')}>
        <Empty description={t('coverage.noAreas')} />
      </Card>
    );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {areas.error ? <ErrorAlert error={areas.error} onRetry={areas.reload} /> : null}
      <Card size="small">
        <Form form={form} layout="inline" initialValues={{ minutes: 15, speedKmh: 4.5, candidates: 10 }} style={{ rowGap: 12 }}>
          <Form.Item label={t('coverage.area')}>
            <Select
              style={{ width: 200 }}
              value={areaId}
              placeholder={t('coverage.areaPlaceholder')}
              loading={areas.loading}
              onChange={(v: string) => setSearch({ area: v }, { replace: true })}
              options={(areas.data?.items ?? []).map((a) => ({
                value: a.org.id,
                label: a.org.name,
              }))}
              data-testid="coverage-area"
            />
          </Form.Item>
          <Form.Item name="minutes" label={t('coverage.minutes')} rules={[{ required: true }]}>
            <InputNumber min={1} max={60} suffix={t('coverage.minutesUnit')} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="speedKmh" label={t('coverage.speed')} rules={[{ required: true }]}>
            <InputNumber min={1} max={20} step={0.5} suffix={t('coverage.speedUnit')} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="candidates" label={t('coverage.candidates')} rules={[{ required: true }]}>
            <InputNumber min={0} max={50} suffix={t('coverage.candidatesUnit')} style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="weightLayerId" label={t('coverage.weightLayer')}>
            <Select
              allowClear
              style={{ width: 180 }}
              placeholder={t('coverage.weightNone')}
              options={(weights.data?.items ?? []).map((w) => ({
                value: w.id,
                label: `${w.name}（${w.pointCount.toLocaleString()}）`,
              }))}
            />
          </Form.Item>
          {canWrite && (
            <Space>
              <Upload
                accept=".geojson,.json,application/geo+json,application/json"
                showUploadList={false}
                beforeUpload={(file) => {
                  void upload(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />}>{t('coverage.upload')}</Button>
              </Upload>
              <Button type="primary" icon={<PlayCircleOutlined />} loading={starting} disabled={!areaId || isActive(running)} onClick={() => void start()} data-testid="coverage-start">
                {t('coverage.start')}
              </Button>
            </Space>
          )}
        </Form>
      </Card>

      {area?.network.isSynthetic && <Alert type="warning" showIcon title={t('coverage.synthetic')} description={t('coverage.syntheticNote')} data-testid="coverage-synthetic" />}
      {running && isActive(running) && (
        <Card size="small" data-testid="coverage-progress">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text strong>
              {running.status === 'queued' ? t('coverage.queued') : t('coverage.running')}
              {running.status === 'running' && running.phase ? `：${running.phase}` : ''}
            </Typography.Text>
            <Progress percent={Math.round(running.progress * 100)} status="active" />
          </Space>
        </Card>
      )}
      {active?.status === 'failed' && <Alert type="error" showIcon title={t('coverage.failed')} description={active.error?.title} />}

      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card
            size="small"
            title={
              selected
                ? t('coverage.showing', {
                    date: formatDateTime(selected.createdAt),
                  })
                : t('coverage.title')
            }
          >
            <Space wrap size={[16, 4]} style={{ marginBottom: 8 }}>
              {legend('#52c41a', t('coverage.legendIsochrone'))}
              {legend('#cf1322', t('coverage.legendUncovered'), true)}
              {legend('#1677ff', t('coverage.legendPosition'))}
              {legend('#fa8c16', t('coverage.legendCandidate'))}
            </Space>
            {layers.error ? <ErrorAlert error={layers.error} onRetry={layers.reload} /> : null}
            <Suspense
              fallback={
                <div
                  style={{
                    height: 500,
                    background: '#f3f1ec',
                    borderRadius: 8,
                  }}
                />
              }
            >
              <CoverageMap layers={mapLayers.data} coverage={layers.data} candidateLabel={candidateLabel} />
            </Suspense>
            {selected?.network.isSynthetic && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('coverage.synthetic')}：{selected.network.name}
              </Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('coverage.figures')} data-testid="coverage-figures">
            {!selected ? (
              <Empty description={t('coverage.noResult')} />
            ) : (
              <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                <Statistic title={t('coverage.streetShare')} value={pct(selected.lengthShare)} data-testid="coverage-street-share" />
                <Typography.Text type="secondary">
                  {t('coverage.streetShareHelp', {
                    minutes: selected.minutes,
                    metres: Math.round(selected.cutoffMetres),
                  })}
                  {' · '}
                  {t('coverage.coveredKm', {
                    covered: km(selected.coveredLengthM),
                    total: km(selected.totalLengthM),
                  })}
                </Typography.Text>
                {selected.weightShare !== null && (
                  <>
                    <Statistic title={`${t('coverage.weightShare')}（${selected.weightLayer?.name ?? ''}）`} value={pct(selected.weightShare)} />
                    <Typography.Text type="secondary">
                      {t('coverage.weightOf', {
                        covered: Math.round(selected.coveredWeight ?? 0).toLocaleString(),
                        total: Math.round(selected.totalWeight ?? 0).toLocaleString(),
                      })}
                    </Typography.Text>
                  </>
                )}
                <Statistic title={t('coverage.stations')} value={selected.stationCount} />
                {selected.unsnappedCount ? (
                  <Typography.Text type="warning">
                    {t('coverage.unsnapped', {
                      count: selected.unsnappedCount,
                    })}
                  </Typography.Text>
                ) : null}
                <Typography.Text strong>{t('coverage.candidatesTitle')}</Typography.Text>
                {selected.candidates.length === 0 ? (
                  <Typography.Text type="secondary">{t('coverage.noCandidates')}</Typography.Text>
                ) : (
                  <List
                    size="small"
                    dataSource={selected.candidates}
                    renderItem={(c) => (
                      <List.Item>
                        <Space>
                          <Tag color="orange">{c.rank}</Tag>
                          <span style={{ whiteSpace: 'nowrap' }}>
                            {t('coverage.candidateRow', {
                              km: km(c.gainMetres),
                              share: pct(c.gainShare, 2),
                            })}
                          </span>
                        </Space>
                      </List.Item>
                    )}
                  />
                )}
              </Space>
            )}
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('coverage.runsTitle')}>
        {runs.error ? <ErrorAlert error={runs.error} onRetry={runs.reload} /> : null}
        <DataTable<CoverageRun>
          id="coverage-runs"
          rowKey="id"
          size="small"
          loading={runs.loading}
          dataSource={items}
          pagination={false}
          data-testid="coverage-runs"
          locale={{
            emptyText: <Empty description={t('coverage.runsEmpty')} />,
          }}
          rowClassName={(r) => (r.id === selectedId ? 'ant-table-row-selected' : '')}
          onRow={(r) => ({
            onClick: () => r.status === 'succeeded' && setSearch({ ...(areaId ? { area: areaId } : {}), run: r.id }, { replace: true }),
            style: { cursor: r.status === 'succeeded' ? 'pointer' : 'default' },
          })}
          columns={[
            {
              title: t('coverage.cols.date'),
              key: 'createdAt',
              dataIndex: 'createdAt',
              width: 150,
              render: (v: string) => formatDateTime(v),
            },
            {
              title: t('coverage.cols.stations'),
              key: 'stationCount',
              dataIndex: 'stationCount',
              width: 80,
              align: 'right',
            },
            {
              title: t('coverage.cols.streetShare'),
              key: 'lengthShare',
              dataIndex: 'lengthShare',
              width: 100,
              align: 'right',
              render: (v: number | null) => pct(v),
            },
            {
              title: t('coverage.cols.weightShare'),
              key: 'weightShare',
              dataIndex: 'weightShare',
              width: 100,
              align: 'right',
              render: (v: number | null) => pct(v),
            },
            {
              title: t('coverage.cols.delta'),
              key: 'delta',
              width: 220,
              render: (_: unknown, r) =>
                r.change ? (
                  <Space size={4} wrap>
                    <Typography.Text type={(r.change.lengthShareDelta ?? 0) >= 0 ? 'success' : 'danger'}>{signedPp(r.change.lengthShareDelta)}</Typography.Text>
                    <Typography.Text type="secondary" title={[...r.change.stationsAdded.map((x) => `+ ${x.name}`), ...r.change.stationsRemoved.map((x) => `− ${x.name}`)].join('\n') || undefined}>
                      {t('coverage.deltaStations', {
                        added: r.change.stationsAdded.length,
                        removed: r.change.stationsRemoved.length,
                      })}
                    </Typography.Text>
                  </Space>
                ) : (
                  '—'
                ),
            },
            {
              title: t('coverage.cols.inputs'),
              key: 'inputs',
              width: 170,
              render: (_: unknown, r) => t('coverage.inputs', { minutes: r.minutes, speed: r.speedKmh }),
            },
            {
              title: t('coverage.cols.status'),
              key: 'status',
              dataIndex: 'status',
              width: 90,
              render: (s: CoverageRun['status']) => <Tag color={s === 'succeeded' ? 'green' : s === 'failed' ? 'red' : 'processing'}>{t(`coverage.statuses.${s}`)}</Tag>,
            },
            {
              title: t('coverage.cols.by'),
              key: 'createdByName',
              dataIndex: 'createdByName',
              width: 120,
              render: (v: string | null) => v ?? t('audit.system'),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
