import type { DoorAlarmSummary, DoorController, Page } from '@niangjia/contracts';
import { Card, Col, List, Row, Skeleton, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../shared/api';
import { formatCount, formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ALARM_KIND_COLORS } from './access-ui';

/** 工作台's smart-station block: doors online and offline, alarms waiting, the latest few. */
export function AccessDashboardCard({ orgId }: { orgId: string | undefined }) {
  const { t } = useTranslation();
  const data = useRequest(
    async (signal) => {
      const [summary, controllers] = await Promise.all([
        api.get<DoorAlarmSummary>('/door-alarms/summary', { orgId }, { signal }),
        api.get<Page<DoorController>>('/door-controllers', { orgId, status: 'active', pageSize: 100 }, { signal }),
      ]);
      const online = controllers.items.filter((c) => c.isOnline).length;
      return { summary, total: controllers.total, online, offline: controllers.items.length - online };
    },
    [orgId],
  );
  const d = data.data;
  const waiting = d ? d.summary.latest.filter((a) => a.status !== 'resolved') : [];

  return (
    <Card title={t('access.dashboard.title')} style={{ marginBottom: 16 }} extra={<Link to="/access/alarms">{t('access.alarms.bellAll')}</Link>} data-testid="access-dashboard">
      {data.error ? <ErrorAlert error={data.error} onRetry={data.reload} /> : null}
      {!d ? (
        data.error ? null : (
          <Skeleton active paragraph={{ rows: 2 }} />
        )
      ) : (
        <Row gutter={[24, 16]}>
          <Col xs={24} lg={10}>
            <Row gutter={[16, 16]}>
              <Col span={8}>
                <Statistic
                  title={t('access.dashboard.openAlarms')}
                  value={formatCount(d.summary.open)}
                  styles={{ content: { color: d.summary.open ? '#c8102e' : undefined, fontWeight: 600 } }}
                />
              </Col>
              <Col span={8}>
                <Statistic title={t('access.dashboard.online')} value={formatCount(d.online)} />
              </Col>
              <Col span={8}>
                <Statistic title={t('access.dashboard.offline')} value={formatCount(d.offline)} />
              </Col>
            </Row>
          </Col>
          <Col xs={24} lg={14}>
            {waiting.length ? (
              <List
                size="small"
                dataSource={waiting}
                renderItem={(a) => (
                  <List.Item>
                    <Link to={`/access/stations/${a.positionId}?tab=alarms`}>
                      <Tag color={ALARM_KIND_COLORS[a.kind]}>{t(`access.alarms.kinds.${a.kind}`)}</Tag>
                      {a.positionName} · {a.controllerName}
                    </Link>
                    <span style={{ color: '#8a919c', fontSize: 12 }}>{formatDateTime(a.raisedAt)}</span>
                  </List.Item>
                )}
              />
            ) : (
              <span style={{ color: '#8a919c' }}>{t('access.alarms.bellNone')}</span>
            )}
          </Col>
        </Row>
      )}
    </Card>
  );
}
