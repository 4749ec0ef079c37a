import { PlusOutlined } from '@ant-design/icons';
import type { CustodianTransfer, Page } from '@niangjia/contracts';
import { App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Modal, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { useSearchParams } from 'react-router';
import { api } from '../../../shared/api';
import { formatDateTime, formatMoney } from '../../../shared/format';
import { applyServerErrors } from '../../../shared/form-errors';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { listPagination } from '../../components/list-pagination';
import { yuanToFen } from './fund-format';
import { ReconciliationView } from './CustodianReconciliation';
import { Statements } from './CustodianStatements';

type Tab = 'transfers' | 'statements' | 'reconciliation';

/** 爱心基金 ▸ 托管账户 (/fund/custodian): transfers to the third-party account, its statements, and the reconciliation. */
export function CustodianPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as Tab | null) ?? 'transfers';
  return (
    <Card title={t('fundAdmin.custodian.title')}>
      <Typography.Paragraph type="secondary">{t('fundAdmin.custodian.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          {
            key: 'transfers',
            label: t('fundAdmin.custodian.tabs.transfers'),
            children: tab === 'transfers' ? <Transfers /> : null,
          },
          {
            key: 'statements',
            label: t('fundAdmin.custodian.tabs.statements'),
            children: tab === 'statements' ? <Statements /> : null,
          },
          {
            key: 'reconciliation',
            label: t('fundAdmin.custodian.tabs.reconciliation'),
            children: tab === 'reconciliation' ? <ReconciliationView /> : null,
          },
        ]}
      />
    </Card>
  );
}

function Transfers() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [isRecording, setIsRecording] = useState(false);
  const list = useRequest((signal) => api.get<Page<CustodianTransfer>>('/fund-custodian/transfers', { page, pageSize }, { signal }), [page, pageSize]);
  return (
    <>
      {me.permissions.includes('fund.write') && (
        <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 16 }} onClick={() => setIsRecording(true)}>
          {t('fundAdmin.custodian.record')}
        </Button>
      )}
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <DataTable<CustodianTransfer>
        id="custodian-transfers"
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: <Empty description={t('fundAdmin.custodian.emptyTransfers')} />,
        }}
        pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          {
            title: t('fundAdmin.custodian.transferredOn'),
            key: 'transferredOn',
            dataIndex: 'transferredOn',
            width: 120,
          },
          {
            title: t('fundAdmin.custodian.reference'),
            key: 'reference',
            dataIndex: 'reference',
            width: 200,
          },
          {
            title: t('fundAdmin.custodian.amountFen'),
            key: 'amountFen',
            dataIndex: 'amountFen',
            width: 140,
            align: 'right',
            render: (v: number) => formatMoney(v),
          },
          {
            title: t('fundAdmin.custodian.note'),
            key: 'note',
            dataIndex: 'note',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('fundAdmin.custodian.importedAt'),
            key: 'createdAt',
            dataIndex: 'createdAt',
            width: 150,
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('fundAdmin.custodian.recordedBy'),
            key: 'createdByName',
            dataIndex: 'createdByName',
            width: 120,
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
      {isRecording && (
        <TransferModal
          onClose={() => setIsRecording(false)}
          onDone={(tr) => {
            setIsRecording(false);
            message.success(
              t('fundAdmin.custodian.recorded', {
                amount: formatMoney(tr.amountFen),
              }),
            );
            list.reload();
          }}
        />
      )}
    </>
  );
}

function TransferModal({ onClose, onDone }: { onClose: () => void; onDone: (t: CustodianTransfer) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{
    amount: number;
    transferredOn: Dayjs;
    reference: string;
    note?: string;
  }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const body = {
        amountFen: yuanToFen(v.amount),
        transferredOn: v.transferredOn.format('YYYY-MM-DD'),
        reference: v.reference.trim(),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      };
      onDone(await api.post<CustodianTransfer>('/fund-custodian/transfers', body));
    } catch (e) {
      applyServerErrors(form, e, ['transferredOn', 'reference', 'note'], {
        amountFen: 'amount',
      });
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('fundAdmin.custodian.record')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={t('common.save')}
      cancelText={t('actions.cancel')}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ transferredOn: dayjs() }}>
        <Form.Item name="amount" label={t('fundAdmin.custodian.amountFen')} rules={[{ required: true }]}>
          <InputNumber min={0.01} precision={2} prefix="¥" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="transferredOn" label={t('fundAdmin.custodian.transferredOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="reference" label={t('fundAdmin.custodian.reference')} rules={[{ required: true, max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="note" label={t('fundAdmin.custodian.note')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
