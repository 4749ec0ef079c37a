import { UserAddOutlined } from '@ant-design/icons';
import type { Member, Page, Rep, SeasonDetail } from '@niangjia/contracts';
import { App, Button, Empty, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../../shared/api';
import { useMe } from '../../../../shared/session';
import { useRequest } from '../../../../shared/use-request';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { listPagination } from '../../../components/list-pagination';
import { useScope } from '../../../layout/scope';

/** 职工代表: each union lists members of its own as representatives (a street admin sees and lists only theirs). */
export function RepsTab({ season }: { season: SeasonDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const list = useRequest((signal) => api.get<Page<Rep>>(`/market/seasons/${season.id}/reps`, { page, pageSize: 20, q: q || undefined }, { signal }), [season.id, page, q]);
  const canAdd = me.permissions.includes('market.write') && !season.confirmedAt && season.stage !== 'published';
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space>
        <Input.Search allowClear placeholder={t('market.reps.name')} onSearch={(v) => (setQ(v.trim()), setPage(1))} style={{ width: 220 }} />
        {canAdd && (
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
            {t('market.reps.add')}
          </Button>
        )}
        <Typography.Text type="secondary">{t('market.seasons.rules.votesPerRep')}：{season.votesPerRep}</Typography.Text>
      </Space>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<Rep>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('market.reps.empty')} /> }}
        pagination={listPagination(t, { page, pageSize: 20, total: list.data?.total ?? 0, showSizeChanger: false }, (p) => setPage(p))}
        columns={[
          { title: t('market.reps.name'), dataIndex: 'name', width: 120 },
          { title: t('market.reps.union'), dataIndex: ['union', 'name'], ellipsis: true },
          { title: t('market.reps.votes'), key: 'v', width: 90, render: (_: unknown, r) => `${r.votesUsed} / ${r.voteLimit}` },
          { title: t('market.reps.checkedIn'), dataIndex: 'checkedIn', width: 200, render: (v: string[]) => (v.length ? v.map((x) => <Tag key={x}>{x}</Tag>) : '—') },
          {
            title: t('common.actions'),
            key: 'a',
            width: 80,
            render: (_: unknown, r) =>
              canAdd && r.votesUsed === 0 ? (
                <Button
                  type="link"
                  size="small"
                  danger
                  onClick={() =>
                    void api.post(`/market/reps/${r.id}/remove`).then(
                      () => list.reload(),
                      (e: unknown) => message.error(errorText(e)),
                    )
                  }
                >
                  {t('market.reps.remove')}
                </Button>
              ) : null,
          },
        ]}
      />
      {adding && (
        <AddRepsModal
          seasonId={season.id}
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            list.reload();
          }}
        />
      )}
    </Space>
  );
}

function AddRepsModal({ seasonId, onClose, onAdded }: { seasonId: string; onClose: () => void; onAdded: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { scope } = useScope();
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const members = useRequest((signal) => api.get<Page<Member>>('/members', { q: q || undefined, status: 'active', orgId: scope?.id, pageSize: 50 }, { signal }), [q, scope?.id]);
  const add = async () => {
    setBusy(true);
    try {
      const r = await api.post<{ added: number; skipped: unknown[] }>(`/market/seasons/${seasonId}/reps`, { membershipIds: selected });
      message.success(t('market.reps.added', { n: r.added }));
      if (r.skipped.length) message.warning(t('market.reps.skipped', { n: r.skipped.length }));
      onAdded();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('market.reps.addTitle')} width={760} onCancel={onClose} onOk={() => void add()} okButtonProps={{ disabled: !selected.length }} confirmLoading={busy} okText={t('market.reps.add')} cancelText={t('actions.cancel')}>
      <Input.Search allowClear placeholder={t('market.reps.search')} onSearch={(v) => setQ(v.trim())} style={{ marginBottom: 12 }} />
      {members.error ? <ErrorAlert error={members.error} /> : null}
      <Table<Member>
        rowKey="id"
        size="small"
        loading={members.loading}
        dataSource={members.data?.items ?? []}
        pagination={false}
        scroll={{ y: 360 }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        columns={[
          { title: t('market.reps.name'), dataIndex: ['person', 'realName'], width: 110 },
          { title: t('market.reps.union'), dataIndex: ['org', 'name'], ellipsis: true },
          { title: '#', dataIndex: 'memberNumber', width: 150 },
        ]}
      />
    </Modal>
  );
}
