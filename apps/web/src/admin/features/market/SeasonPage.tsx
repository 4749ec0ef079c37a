import { ArrowLeftOutlined, DesktopOutlined } from '@ant-design/icons';
import type { SeasonDetail, SeasonStage } from '@niangjia/contracts';
import { seasonStages } from '@niangjia/contracts/market-domain';
import { App, Button, Card, Descriptions, Space, Spin, Steps, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EntriesTab } from './season/EntriesTab';
import { JudgesTab } from './season/JudgesTab';
import { LiveTab } from './season/LiveTab';
import { RepsTab } from './season/RepsTab';
import { ResultsTab } from './season/ResultsTab';

/** One season (/market/seasons/:seasonId): its stage and rules, entries, judges, representatives, the live vote and the result. */
export function SeasonPage() {
  const { t } = useTranslation();
  const { seasonId } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const season = useRequest((signal) => api.get<SeasonDetail>(`/market/seasons/${seasonId}`, undefined, { signal }), [seasonId]);
  const s = season.data;
  const canRun = Boolean(s?.screenKey) && me.permissions.includes('market.write');
  const tab = params.get('tab') ?? 'overview';
  if (season.error) return <ErrorAlert error={season.error} onRetry={season.reload} />;
  if (!s) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  const tabs = [
    { key: 'overview', label: t('market.seasons.tabs.overview'), children: <OverviewTab season={s} canRun={canRun} onChanged={season.setData} /> },
    { key: 'entries', label: t('market.seasons.tabs.entries'), children: <EntriesTab season={s} canRun={canRun} onChanged={season.reload} /> },
    ...(canRun ? [{ key: 'judges', label: t('market.seasons.tabs.judges'), children: <JudgesTab season={s} /> }] : []),
    { key: 'reps', label: t('market.seasons.tabs.reps'), children: <RepsTab season={s} /> },
    ...(canRun ? [{ key: 'live', label: t('market.seasons.tabs.live'), children: <LiveTab season={s} onChanged={season.reload} /> }] : []),
    ...(canRun ? [{ key: 'results', label: t('market.seasons.tabs.results'), children: <ResultsTab season={s} onChanged={season.reload} /> }] : []),
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/market/seasons')}>
          {t('actions.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {s.year} · {s.title}
        </Typography.Title>
        <Tag color="red">{t(`marketTerms.stage.${s.stage}`)}</Tag>
      </Space>
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k }, { replace: true })} items={tabs} destroyOnHidden />
      </Card>
    </Space>
  );
}

function OverviewTab({ season: s, canRun, onChanged }: { season: SeasonDetail; canRun: boolean; onChanged: (s: SeasonDetail) => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const index = seasonStages.indexOf(s.stage);
  const next: SeasonStage | undefined = seasonStages[index + 1];
  const advance = () =>
    modal.confirm({
      title: t('market.seasons.stage.next', { stage: t(`marketTerms.stage.${next}`) }),
      content: t('market.seasons.stage.confirm', { stage: t(`marketTerms.stage.${next}`) }),
      okText: t('actions.confirm'),
      cancelText: t('actions.cancel'),
      onOk: async () => {
        try {
          onChanged(await api.post<SeasonDetail>(`/market/seasons/${s.id}/stage`, { version: s.version, to: next }));
          message.success(t('market.seasons.stage.moved', { stage: t(`marketTerms.stage.${next}`) }));
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });
  const tiers = s.prizeTiers;
  return (
    <Space orientation="vertical" size={20} style={{ width: '100%' }}>
      <Steps current={index} size="small" items={seasonStages.map((st) => ({ title: t(`marketTerms.stage.${st}`) }))} />
      <Space wrap>
        {canRun && next && next !== 'published' && (
          <Button type="primary" onClick={advance} data-testid="season-next-stage">
            {t('market.seasons.stage.next', { stage: t(`marketTerms.stage.${next}`) })}
          </Button>
        )}
        {s.screenKey && (
          <Button icon={<DesktopOutlined />} href={`/screen/roadshow/${s.id}?k=${encodeURIComponent(s.screenKey)}`} target="_blank">
            {t('market.seasons.screen')}
          </Button>
        )}
        {s.screenKey && <Typography.Text type="secondary">{t('market.seasons.screenNote')}</Typography.Text>}
      </Space>
      <Descriptions bordered size="small" column={3}>
        <Descriptions.Item label={t('market.seasons.fields.org')}>{s.org.name}</Descriptions.Item>
        <Descriptions.Item label={t('market.seasons.fields.call')} span={2}>
          {formatDateTime(s.callOpensAt)} ~ {formatDateTime(s.callClosesAt)} {s.isCallOpen ? <Tag color="green">{t('market.seasons.callOpenNow')}</Tag> : <Tag>{t('market.seasons.callClosed')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('market.seasons.fields.reviewDue')}>{formatDate(s.reviewDueAt)}</Descriptions.Item>
        <Descriptions.Item label={t('market.seasons.fields.roadshowAt')}>{formatDateTime(s.roadshowAt)}</Descriptions.Item>
        <Descriptions.Item label={t('market.seasons.fields.finalAt')}>{formatDateTime(s.finalAt)}</Descriptions.Item>
        <Descriptions.Item label={t('market.seasons.fields.entries')}>{s.counts.entries}</Descriptions.Item>
        <Descriptions.Item label={t('market.seasons.fields.passed')}>{s.counts.passed}</Descriptions.Item>
        <Descriptions.Item label={t('market.seasons.fields.finalists')}>{s.counts.finalists}</Descriptions.Item>
        <Descriptions.Item label={t('market.seasons.fields.judges')}>{s.counts.judges}</Descriptions.Item>
        <Descriptions.Item label={t('market.seasons.fields.reps')}>{s.counts.reps}</Descriptions.Item>
        <Descriptions.Item label={t('market.seasons.fields.votes')}>{s.counts.votes}</Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('market.seasons.rules.title')}>
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t('market.seasons.rules.expertWeight')}>{s.expertWeight}%</Descriptions.Item>
          <Descriptions.Item label={t('market.seasons.rules.votesWeight')}>{100 - s.expertWeight}%</Descriptions.Item>
          <Descriptions.Item label={t('market.seasons.rules.votesPerRep')}>{s.votesPerRep}</Descriptions.Item>
          <Descriptions.Item label={t('market.seasons.rules.tiers')}>{t('market.seasons.rules.tiersText', { a: tiers[0] ?? 0, b: tiers[1] ?? 0, c: tiers[2] ?? 0 })}</Descriptions.Item>
          <Descriptions.Item label={t('market.seasons.rules.normalize')} span={2}>
            {s.normalizeScores ? t('market.common.yes') : t('market.common.no')} <Typography.Text type="secondary">— {t('market.seasons.rules.normalizeHelp')}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={s.rubric}
          style={{ maxWidth: 560 }}
          title={() => `${t('market.seasons.rules.rubric')}（${t('market.seasons.rules.trim')}）`}
          columns={[
            { title: t('market.seasons.rules.criterion'), dataIndex: 'name' },
            { title: t('market.seasons.rules.weight'), dataIndex: 'weight', width: 80, render: (v: number) => `${v}%` },
            { title: t('market.seasons.rules.max'), dataIndex: 'max', width: 80 },
          ]}
        />
      </Card>
    </Space>
  );
}
