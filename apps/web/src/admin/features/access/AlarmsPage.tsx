import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useScope } from '../../layout/scope';
import { AlarmsTable } from './AlarmsTable';

/** 智慧驿站 ▸ 告警 (/access/alarms): alarms of every door in the header scope, open ones first. */
export function AlarmsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const [params] = useSearchParams();
  return (
    <Card title={t('access.alarms.title')}>
      <AlarmsTable key={`${scope?.id}-${params.get('positionId')}`} orgId={scope?.id} stationFilter initialStation={params.get('positionId') ?? undefined} />
    </Card>
  );
}
