import type { ResultRow, SeasonDetail, SeasonResults } from '@niangjia/contracts';
import { Alert, App, Button, Descriptions, Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import { useRequest } from '../../../../shared/use-request';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { prizeText } from '../parts';

type Override = { prize: number | null; reason: string };

/** 成绩与发布: the result computed from the stored scores and votes; confirm (overrides with reasons), reveal, publish. */
export function ResultsTab({ season, onChanged }: { season: SeasonDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const results = useRequest((signal) => api.get<SeasonResults>(`/market/seasons/${season.id}/results`, undefined, { signal }), [season.id, season.version]);
  const [confirming, setConfirming] = useState(false);
  const [overrides, setOverrides] = useState<Record<string, Override>>({});
  const r = results.data;
  if (season.stage !== 'final' && season.stage !== 'published') return <Empty description={t('market.results.empty')} />;

  const act = async (path: string, body: unknown) => {
    try {
      results.setData(await api.post<SeasonResults>(`/market/seasons/${season.id}/results/${path}`, body));
      message.success(t('market.common.saved'));
      onChanged();
      return true;
    } catch (e) {
      message.error(errorText(e));
      return false;
    }
  };
  const confirm = async () => {
    const list = Object.entries(overrides)
      .filter(([id, o]) => r?.rows.find((x) => x.entryId === id)?.computedPrize !== o.prize)
      .map(([entryId, o]) => ({ entryId, prize: o.prize, reason: o.reason }));
    if (await act('confirm', { version: season.version, overrides: list })) setConfirming(false);
  };
  const prizeOptions = [...(r?.prizeTiers ?? []).map((_, i) => ({ value: i + 1, label: prizeText(t, i + 1) })), { value: 0, label: t('market.results.noPrize') }];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {results.error ? <ErrorAlert error={results.error} onRetry={results.reload} /> : null}
      {r && (
        <>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('market.results.computed')}>{r.normalized ? t('market.results.normalizedOn') : t('market.results.normalizedOff')}</Descriptions.Item>
            <Descriptions.Item label={t('market.seasons.rules.expertWeight')}>
              {r.expertWeight}% / {100 - r.expertWeight}%
            </Descriptions.Item>
            <Descriptions.Item label={t('market.results.venues')} span={2}>
              {r.venues.map((v) => `${v.venue}（${v.kind === 'online' ? t('market.results.venueOnline') : t('market.results.venuePaper')}）${v.votes}`).join('；') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('market.results.tie')} span={2}>
              {r.tieRule}
            </Descriptions.Item>
          </Descriptions>
          {r.missingSheets > 0 && <Alert type="warning" showIcon title={t('market.results.missing', { n: r.missingSheets })} />}
          {r.confirmed && !r.confirmed.matchesInputs && <Alert type="error" showIcon title={t('market.results.mismatch')} />}
          <Space wrap>
            {season.stage === 'final' && !r.revealedAt && (
              <Button type="primary" disabled={r.missingSheets > 0} onClick={() => setConfirming(true)}>
                {t('market.results.confirm')}
              </Button>
            )}
            {r.confirmed && <Typography.Text type="secondary">{t('market.results.confirmed', { at: formatDateTime(r.confirmed.at), by: r.confirmed.by ?? '—' })}</Typography.Text>}
            {r.confirmed && !r.revealedAt && (
              <Button onClick={() => modal.confirm({ title: t('market.results.reveal'), content: t('market.results.revealConfirm'), onOk: () => act('reveal', { version: season.version }) })}>{t('market.results.reveal')}</Button>
            )}
            {r.revealedAt && <Tag color="blue">{t('market.results.revealed', { at: formatDateTime(r.revealedAt) })}</Tag>}
            {r.revealedAt && !r.publishedAt && (
              <Button type="primary" danger onClick={() => modal.confirm({ title: t('market.results.publish'), content: t('market.results.publishConfirm'), onOk: () => act('publish', { version: season.version }) })}>
                {t('market.results.publish')}
              </Button>
            )}
            {r.publishedAt && <Tag color="green">{t('market.results.published', { at: formatDateTime(r.publishedAt) })}</Tag>}
          </Space>
        </>
      )}
      <Table<ResultRow>
        rowKey="entryId"
        size="small"
        loading={results.loading}
        dataSource={r?.rows ?? []}
        pagination={false}
        scroll={{ x: 1060 }}
        data-testid="results-table"
        columns={[
          { title: t('market.results.rank'), dataIndex: 'rank', width: 60, fixed: 'left', render: (v: number, row) => (row.isTieBroken ? <span title={t('market.results.tieBroken')}>{v}*</span> : v) },
          { title: t('market.entries.project'), dataIndex: 'title', width: 170, fixed: 'left', ellipsis: { showTitle: true } },
          { title: t('market.entries.provider'), dataIndex: 'provider', width: 140, ellipsis: { showTitle: true } },
          { title: t('market.results.expert'), dataIndex: 'expert', width: 80, align: 'right', render: (v: number | null) => v?.toFixed(2) ?? '—' },
          ...(r?.normalized ? [{ title: t('market.results.expertRaw'), dataIndex: 'expertRaw', width: 90, align: 'right' as const, render: (v: number | null) => v?.toFixed(2) ?? '—' }] : []),
          { title: t('market.results.judges'), key: 'j', width: 80, render: (_: unknown, row) => `${row.judgesCounted}${row.recused ? `（${t('market.judges.recusals')} ${row.recused}）` : ''}` },
          { title: t('market.results.dropped'), dataIndex: 'droppedTotals', width: 100, render: (v: number[]) => (v.length ? v.map((x) => x.toFixed(1)).join(' / ') : '—') },
          { title: t('market.results.online'), dataIndex: 'onlineVotes', width: 70, align: 'right' },
          { title: t('market.results.paper'), dataIndex: 'paperVotes', width: 70, align: 'right' },
          { title: t('market.results.votesScore'), dataIndex: 'votesScore', width: 70, align: 'right', render: (v: number) => v.toFixed(2) },
          { title: t('market.results.combined'), dataIndex: 'combined', width: 90, align: 'right', render: (v: number) => <strong>{v.toFixed(2)}</strong> },
          {
            title: t('market.results.prize'),
            key: 'p',
            width: 130,
            fixed: 'right',
            render: (_: unknown, row) => (
              <Space size={4}>
                {row.prize ? <Tag color="red">{prizeText(t, row.prize)}</Tag> : '—'}
                {row.overrideReason && <Tag title={row.overrideReason}>{t('market.results.override')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={confirming} title={t('market.results.confirmTitle')} width={820} onCancel={() => setConfirming(false)} onOk={() => void confirm()} okText={t('market.results.confirm')} cancelText={t('actions.cancel')}>
        <Alert type="info" showIcon title={t('market.results.confirmNote')} style={{ marginBottom: 12 }} />
        <Form layout="vertical">
          <Table<ResultRow>
            rowKey="entryId"
            size="small"
            pagination={false}
            dataSource={r?.rows ?? []}
            scroll={{ y: 420 }}
            columns={[
              { title: t('market.results.rank'), dataIndex: 'rank', width: 50 },
              { title: t('market.entries.project'), dataIndex: 'title', ellipsis: true },
              { title: t('market.results.computedPrize'), dataIndex: 'computedPrize', width: 90, render: (v: number | null) => prizeText(t, v) },
              {
                title: t('market.results.prize'),
                key: 'p',
                width: 120,
                render: (_: unknown, row) => (
                  <Select
                    size="small"
                    style={{ width: 110 }}
                    value={overrides[row.entryId]?.prize ?? row.prize ?? 0}
                    options={prizeOptions}
                    onChange={(v: number) => setOverrides((o) => ({ ...o, [row.entryId]: { prize: v || null, reason: o[row.entryId]?.reason ?? '' } }))}
                  />
                ),
              },
              {
                title: t('market.results.overrideReason'),
                key: 'r',
                width: 240,
                render: (_: unknown, row) =>
                  (overrides[row.entryId]?.prize ?? row.prize) !== row.computedPrize ? (
                    <Input size="small" value={overrides[row.entryId]?.reason ?? row.overrideReason ?? ''} onChange={(e) => setOverrides((o) => ({ ...o, [row.entryId]: { prize: o[row.entryId]?.prize ?? row.prize, reason: e.target.value } }))} />
                  ) : null,
              },
            ]}
          />
        </Form>
      </Modal>
    </Space>
  );
}
