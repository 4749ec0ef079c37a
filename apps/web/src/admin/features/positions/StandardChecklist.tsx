import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { PositionChecklist } from '@niangjia/contracts';
import { Alert, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { api } from '../../../shared/api';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';

/** A position's facilities against the standard that applies to it (its federation's or district's, or 七个一). */
export function StandardChecklist({ positionId, facilities }: { positionId: string; facilities: readonly string[] }) {
  const { t } = useTranslation();
  const checklist = useRequest((signal) => api.get<PositionChecklist>(`/positions/${positionId}/checklist`, undefined, { signal }), [positionId, facilities.join(',')]);
  const c = checklist.data;
  if (checklist.error) return <ErrorAlert error={checklist.error} onRetry={checklist.reload} />;
  if (!c) return <Skeleton active />;
  const label = (i: { key: string; label: string | null }) => i.label ?? t(`positions.facilities.${i.key}`);
  const inStandard = new Set<string>(c.items.map((i) => i.key));
  const others = facilities.filter((f) => !inStandard.has(f));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Typography.Text type="secondary">
        {t('standards.checklistTitle', { name: c.standard.name })}
        {c.standard.org ? t('standards.checklistFrom', { org: c.standard.org.name }) : t('standards.checklistDefault')}
      </Typography.Text>
      {c.missing.length ? (
        <Alert
          type="warning"
          showIcon
          data-testid="standard-missing"
          title={t('positionsAdmin.standard.missing', {
            count: c.missing.length,
            items: c.items
              .filter((i) => !i.has)
              .map(label)
              .join('、'),
          })}
        />
      ) : (
        <Alert type="success" showIcon title={t('standards.complete')} />
      )}
      <DataTable
        id="standard-checklist"
        columnSettings={false}
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={c.items}
        columns={[
          {
            title: t('standards.items'),
            key: 'key',
            dataIndex: 'key',
            render: (_: string, i) => label(i),
          },
          {
            title: '',
            key: 'has',
            dataIndex: 'has',
            width: 120,
            render: (has: boolean) =>
              has ? (
                <Typography.Text type="success">
                  <CheckCircleFilled /> {t('positionsAdmin.standard.have')}
                </Typography.Text>
              ) : (
                <Typography.Text type="danger">
                  <CloseCircleFilled /> {t('positionsAdmin.standard.lack')}
                </Typography.Text>
              ),
          },
        ]}
      />
      <div>
        <Typography.Text strong>{t('positionsAdmin.otherFacilities')}：</Typography.Text>
        {others.length ? others.map((f) => <Tag key={f}>{t(`positions.facilities.${f}`)}</Tag>) : '—'}
      </div>
    </Space>
  );
}
