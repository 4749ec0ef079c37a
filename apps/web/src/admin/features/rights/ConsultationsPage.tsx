import type { Consultation, Page } from '@niangjia/contracts';
import { consultationChannels, consultationStatuses, disputeCategories } from '@niangjia/contracts/rights-domain';
import { Button, Card, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterForm } from '../../components/FilterForm';
import { listPagination } from '../../components/list-pagination';
import { useScope } from '../../layout/scope';
import { ConsultationDrawer, RecordConsultationModal } from './ConsultationDrawer';
import { ConsultationStatusTag } from './rights-ui';

type Filters = { status?: string; channel?: string; category?: string; q?: string };

/** 维权 ▸ 法律咨询 (/rights/consultations): walk-in, 12351 and online questions in scope; answer, follow up, make a case. */
export function ConsultationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const canWrite = me.permissions.includes('rights.write');
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  // A 待办 or a message links here with ?id= to open that consultation.
  const [params] = useSearchParams();
  const [openId, setOpenId] = useState<string | null>(params.get('id'));
  const [isRecording, setRecording] = useState(false);
  const list = useRequest((signal) => api.get<Page<Consultation>>('/rights/consultations', { ...filters, orgId: scope?.id, page, pageSize }, { signal }), [JSON.stringify(filters), scope?.id, page, pageSize]);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <FilterForm<Filters>
        onSearch={(v) => {
          setFilters(v);
          setPage(1);
        }}
      >
        <Form.Item name="status" label={t('rights.consultations.status')}>
          <Select allowClear style={{ width: 110 }} placeholder={t('rights.common.all')} options={consultationStatuses.map((s) => ({ value: s, label: t(`rights.consultationStatuses.${s}`) }))} />
        </Form.Item>
        <Form.Item name="channel" label={t('rights.consultations.channel')}>
          <Select allowClear style={{ width: 130 }} placeholder={t('rights.common.all')} options={consultationChannels.map((c) => ({ value: c, label: t(`rights.channels.${c}`) }))} />
        </Form.Item>
        <Form.Item name="category" label={t('rights.consultations.category')}>
          <Select allowClear style={{ width: 130 }} placeholder={t('rights.common.all')} options={disputeCategories.map((c) => ({ value: c, label: t(`rights.categories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="q">
          <Input allowClear placeholder={t('rights.common.keyword')} style={{ width: 200 }} />
        </Form.Item>
      </FilterForm>
      <Card
        title={t('rights.consultations.title')}
        extra={
          canWrite && (
            <Button type="primary" onClick={() => setRecording(true)}>
              {t('rights.consultations.record')}
            </Button>
          )
        }
      >
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <Table<Consultation>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1295 }}
          locale={{ emptyText: <Empty description={t('rights.consultations.empty')} /> }}
          pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => {
            setPage(p);
            setPageSize(s);
          })}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('rights.consultations.number'), dataIndex: 'number', width: 165, fixed: 'left' },
            { title: t('rights.consultations.askedAt'), dataIndex: 'askedAt', width: 140, render: (v: string) => formatDateTime(v) },
            { title: t('rights.consultations.channel'), dataIndex: 'channel', width: 110, render: (c: string) => <Tag>{t(`rights.channels.${c}`)}</Tag> },
            { title: t('rights.consultations.category'), dataIndex: 'category', width: 110, render: (c: string) => t(`rights.categories.${c}`) },
            { title: t('rights.consultations.question'), dataIndex: 'question', width: 280, ellipsis: true, render: (v: string) => <Typography.Text ellipsis={{ tooltip: v }}>{v}</Typography.Text> },
            { title: t('rights.consultations.asker'), key: 'asker', width: 120, render: (_: unknown, r) => (r.isAnonymous ? <Tag>{t('rights.consultations.anonymous')}</Tag> : (r.askerName ?? '—')) },
            { title: t('rights.common.org'), key: 'org', width: 150, ellipsis: true, render: (_: unknown, r) => r.org.name },
            { title: t('rights.consultations.status'), dataIndex: 'status', width: 100, render: (s: string) => <ConsultationStatusTag status={s} /> },
            {
              title: t('rights.common.actions'),
              key: 'a',
              width: 80,
              fixed: 'right',
              render: (_: unknown, r) => (
                <Button type="link" size="small" onClick={() => setOpenId(r.id)} data-testid={`open-${r.number}`}>
                  {t('rights.common.view')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {openId && <ConsultationDrawer id={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />}
      {isRecording && (
        <RecordConsultationModal
          onClose={() => setRecording(false)}
          onDone={(c) => {
            setRecording(false);
            list.reload();
            setOpenId(c.id);
          }}
        />
      )}
    </Space>
  );
}
