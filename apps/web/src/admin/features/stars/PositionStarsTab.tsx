import type { StarResult } from '@niangjia/contracts';
import { Descriptions, Empty, Progress, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { api } from '../../../shared/api';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StarsCell, WarningTags } from './star-parts';

/** The position drawer's 评星 tab: this year's stars by criterion, and the years before. */
export function PositionStarsTab({ positionId }: { positionId: string }) {
  const { t } = useTranslation();
  const data = useRequest((signal) => api.get<{ current: StarResult; history: StarResult[] }>(`/stars/positions/${positionId}`, undefined, { signal }), [positionId]);
  if (data.error) return <ErrorAlert error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Skeleton active />;
  const { current, history } = data.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Descriptions size="small" bordered column={2} title={`${t('starsAdmin.current')}（${current.year}）`}>
        <Descriptions.Item label={t('starsAdmin.fields.stars')}>
          <StarsCell result={current} />
        </Descriptions.Item>
        <Descriptions.Item label={t('starsAdmin.fields.score')}>{current.score ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('starsAdmin.fields.ratings')}>
          {current.ratingCount
            ? t('starsAdmin.ratingValue', {
                average: current.ratingAverage,
                count: current.ratingCount,
              })
            : t('starsAdmin.noRatings')}
        </Descriptions.Item>
        <Descriptions.Item label={t('starsAdmin.fields.inspections')}>{current.inspections}</Descriptions.Item>
        <Descriptions.Item label={t('starsAdmin.fields.warnings')} span={2}>
          <WarningTags result={current} />
        </Descriptions.Item>
      </Descriptions>
      <DataTable
        id="position-stars"
        columnSettings={false}
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={current.criteria}
        columns={[
          { title: t('starsAdmin.criteria'), key: 'name', dataIndex: 'name' },
          {
            title: t('starsAdmin.rubric.weight'),
            key: 'weight',
            dataIndex: 'weight',
            width: 80,
            render: (w: number) => `${w}%`,
          },
          {
            title: '',
            key: 'fraction',
            dataIndex: 'fraction',
            width: 200,
            render: (f: number | null) => (f === null ? <Typography.Text type="secondary">—</Typography.Text> : <Progress percent={Math.round(f * 100)} size="small" />),
          },
          {
            title: t('starsAdmin.rubric.source'),
            key: 'basis',
            dataIndex: 'basis',
            width: 110,
            render: (b: string) => t(`starsAdmin.basis.${b}`),
          },
        ]}
      />
      <Typography.Title level={5}>{t('starsAdmin.history')}</Typography.Title>
      {history.length ? (
        <DataTable
          id="position-inspections"
          columnSettings={false}
          size="small"
          pagination={false}
          rowKey="year"
          dataSource={history}
          columns={[
            { title: t('starsAdmin.year'), key: 'year', dataIndex: 'year', width: 80 },
            {
              title: t('starsAdmin.fields.stars'),
              key: 's',
              width: 150,
              render: (_: unknown, r: StarResult) => <StarsCell result={r} />,
            },
            {
              title: t('starsAdmin.fields.score'),
              key: 'score',
              dataIndex: 'score',
              width: 80,
              render: (v: number | null) => v ?? '—',
            },
            {
              title: t('starsAdmin.fields.warnings'),
              key: 'w',
              render: (_: unknown, r: StarResult) => <WarningTags result={r} />,
            },
          ]}
        />
      ) : (
        <Empty />
      )}
    </Space>
  );
}
