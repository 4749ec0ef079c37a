import { BellOutlined } from '@ant-design/icons';
import type { DoorAlarmSummary } from '@niangjia/contracts';
import { Badge, Button, Empty, List, Popover, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { useScope } from '../../layout/scope';
import { ALARM_KIND_COLORS, ALARMS_CHANGED } from './access-ui';
import { useInterval } from './use-interval';

// The header badge polls; 15 s is quick enough for a door held open and light on the server.
const POLL_MS = 15_000;

/** The header's alarm bell: open door alarms in the staff's scope, the latest few in a popover. */
export function AlarmBell() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const summary = useRequest((signal) => api.get<DoorAlarmSummary>('/door-alarms/summary', { orgId: scope?.id }, { signal }), [scope?.id]);
  useInterval(summary.reload, POLL_MS);
  const { reload } = summary;
  useEffect(() => {
    window.addEventListener(ALARMS_CHANGED, reload);
    return () => window.removeEventListener(ALARMS_CHANGED, reload);
  }, [reload]);
  const count = summary.data?.open ?? 0;
  const latest = summary.data?.latest.filter((a) => a.status === 'open') ?? [];

  const content = (
    <div style={{ width: 320 }}>
      {latest.length ? (
        <List
          size="small"
          dataSource={latest}
          renderItem={(a) => (
            <List.Item
              style={{ cursor: 'pointer', paddingInline: 0 }}
              onClick={() => {
                setOpen(false);
                void navigate(`/access/stations/${a.positionId}?tab=alarms`);
              }}
            >
              <List.Item.Meta
                title={
                  <span>
                    <Tag color={ALARM_KIND_COLORS[a.kind]}>{t(`access.alarms.kinds.${a.kind}`)}</Tag>
                    {a.positionName}
                  </span>
                }
                description={`${a.controllerName} · ${formatDateTime(a.raisedAt)}`}
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('access.alarms.bellNone')} />
      )}
      <Button
        block
        type="link"
        onClick={() => {
          setOpen(false);
          void navigate('/access/alarms');
        }}
      >
        {t('access.alarms.bellAll')}
      </Button>
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <span>
          {t('access.alarms.bell')}
          <Typography.Text type={count ? 'danger' : 'secondary'} style={{ marginLeft: 8, fontWeight: 'normal' }}>
            {count ? t('access.alarms.bellOpen', { n: count }) : t('access.alarms.bellNone')}
          </Typography.Text>
        </span>
      }
      content={content}
    >
      <Button type="text" aria-label={`${t('access.alarms.bell')}：${count ? t('access.alarms.bellOpen', { n: count }) : t('access.alarms.bellNone')}`} data-testid="alarm-bell">
        <Badge count={count} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
