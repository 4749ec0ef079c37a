import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useScope } from '../../layout/scope';
import { ControllersTable } from './ControllersTable';

/** 智慧驿站 ▸ 门禁设备 (/access): every door controller in the header scope, online or not. */
export function ControllersPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  return (
    <ControllersTable
      key={scope?.id}
      orgId={scope?.id}
      title={
        <Space>
          {t('access.controllers.title')}
          {scope && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
              {t('access.controllers.scopeNote', { scope: scope.name })}
            </Typography.Text>
          )}
        </Space>
      }
    />
  );
}
