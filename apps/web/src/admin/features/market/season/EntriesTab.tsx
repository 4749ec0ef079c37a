import type { Entry, Page, ProviderDetail, SeasonDetail } from '@niangjia/contracts';
import { entryStatuses } from '@niangjia/contracts/market-domain';
import { App, Button, Empty, Form, Input, InputNumber, Modal, Segmented, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import { useRequest } from '../../../../shared/use-request';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { listPagination } from '../../../components/list-pagination';
import { StatusTag, TrackRecordCard } from '../parts';

/** 参赛项目: 初审 (pass / fail with reasons) and, at the roadshow, the finalists and their pitching order. */
export function EntriesTab({ season, canRun, onChanged }: { season: SeasonDetail; canRun: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<string>(season.stage === 'final' || season.stage === 'published' ? 'finalist' : '');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [failing, setFailing] = useState<Entry | null>(null);
  const [record, setRecord] = useState<string | null>(null);
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const list = useRequest((signal) => api.get<Page<Entry>>(`/market/seasons/${season.id}/entries`, { status: status || undefined, q: q || undefined, page, pageSize }, { signal }), [season.id, status, q, page, pageSize]);
  const provider = useRequest((signal) => (record ? api.get<ProviderDetail>(`/market/providers/${record}`, undefined, { signal }) : Promise.resolve(undefined)), [record]);

  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t('market.common.saved'));
      list.reload();
      onChanged();
    } catch (e) {
      message.error(errorText(e));
      list.reload();
    }
  };
  const review = (e: Entry, decision: 'pass' | 'fail', reason?: string) => act(() => api.post(`/market/entries/${e.id}/review`, { version: e.version, decision, ...(reason ? { reason } : {}) }));
  const finalist = (e: Entry, isFinalist: boolean, pitchOrder?: number | null) => act(() => api.post(`/market/entries/${e.id}/finalist`, { version: e.version, isFinalist, pitchOrder: pitchOrder ?? null }));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(String(v));
            setPage(1);
          }}
          options={[{ value: '', label: t('market.entries.filterAll') }, ...entryStatuses.filter((s) => s !== 'withdrawn').map((s) => ({ value: s, label: t(`marketTerms.entryStatus.${s}`) }))]}
        />
        <Input.Search allowClear placeholder={t('market.projects.keywordPlaceholder')} onSearch={(v) => (setQ(v.trim()), setPage(1))} style={{ width: 260 }} />
      </Space>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<Entry>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1050 }}
        locale={{ emptyText: <Empty description={t('market.entries.empty')} /> }}
        pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => (setPage(p), setPageSize(s)))}
        columns={[
          { title: t('market.entries.number'), dataIndex: 'number', width: 70 },
          { title: t('market.entries.project'), dataIndex: ['project', 'title'], width: 260, fixed: 'left', ellipsis: { showTitle: true } },
          { title: t('market.projects.fields.category'), dataIndex: ['project', 'category'], width: 90, render: (v: string) => t(`marketTerms.category.${v}`) },
          { title: t('market.entries.provider'), dataIndex: ['provider', 'name'], width: 200, ellipsis: { showTitle: true }, render: (v: string, e) => <a onClick={() => setRecord(e.provider.id)}>{v}</a> },
          { title: t('market.entries.status'), dataIndex: 'status', width: 110, render: (v: string, e) => <span title={e.reviewReason ?? undefined}><StatusTag kind="entryStatus" value={v} /></span> },
          { title: t('market.common.reason'), dataIndex: 'reviewReason', width: 180, ellipsis: { showTitle: true }, render: (v: string | null) => v ?? '—' },
          { title: t('market.entries.pitchOrder'), dataIndex: 'pitchOrder', width: 90, render: (v: number | null, e) => (canRun && season.stage === 'roadshow' && e.status === 'finalist' ? <InputNumber size="small" min={1} max={500} defaultValue={v ?? undefined} onBlur={(ev) => void finalist(e, true, Number(ev.target.value) || null)} /> : (v ?? '—')) },
          { title: t('market.entries.submittedAt'), dataIndex: 'submittedAt', width: 140, render: (v: string) => formatDateTime(v) },
          {
            title: t('common.actions'),
            key: 'a',
            width: 170,
            fixed: 'right',
            render: (_: unknown, e) =>
              !canRun ? null : season.stage === 'review' ? (
                <Space size={0}>
                  <Button type="link" size="small" disabled={e.status === 'passed'} onClick={() => void review(e, 'pass')}>
                    {t('market.entries.pass')}
                  </Button>
                  <Button type="link" size="small" danger disabled={e.status === 'failed'} onClick={() => setFailing(e)}>
                    {t('market.entries.fail')}
                  </Button>
                </Space>
              ) : season.stage === 'roadshow' && (e.status === 'passed' || e.status === 'finalist') ? (
                <Button type="link" size="small" onClick={() => void finalist(e, e.status !== 'finalist')}>
                  {e.status === 'finalist' ? t('market.entries.finalistOut') : t('market.entries.finalistIn')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={failing !== null}
        title={t('market.entries.failTitle', { title: failing?.project.title ?? '' })}
        onCancel={() => setFailing(null)}
        onOk={() =>
          void reasonForm.validateFields().then(async (v) => {
            await review(failing!, 'fail', v.reason);
            setFailing(null);
          })
        }
        okText={t('actions.confirm')}
        cancelText={t('actions.cancel')}
        destroyOnHidden
      >
        <Form form={reasonForm} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('market.common.reason')} rules={[{ required: true, message: t('market.common.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} placeholder={t('market.entries.failPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={record !== null} title={provider.data?.name ?? t('market.entries.record')} footer={null} width={720} onCancel={() => setRecord(null)}>
        {provider.error ? <ErrorAlert error={provider.error} /> : null}
        {provider.data && <TrackRecordCard record={provider.data.trackRecord} />}
      </Modal>
    </Space>
  );
}
