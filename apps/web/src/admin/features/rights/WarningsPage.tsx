import type { Page, Warning } from '@niangjia/contracts';
import { App, Button, Card, Empty, Form, Input, Modal, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { listPagination } from '../../components/list-pagination';
import { useScope } from '../../layout/scope';

/** 维权 ▸ 劳动关系预警 (/rights/warnings): warnings raised by quarterly forms, routed to the responsible street union. */
export function WarningsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const { scope } = useScope();
  const [status, setStatus] = useState<'open' | 'handled' | 'all'>('open');
  const [page, setPage] = useState(1);
  const [handling, setHandling] = useState<Warning | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const list = useRequest((signal) => api.get<Page<Warning>>('/rights/warnings', { status: status === 'all' ? undefined : status, orgId: scope?.id, page, pageSize: 20 }, { signal }), [status, scope?.id, page]);
  return (
    <Card title={t('rights.warnings.title')} extra={<Segmented value={status} onChange={(v) => (setStatus(v as typeof status), setPage(1))} options={[{ value: 'open', label: t('rights.warnings.open') }, { value: 'handled', label: t('rights.warnings.handled') }, { value: 'all', label: t('rights.common.all') }]} />}>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<Warning>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty description={t('rights.warnings.empty')} /> }}
        pagination={listPagination(t, { page, pageSize: 20, total: list.data?.total ?? 0, showSizeChanger: false }, (p) => setPage(p))}
        columns={[
          { title: t('rights.warnings.point'), key: 'p', width: 240, render: (_: unknown, w) => w.point.enterpriseName },
          { title: t('rights.common.org'), key: 'o', width: 150, render: (_: unknown, w) => w.org.name },
          { title: t('rights.warnings.quarter'), dataIndex: 'quarter', width: 90 },
          { title: t('rights.warnings.measure'), dataIndex: 'measure', width: 150, render: (m: string) => t(`rights.measures.${m}`) },
          { title: t('rights.warnings.value'), key: 'v', width: 130, render: (_: unknown, w) => `${w.value} (${t(`rights.ops.${w.op}`)} ${w.threshold})` },
          { title: t('rights.warnings.level'), dataIndex: 'level', width: 100, render: (l: string) => <Tag color={l === 'red' ? 'red' : 'gold'}>{t(`rights.levels.${l}`)}</Tag> },
          { title: t('rights.warnings.raisedAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
          { title: t('rights.warnings.handlingNote'), key: 'h', width: 220, render: (_: unknown, w) => (w.status === 'handled' ? `${w.handlingNote ?? ''} ${w.handledByName ?? ''}` : <Tag color="red">{t('rights.warnings.open')}</Tag>) },
          {
            title: t('rights.common.actions'),
            key: 'a',
            width: 80,
            fixed: 'right',
            render: (_: unknown, w) =>
              w.status === 'open' && me.permissions.includes('rights.write') ? (
                <Button type="link" size="small" onClick={() => setHandling(w)}>
                  {t('rights.warnings.handle')}
                </Button>
              ) : null,
          },
        ]}
      />
      {handling && (
        <Modal
          open
          title={`${t('rights.warnings.handle')} · ${handling.point.enterpriseName}`}
          onCancel={() => setHandling(null)}
          onOk={async () => {
            const v = await form.validateFields();
            try {
              await api.post(`/rights/warnings/${handling.id}/handle`, v);
              message.success(t('rights.common.saved'));
              setHandling(null);
              form.resetFields();
              list.reload();
            } catch (e) {
              message.error(e instanceof Error ? e.message : String(e));
            }
          }}
        >
          <Form form={form} layout="vertical">
            <Form.Item name="note" label={t('rights.warnings.handlingNote')} rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          </Form>
        </Modal>
      )}
      <Space />
    </Card>
  );
}
