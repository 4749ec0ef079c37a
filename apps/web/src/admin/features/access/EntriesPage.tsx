import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useScope } from '../../layout/scope';
import { EntriesTable } from './EntriesTable';

/** 智慧驿站 ▸ 通行记录 (/access/entries): every scan at every door in the header scope. */
export function EntriesPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  return (
    <Card
      title={
        <Space>
          {t('access.entries.title')}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            {t('access.entries.scopeNote')}
          </Typography.Text>
        </Space>
      }
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('access.entries.timezoneNote')}
        </Typography.Text>
      }
    >
      <EntriesTable key={scope?.id} orgId={scope?.id} />
    </Card>
  );
}
