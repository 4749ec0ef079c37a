import { UserAddOutlined } from '@ant-design/icons';
import type { Judge, SeasonDetail } from '@niangjia/contracts';
import { Alert, App, Button, Dropdown, Empty, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, errorText } from '../../../../shared/api';
import { applyServerErrors } from '../../../../shared/form-errors';
import { useRequest } from '../../../../shared/use-request';
import { ErrorAlert } from '../../../components/ErrorAlert';

type Cell = { judgeId: string; entryId: string; isAssigned: boolean; state: 'none' | 'draft' | 'sealed' | 'recused'; scoreId: string | null; total: number | null; recusal: { by: 'judge' | 'staff'; reason: string } | null };
type Matrix = { judges: { id: string; name: string }[]; entries: { id: string; number: number; title: string }[]; cells: Cell[] };

const STATE_COLOR: Record<string, string> = { sealed: 'green', draft: 'gold', recused: 'purple', none: 'default', unassigned: 'default' };

/** 评委与评分: invite judges by phone; the judges × finalists matrix with recusal, assignment and reopening. */
export function JudgesTab({ season }: { season: SeasonDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const judges = useRequest((signal) => api.get<{ items: Judge[] }>(`/market/seasons/${season.id}/judges`, undefined, { signal }), [season.id]);
  const matrix = useRequest((signal) => api.get<Matrix>(`/market/seasons/${season.id}/scores`, undefined, { signal }), [season.id]);
  const [inviting, setInviting] = useState(false);
  const [asking, setAsking] = useState<{ kind: 'reopen' | 'recuse'; cell: Cell } | null>(null);
  const [form] = Form.useForm<{ phone: string; name: string; affiliation?: string }>();
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const reload = () => {
    judges.reload();
    matrix.reload();
  };
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t('market.common.saved'));
      reload();
      return true;
    } catch (e) {
      message.error(errorText(e));
      return false;
    }
  };
  const judgeName = (id: string) => matrix.data?.judges.find((j) => j.id === id)?.name ?? '';
  const entryTitle = (id: string) => matrix.data?.entries.find((e) => e.id === id)?.title ?? '';

  const invite = async (v: { phone: string; name: string; affiliation?: string }) => {
    try {
      const j = await api.post<Judge>(`/market/seasons/${season.id}/judges`, v);
      message.success(t('market.judges.invited', { name: j.name }));
      setInviting(false);
      reload();
    } catch (e) {
      const unplaced = applyServerErrors(form, e, ['phone', 'name', 'affiliation']);
      if (!(e instanceof ApiError) || !e.errors.length || unplaced.length) message.error(errorText(e));
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {judges.error ? <ErrorAlert error={judges.error} onRetry={judges.reload} /> : null}
      <Table<Judge>
        rowKey="id"
        size="small"
        loading={judges.loading}
        dataSource={judges.data?.items ?? []}
        pagination={false}
        title={() => (
          <Space>
            <Typography.Text strong>{t('market.seasons.fields.judges')}</Typography.Text>
            {season.stage !== 'published' && (
              <Button size="small" icon={<UserAddOutlined />} onClick={() => setInviting(true)}>
                {t('market.judges.invite')}
              </Button>
            )}
          </Space>
        )}
        locale={{ emptyText: <Empty description={t('market.judges.empty')} /> }}
        columns={[
          { title: t('market.judges.name'), dataIndex: 'name', width: 120 },
          { title: t('market.judges.affiliation'), dataIndex: 'affiliation', ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: t('market.judges.phone'), dataIndex: 'phoneMasked', width: 130 },
          { title: t('market.judges.assigned'), dataIndex: 'assigned', width: 70, align: 'right' },
          { title: t('market.judges.sealed'), dataIndex: 'sealed', width: 70, align: 'right' },
          { title: t('market.judges.recusals'), dataIndex: 'recusals', width: 70, align: 'right' },
          { title: t('market.common.status'), dataIndex: 'status', width: 80, render: (v: string) => (v === 'active' ? <Tag color="green">✓</Tag> : <Tag>{t('market.judges.remove')}</Tag>) },
          {
            title: t('common.actions'),
            key: 'a',
            width: 80,
            render: (_: unknown, j) =>
              j.status === 'active' && !season.confirmedAt ? (
                <Button type="link" size="small" danger onClick={() => Modal.confirm({ title: t('market.judges.removeConfirm', { name: j.name }), onOk: () => run(() => api.post(`/market/judges/${j.id}/remove`)) })}>
                  {t('market.judges.remove')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('market.judges.matrix')}
      </Typography.Title>
      {season.stage === 'final' || season.stage === 'published' ? (
        <>
          <Alert type="info" showIcon title={t('market.judges.matrixNote')} />
          {matrix.error ? <ErrorAlert error={matrix.error} onRetry={matrix.reload} /> : null}
          <Table<Matrix['entries'][number]>
            rowKey="id"
            size="small"
            bordered
            loading={matrix.loading}
            pagination={false}
            scroll={{ x: 240 + (matrix.data?.judges.length ?? 0) * 110 }}
            dataSource={matrix.data?.entries ?? []}
            data-testid="score-matrix"
            columns={[
              { title: t('market.entries.project'), key: 'e', width: 240, fixed: 'left', ellipsis: { showTitle: true }, render: (_: unknown, e) => `${e.number}. ${e.title}` },
              ...(matrix.data?.judges ?? []).map((j) => ({
                title: j.name,
                key: j.id,
                width: 110,
                align: 'center' as const,
                render: (_: unknown, e: Matrix['entries'][number]) => {
                  const cell = matrix.data!.cells.find((c) => c.judgeId === j.id && c.entryId === e.id)!;
                  const state = cell.state === 'none' && !cell.isAssigned ? 'unassigned' : cell.state;
                  const items = [
                    ...(cell.state === 'sealed' && !season.confirmedAt ? [{ key: 'reopen', label: t('market.judges.reopen') }] : []),
                    ...(cell.state !== 'recused' && !season.confirmedAt ? [{ key: 'recuse', label: t('market.judges.recuse') }] : []),
                    ...(!season.confirmedAt ? [{ key: 'assign', label: cell.isAssigned ? t('market.judges.unassign') : t('market.judges.assign') }] : []),
                  ];
                  const tag = (
                    <Tag color={STATE_COLOR[state]} title={cell.recusal?.reason}>
                      {cell.total !== null && cell.state !== 'recused' ? cell.total.toFixed(1) : t(`market.judges.state.${state}`)}
                    </Tag>
                  );
                  return items.length ? (
                    <Dropdown
                      trigger={['click']}
                      menu={{
                        items,
                        onClick: ({ key }) => {
                          if (key === 'assign') void run(() => api.post(`/market/seasons/${season.id}/assignments`, { judgeId: j.id, entryId: e.id, isAssigned: !cell.isAssigned }));
                          else setAsking({ kind: key as 'reopen' | 'recuse', cell });
                        },
                      }}
                    >
                      <a>{tag}</a>
                    </Dropdown>
                  ) : (
                    tag
                  );
                },
              })),
            ]}
          />
        </>
      ) : (
        <Empty description={t('market.judges.noFinal')} />
      )}
      <Modal open={inviting} title={t('market.judges.invite')} onCancel={() => setInviting(false)} onOk={() => form.submit()} okText={t('actions.confirm')} cancelText={t('actions.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => void invite(v)}>
          <Form.Item name="phone" label={t('market.judges.phone')} rules={[{ required: true, pattern: /^1[3-9]\d{9}$/ }]}>
            <Input maxLength={11} inputMode="numeric" />
          </Form.Item>
          <Form.Item name="name" label={t('market.judges.name')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="affiliation" label={t('market.judges.affiliation')}>
            <Input maxLength={80} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={asking !== null}
        title={asking ? t(asking.kind === 'reopen' ? 'market.judges.reopenTitle' : 'market.judges.recuseTitle', { judge: judgeName(asking.cell.judgeId), entry: entryTitle(asking.cell.entryId) }) : ''}
        onCancel={() => setAsking(null)}
        onOk={() =>
          void reasonForm.validateFields().then(async (v) => {
            const ok = await run(() =>
              asking!.kind === 'reopen' ? api.post(`/market/scores/${asking!.cell.scoreId}/reopen`, { reason: v.reason }) : api.post(`/market/seasons/${season.id}/recusals`, { judgeId: asking!.cell.judgeId, entryId: asking!.cell.entryId, reason: v.reason }),
            );
            if (ok) setAsking(null);
          })
        }
        okText={t('actions.confirm')}
        cancelText={t('actions.cancel')}
        destroyOnHidden
      >
        <Form form={reasonForm} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('market.common.reason')} rules={[{ required: true, min: 2, message: t('market.common.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={300} placeholder={asking?.kind === 'reopen' ? t('market.judges.reopenPlaceholder') : t('market.judges.recusePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
