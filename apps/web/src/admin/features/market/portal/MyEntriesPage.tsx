import type { Entry, Project } from '@niangjia/contracts';
import { App, Button, Card, Empty, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import { useRequest } from '../../../../shared/use-request';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { prizeText, StatusTag } from '../parts';

type OpenSeason = { id: string; title: string; year: number; stage: string; callOpensAt: string; callClosesAt: string; isCallOpen: boolean };
type MyEntry = Entry & { season: { id: string; title: string; year: number; stage: string; isCallOpen: boolean; callClosesAt: string }; prize: number | null };

/** 服务商平台 ▸ 参加竞赛 (/portal/entries): enter approved projects while a call is open; reviews and prizes. */
export function MyEntriesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const seasons = useRequest((signal) => api.get<{ items: OpenSeason[] }>('/market/open-seasons', undefined, { signal }), []);
  const entries = useRequest((signal) => api.get<{ items: MyEntry[] }>('/market/my-entries', undefined, { signal }), []);
  const projects = useRequest((signal) => api.get<{ items: Project[] }>('/market/my-projects', undefined, { signal }), []);
  const [entering, setEntering] = useState<OpenSeason | null>(null);
  const [projectId, setProjectId] = useState<string | undefined>();
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t('market.common.saved'));
      entries.reload();
      return true;
    } catch (e) {
      message.error(errorText(e));
      return false;
    }
  };
  const approved = (projects.data?.items ?? []).filter((p) => p.current);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('market.portal.entries.open')}>
        {seasons.error ? <ErrorAlert error={seasons.error} onRetry={seasons.reload} /> : null}
        <List
          dataSource={seasons.data?.items ?? []}
          locale={{ emptyText: t('market.portal.entries.noSeasons') }}
          renderItem={(s) => (
            <List.Item
              actions={[
                s.isCallOpen ? (
                  <Button key="e" type="primary" onClick={() => setEntering(s)}>
                    {t('market.portal.entries.enter')}
                  </Button>
                ) : (
                  <Typography.Text key="n" type="secondary">
                    {t('market.portal.entries.notOpen')}
                  </Typography.Text>
                ),
              ]}
            >
              <List.Item.Meta title={`${s.year} · ${s.title}`} description={<Space><StatusTag kind="stage" value={s.stage} />{t('market.portal.entries.closes', { at: formatDateTime(s.callClosesAt) })}</Space>} />
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('market.portal.entries.mine')}>
        {entries.error ? <ErrorAlert error={entries.error} onRetry={entries.reload} /> : null}
        <Table<MyEntry>
          rowKey="id"
          loading={entries.loading}
          dataSource={entries.data?.items ?? []}
          pagination={false}
          scroll={{ x: 960 }}
          locale={{ emptyText: <Empty description={t('market.portal.entries.empty')} /> }}
          columns={[
            { title: t('market.seasons.fields.title'), key: 's', width: 260, ellipsis: { showTitle: true }, render: (_: unknown, e) => `${e.season.year} · ${e.season.title}` },
            { title: t('market.entries.number'), dataIndex: 'number', width: 70 },
            { title: t('market.entries.project'), dataIndex: ['project', 'title'], width: 200, ellipsis: { showTitle: true } },
            { title: t('market.entries.status'), dataIndex: 'status', width: 110, render: (v: string) => <StatusTag kind="entryStatus" value={v} /> },
            { title: t('market.common.reason'), dataIndex: 'reviewReason', ellipsis: { showTitle: true }, render: (v: string | null) => v ?? '—' },
            { title: t('market.results.prize'), dataIndex: 'prize', width: 100, render: (v: number | null) => (v ? <Tag color="red">{prizeText(t, v)}</Tag> : '—') },
            {
              title: t('common.actions'),
              key: 'a',
              width: 170,
              render: (_: unknown, e) =>
                e.season.isCallOpen && e.status === 'submitted' ? (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => void run(() => api.post(`/market/my-entries/${e.id}/change`, { version: e.version, action: 'refresh' }))}>
                      {t('market.portal.entries.refresh')}
                    </Button>
                    <Button type="link" size="small" danger onClick={() => void run(() => api.post(`/market/my-entries/${e.id}/change`, { version: e.version, action: 'withdraw' }))}>
                      {t('market.portal.entries.withdraw')}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        open={entering !== null}
        title={t('market.portal.entries.enterTitle', { title: entering?.title ?? '' })}
        onCancel={() => setEntering(null)}
        okButtonProps={{ disabled: !projectId }}
        onOk={() => void run(() => api.post(`/market/seasons/${entering!.id}/entries`, { projectId })).then((ok) => ok && setEntering(null))}
        okText={t('market.portal.entries.enter')}
        cancelText={t('actions.cancel')}
      >
        <Select style={{ width: '100%' }} placeholder={t('market.portal.entries.pickProject')} value={projectId} onChange={setProjectId} options={approved.map((p) => ({ value: p.id, label: `${p.current!.title}（${p.code}）` }))} />
      </Modal>
    </Space>
  );
}
