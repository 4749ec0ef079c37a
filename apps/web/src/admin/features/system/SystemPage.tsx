import type { IndicatorCatalogue, SystemStatus } from '@niangjia/contracts';
import { App, Button, Card, Col, Descriptions, Row, Statistic, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';

const POLL_MS = 15_000;

/**
 * 系统管理 ▸ 系统状态 (/system): what used to be on the big screen — is the service up, how fast
 * the database answers, which database and version — plus the job queue and the indicator
 * rollups, with a check of every rollup against the records.
 */
export function SystemPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  // A series is shown by its indicator's name (成员总数), its key only as a grey reference for operators.
  const catalogue = useRequest((signal) => api.get<IndicatorCatalogue>('/indicators', undefined, { signal }), []);
  const names = new Map((catalogue.data?.sections ?? []).flatMap((s) => s.indicators.map((i) => [i.key, i18n.language === 'en' ? i.name.en : i.name.zh] as const)));
  const status = useRequest(async (signal) => {
    const started = performance.now();
    const s = await api.get<SystemStatus>('/system/status', undefined, { signal });
    return { ...s, roundTripMs: Math.round(performance.now() - started) };
  }, []);
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => {
      status.reload();
      setTick((x) => x + 1);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [status.reload]);

  const verify = async (repair: boolean) => {
    try {
      await api.post('/system/indicator-verifications', { repair });
      message.success(t('system.verifyQueued'));
      setTimeout(status.reload, 3000);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const s = status.data;
  return (
    <div>
      {status.error ? <ErrorAlert error={status.error} onRetry={status.reload} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic title={t('system.status')} value={s ? t('system.ok') : '—'} styles={{ content: { color: s ? '#389e0d' : undefined } }} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic title={t('system.latency')} value={s ? s.roundTripMs : '—'} suffix="ms" />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic title={t('system.dbLatency')} value={s ? s.dbLatencyMs : '—'} suffix="ms" />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic title={t('system.database')} value={s ? (s.db === 'postgres' ? 'PostgreSQL' : 'PGlite') : '—'} />
          </Card>
        </Col>
      </Row>
      <Card size="small" style={{ marginTop: 16 }} title={t('system.about')}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('system.version')}>{s?.version ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('system.uptime')}>{s ? t('system.uptimeValue', { hours: Math.floor(s.uptimeSeconds / 3600), minutes: Math.floor((s.uptimeSeconds % 3600) / 60) }) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('system.checkedAt')}>{s ? formatDateTime(s.now, true) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('system.jobs')} span={3}>
            {(s?.jobs ?? []).map((j) => (
              <Tag key={j.status}>
                {t(`system.jobStatus.${j.status}`, { defaultValue: j.status })} {j.count}
              </Tag>
            ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={t('system.series')}
        extra={
          <>
            <Button onClick={() => void verify(false)}>{t('system.verify')}</Button> <Button onClick={() => void verify(true)}>{t('system.repair')}</Button>
          </>
        }
      >
        <Table
          size="small"
          rowKey="key"
          loading={status.loading && !s}
          dataSource={s?.series ?? []}
          pagination={false}
          scroll={{ x: 700 }}
          data-testid="system-series"
          columns={[
            {
              title: t('system.seriesKey'),
              dataIndex: 'key',
              render: (key: string) => (
                <>
                  {names.get(key) ?? null}{' '}
                  <span translate="no" style={{ color: '#8c8c8c', fontSize: 12 }}>
                    {key}
                  </span>
                </>
              ),
            },
            { title: t('system.synced'), dataIndex: 'isSynced', width: 90, render: (v: boolean) => (v ? <Tag color="green">{t('system.yes')}</Tag> : <Tag color="orange">{t('system.rebuilding')}</Tag>) },
            { title: t('system.rows'), dataIndex: 'rows', align: 'right', width: 110, render: (v: number) => v.toLocaleString('zh-CN') },
            { title: t('system.builtAt'), dataIndex: 'builtAt', width: 170, render: (v: string | null) => formatDateTime(v) },
            { title: t('system.verifiedAt'), dataIndex: 'verifiedAt', width: 170, render: (v: string | null) => formatDateTime(v) },
            { title: t('system.mismatches'), dataIndex: 'verifyMismatches', align: 'right', width: 110, render: (v: number | null) => (v === null ? '—' : v === 0 ? <Tag color="green">0</Tag> : <Tag color="red">{v}</Tag>) },
          ]}
        />
      </Card>
    </div>
  );
}
