import { ArrowLeftOutlined, PhoneOutlined } from '@ant-design/icons';
import type { Position } from '@niangjia/contracts';
import { Button, Card, Col, Row, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../../../shared/api';
import { STATUS_COLORS, TYPE_COLORS } from '../../../shared/positions';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AlarmsTable } from './AlarmsTable';
import { BansCard } from './BansCard';
import { ControllersTable } from './ControllersTable';
import { EntriesTable } from './EntriesTable';
import { PolicyCard } from './PolicyCard';
import { UsageCard } from './UsageCard';

const TABS = ['controllers', 'policy', 'usage', 'entries', 'alarms'] as const;
type Tab = (typeof TABS)[number];

/** 智慧门禁 of one station (/access/stations/:positionId): controllers, policy and bans, usage, entries, alarms. */
export function StationAccessPage() {
  const { t } = useTranslation();
  const { positionId = '' } = useParams();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(search.get('tab') ?? '') ? (search.get('tab') as Tab) : 'controllers';
  const position = useRequest((signal) => api.get<Position>(`/positions/${positionId}`, undefined, { signal }), [positionId]);
  const p = position.data;
  const notFound = position.error instanceof ApiError && (position.error.status === 404 || position.error.status === 403);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap size={12} style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(p ? `/positions/${p.id}` : '/positions')}>
              {t('access.backToPositions')}
            </Button>
            {p ? (
              <>
                <Typography.Title level={4} style={{ margin: 0 }} data-testid="station-title">
                  {t('access.stationTitle', { name: p.name })}
                </Typography.Title>
                <Tag color={TYPE_COLORS[p.type]}>{t(`positions.types.${p.type}`)}</Tag>
                <Tag color={STATUS_COLORS[p.status]}>{t(`positions.statuses.${p.status}`)}</Tag>
                {p.isOpenNow ? <Tag color="green">{t('positions.openNow')}</Tag> : <Tag>{t('positions.closedNow')}</Tag>}
              </>
            ) : !position.error ? (
              <Skeleton.Input active size="small" style={{ width: 280 }} />
            ) : null}
          </Space>
          {p && (
            <Typography.Text type="secondary">
              {p.schedule.is24h ? t('positions.allDay') : p.todayHours.join(', ') || t('positionsAdmin.closedDay')}
              {p.contactPhone && (
                <>
                  {' '}
                  · <PhoneOutlined /> {p.contactPhone}
                </>
              )}
            </Typography.Text>
          )}
        </Space>
      </Card>
      {position.error ? <ErrorAlert error={position.error} onRetry={notFound ? undefined : position.reload} /> : null}
      {p && (
        <Card styles={{ body: { paddingTop: 4 } }}>
          <Tabs
            activeKey={tab}
            onChange={(key) =>
              setSearch(key === 'controllers' ? {} : { tab: key }, {
                replace: true,
              })
            }
            destroyOnHidden
            items={[
              {
                key: 'controllers',
                label: t('access.tabs.controllers'),
                children: <ControllersTable station={{ id: p.id, name: p.name }} title={null} />,
              },
              {
                key: 'policy',
                label: t('access.tabs.policy'),
                children: (
                  <Row gutter={[16, 16]}>
                    <Col xs={24} xl={10}>
                      <PolicyCard positionId={p.id} />
                    </Col>
                    <Col xs={24} xl={14}>
                      <BansCard positionId={p.id} />
                    </Col>
                  </Row>
                ),
              },
              {
                key: 'usage',
                label: t('access.tabs.usage'),
                children: <UsageCard positionId={p.id} />,
              },
              {
                key: 'entries',
                label: t('access.tabs.entries'),
                children: <EntriesTable positionId={p.id} />,
              },
              {
                key: 'alarms',
                label: t('access.tabs.alarms'),
                children: <AlarmsTable positionId={p.id} />,
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
