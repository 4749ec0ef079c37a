import type { Inspection, Page, StarRow } from '@niangjia/contracts';
import { Button, Card, Checkbox, Empty, List, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { listPagination } from '../../components/list-pagination';
import { useScope } from '../../layout/scope';
import { InspectionModal } from './InspectionModal';
import { StarsCell, WarningTags } from './star-parts';

type Candidate = StarRow & { reason: string };
const thisYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

/** 服务阵地 ▸ 评星定级 (/positions/stars): the year's stars, "最美" candidates and inspections. */
export function StarsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { scope } = useScope();
  const canInspect = me.permissions.includes('position.inspect');
  const [year, setYear] = useState(thisYear());
  const [stars, setStars] = useState<number | undefined>();
  const [missingOnly, setMissingOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [tab, setTab] = useState('stars');
  const [inspecting, setInspecting] = useState<{
    id: string;
    name: string;
    orgId: string;
    facilities?: string[];
  } | null>(null);

  const list = useRequest(
    (signal) =>
      api.get<Page<StarRow>>(
        '/stars',
        {
          year,
          orgId: scope?.id,
          stars,
          missingOnly: missingOnly ? 'true' : undefined,
          page,
          pageSize,
        },
        { signal },
      ),
    [year, scope?.id, stars, missingOnly, page, pageSize],
  );
  const candidates = useRequest(
    (signal) => api.get<{ year: number; items: Candidate[] }>('/stars/candidates', { year, orgId: scope?.id, limit: 20 }, { signal }),
    [year, scope?.id],
    tab === 'candidates',
  );
  const inspections = useRequest((signal) => api.get<Page<Inspection>>('/stars/inspections', { year, page: 1, pageSize: 50 }, { signal }), [year], tab === 'inspections');

  const openInspection = async (row: StarRow) => {
    // The facilities as they are now, for the warning in the form.
    const detail = await api.get<{ facilities: string[] }>(`/positions/${row.position.id}`).catch(() => null);
    setInspecting({
      id: row.position.id,
      name: row.position.name,
      orgId: row.position.org.id,
      ...(detail ? { facilities: detail.facilities } : {}),
    });
  };

  const years = Array.from({ length: 5 }, (_, i) => thisYear() - i);
  return (
    <Card
      title={t('starsAdmin.menu.stars')}
      extra={
        <Space>
          <Typography.Text>{t('starsAdmin.year')}</Typography.Text>
          <Select
            value={year}
            style={{ width: 110 }}
            onChange={(v) => {
              setYear(v);
              setPage(1);
            }}
            options={years.map((y) => ({
              value: y,
              label: t('starsAdmin.yearOption', { year: y }),
            }))}
            aria-label={t('starsAdmin.year')}
          />
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'stars',
            label: t('starsAdmin.tabs.stars'),
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Select
                    style={{ width: 130 }}
                    value={stars ?? 'all'}
                    onChange={(v) => {
                      setStars(v === 'all' ? undefined : Number(v));
                      setPage(1);
                    }}
                    options={[
                      { value: 'all', label: t('starsAdmin.filters.all') },
                      ...[5, 4, 3, 2, 1].map((n) => ({
                        value: n,
                        label: t('feedback.stars', { count: n }),
                      })),
                      { value: 0, label: t('starsAdmin.filters.unrated') },
                    ]}
                    aria-label={t('starsAdmin.filters.stars')}
                  />
                  <Checkbox
                    checked={missingOnly}
                    onChange={(e) => {
                      setMissingOnly(e.target.checked);
                      setPage(1);
                    }}
                  >
                    {t('starsAdmin.filters.missingOnly')}
                  </Checkbox>
                </Space>
                {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
                <DataTable<StarRow>
                  id="stars"
                  rowKey={(r) => r.position.id}
                  loading={list.loading}
                  dataSource={list.data?.items ?? []}
                  locale={{
                    emptyText: <Empty description={t('starsAdmin.empty')} />,
                  }}
                  pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => {
                    setPage(p);
                    setPageSize(s);
                  })}
                  columns={[
                    {
                      title: t('starsAdmin.fields.position'),
                      key: 'name',
                      width: 240,
                      render: (_: unknown, r) => <a onClick={() => navigate(`/positions/${r.position.id}`)}>{r.position.name}</a>,
                    },
                    {
                      title: t('starsAdmin.fields.stars'),
                      key: 'stars',
                      width: 150,
                      render: (_: unknown, r) => <StarsCell result={r.result} />,
                    },
                    {
                      title: t('starsAdmin.fields.score'),
                      key: 'score',
                      width: 80,
                      render: (_: unknown, r) => r.result.score ?? '—',
                    },
                    {
                      title: t('starsAdmin.fields.warnings'),
                      key: 'warnings',
                      width: 320,
                      render: (_: unknown, r) => <WarningTags result={r.result} />,
                    },
                    {
                      title: t('starsAdmin.fields.inspections'),
                      key: 'inspections',
                      width: 70,
                      render: (_: unknown, r) => r.result.inspections,
                    },
                    {
                      title: t('starsAdmin.fields.ratings'),
                      key: 'ratings',
                      width: 120,
                      render: (_: unknown, r) =>
                        r.result.ratingCount
                          ? t('starsAdmin.ratingValue', {
                              average: r.result.ratingAverage,
                              count: r.result.ratingCount,
                            })
                          : t('starsAdmin.noRatings'),
                    },
                    {
                      title: t('starsAdmin.fields.org'),
                      key: 'org',
                      width: 160,
                      ellipsis: true,
                      render: (_: unknown, r) => r.position.org.name,
                    },
                  ]}
                  actions={(r) =>
                    canInspect ? (
                      <Button type="link" size="small" onClick={() => void openInspection(r)} data-testid={`inspect-${r.position.code}`}>
                        {t('starsAdmin.inspect')}
                      </Button>
                    ) : null
                  }
                />
              </Space>
            ),
          },
          {
            key: 'candidates',
            label: t('starsAdmin.tabs.candidates'),
            children: (
              <>
                {candidates.error ? <ErrorAlert error={candidates.error} onRetry={candidates.reload} /> : null}
                <List
                  loading={candidates.loading}
                  dataSource={candidates.data?.items ?? []}
                  locale={{
                    emptyText: <Empty description={t('starsAdmin.emptyCandidates')} />,
                  }}
                  renderItem={(c, i) => (
                    <List.Item data-testid="candidate">
                      <List.Item.Meta
                        avatar={
                          <Tag color="red" style={{ fontSize: 16, padding: '4px 10px' }}>
                            {i + 1}
                          </Tag>
                        }
                        title={
                          <Space>
                            <a onClick={() => navigate(`/positions/${c.position.id}`)}>{c.position.name}</a>
                            <StarsCell result={c.result} />
                            <Typography.Text type="secondary">{c.position.org.name}</Typography.Text>
                          </Space>
                        }
                        description={
                          <>
                            <Typography.Text strong>{t('starsAdmin.fields.reason')}：</Typography.Text>
                            {c.reason}
                          </>
                        }
                      />
                    </List.Item>
                  )}
                />
              </>
            ),
          },
          {
            key: 'inspections',
            label: t('starsAdmin.tabs.inspections'),
            children: (
              <>
                {inspections.error ? <ErrorAlert error={inspections.error} onRetry={inspections.reload} /> : null}
                <DataTable<Inspection>
                  id="inspections"
                  rowKey="id"
                  loading={inspections.loading}
                  dataSource={inspections.data?.items ?? []}
                  pagination={false}
                  locale={{
                    emptyText: <Empty description={t('starsAdmin.emptyInspections')} />,
                  }}
                  columns={[
                    {
                      title: t('starsAdmin.fields.inspectedOn'),
                      key: 'inspectedOn',
                      dataIndex: 'inspectedOn',
                      width: 110,
                    },
                    {
                      title: t('starsAdmin.fields.position'),
                      key: 'p',
                      width: 220,
                      render: (_: unknown, i) => <a onClick={() => navigate(`/positions/${i.position.id}`)}>{i.position.name}</a>,
                    },
                    {
                      title: t('starsAdmin.fields.inspector'),
                      key: 'inspectorName',
                      dataIndex: 'inspectorName',
                      width: 150,
                    },
                    {
                      title: t('starsAdmin.criteria'),
                      key: 's',
                      width: 300,
                      ellipsis: true,
                      render: (_: unknown, i) =>
                        i.criteria
                          .filter((c) => i.scores[c.key] !== undefined)
                          .map((c) => `${c.name} ${i.scores[c.key]}/${c.maxPoints}`)
                          .join('；'),
                    },
                    {
                      title: t('starsAdmin.fields.warnings'),
                      key: 'm',
                      width: 200,
                      render: (_: unknown, i) =>
                        i.missingFacilities.length ? (
                          <Tag color="red">
                            {t('feedback.warnings.FACILITIES_MISSING', {
                              items: i.missingFacilities.map((f) => t(`positions.facilities.${f}`)).join('、'),
                            })}
                          </Tag>
                        ) : null,
                    },
                    {
                      title: t('starsAdmin.fields.photos'),
                      key: 'ph',
                      width: 160,
                      priority: 3,
                      render: (_: unknown, i) => (
                        <Space>
                          {i.photoIds.map((id) => (
                            <a key={id} href={`/api/v1/photos/${id}`} target="_blank" rel="noreferrer">
                              <img
                                src={`/api/v1/photos/${id}`}
                                alt=""
                                style={{
                                  width: 40,
                                  height: 40,
                                  objectFit: 'cover',
                                  borderRadius: 4,
                                }}
                              />
                            </a>
                          ))}
                        </Space>
                      ),
                    },
                    {
                      title: t('starsAdmin.fields.notes'),
                      key: 'notes',
                      dataIndex: 'notes',
                      width: 200,
                      ellipsis: true,
                    },
                    {
                      title: t('starsAdmin.feedback.createdAt'),
                      key: 'createdAt',
                      dataIndex: 'createdAt',
                      width: 150,
                      priority: 3,
                      render: (v: string) => formatDateTime(v),
                    },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
      {inspecting && (
        <InspectionModal
          target={inspecting}
          onClose={() => setInspecting(null)}
          onSaved={() => {
            setInspecting(null);
            list.reload();
            candidates.reload();
            inspections.reload();
          }}
        />
      )}
    </Card>
  );
}
