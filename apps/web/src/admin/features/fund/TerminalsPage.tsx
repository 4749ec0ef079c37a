import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import type { FundShop, Page, PosTerminal, PosTerminalKey } from '@niangjia/contracts';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { useSearchParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { applyServerErrors } from '../../../shared/form-errors';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { listPagination } from '../../components/list-pagination';

/** 爱心基金 ▸ 收银终端 (/fund/terminals): register a till (key shown once), rotate its key, revoke it. */
export function TerminalsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message, modal } = App.useApp();
  const canWrite = me.permissions.includes('fund.write');
  const [params, setParams] = useSearchParams();
  const shopId = params.get('shopId') ?? undefined;
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [isRegistering, setIsRegistering] = useState(false);
  const [shownKey, setShownKey] = useState<PosTerminalKey | null>(null);

  const shops = useRequest((signal) => api.get<Page<FundShop>>('/fund-shops', { page: 1, pageSize: 100 }, { signal }), []);
  const list = useRequest((signal) => api.get<Page<PosTerminal>>('/pos-terminals', { shopId, page, pageSize }, { signal }), [shopId, page, pageSize]);
  const shopName = (id: string) => shops.data?.items.find((s) => s.id === id)?.name ?? '—';

  const rotate = (terminal: PosTerminal) =>
    modal.confirm({
      title: `${t('fundAdmin.terminals.rotate')}：${terminal.name}`,
      content: t('fundAdmin.terminals.rotateConfirm'),
      okText: t('fundAdmin.terminals.rotate'),
      cancelText: t('actions.cancel'),
      onOk: async () => {
        try {
          setShownKey(await api.post<PosTerminalKey>(`/pos-terminals/${terminal.id}/rotate`));
          list.reload();
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });
  const revoke = (terminal: PosTerminal) =>
    modal.confirm({
      title: `${t('fundAdmin.terminals.revoke')}：${terminal.name}`,
      content: t('fundAdmin.terminals.revokeConfirm'),
      okText: t('fundAdmin.terminals.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('actions.cancel'),
      onOk: async () => {
        try {
          await api.post<PosTerminal>(`/pos-terminals/${terminal.id}/revoke`);
          message.success(t('fundAdmin.terminals.revoked', { name: terminal.name }));
          list.reload();
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });

  return (
    <Card
      title={t('fundAdmin.terminals.title')}
      extra={
        <Space>
          <Select
            allowClear
            style={{ width: 240 }}
            placeholder={t('fundAdmin.terminals.allShops')}
            value={shopId}
            loading={shops.loading}
            onChange={(v: string | undefined) => {
              setParams(v ? { shopId: v } : {}, { replace: true });
              setPage(1);
            }}
            options={(shops.data?.items ?? []).map((s) => ({
              value: s.id,
              label: s.name,
            }))}
            data-testid="terminal-shop-filter"
          />
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsRegistering(true)}>
              {t('fundAdmin.terminals.register')}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('fundAdmin.terminals.intro')}</Typography.Paragraph>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <DataTable<PosTerminal>
        id="terminals"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: <Empty description={t('fundAdmin.terminals.empty')} />,
        }}
        pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          {
            title: t('fundAdmin.terminals.name'),
            key: 'name',
            dataIndex: 'name',
            width: 160,
          },
          {
            title: t('fundAdmin.terminals.shop'),
            key: 'shopId',
            dataIndex: 'shopId',
            width: 180,
            render: (v: string) => shopName(v),
          },
          {
            title: t('fundAdmin.terminals.keyId'),
            key: 'keyId',
            dataIndex: 'keyId',
            width: 200,
            render: (v: string) => (
              <Typography.Text code copyable>
                {v}
              </Typography.Text>
            ),
          },
          {
            title: t('fundAdmin.terminals.statusLabel'),
            key: 'status',
            dataIndex: 'status',
            width: 90,
            render: (v: PosTerminal['status']) => <Tag color={v === 'active' ? 'green' : v === 'suspended' ? 'orange' : 'red'}>{t(`fundAdmin.terminals.status.${v}`)}</Tag>,
          },
          {
            title: t('fundAdmin.terminals.keyCreatedAt'),
            key: 'keyCreatedAt',
            dataIndex: 'keyCreatedAt',
            width: 150,
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('fundAdmin.terminals.lastSeenAt'),
            key: 'lastSeenAt',
            dataIndex: 'lastSeenAt',
            width: 150,
            render: (v: string | null) => (v ? formatDateTime(v) : t('fundAdmin.terminals.never')),
          },
        ]}
        actions={(term) =>
          canWrite && term.status === 'active' ? (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => rotate(term)}>
                {t('fundAdmin.terminals.rotate')}
              </Button>
              <Button type="link" size="small" danger onClick={() => revoke(term)}>
                {t('fundAdmin.terminals.revoke')}
              </Button>
            </Space>
          ) : null
        }
      />
      {isRegistering && (
        <RegisterModal
          shops={shops.data?.items ?? []}
          shopId={shopId}
          onClose={() => setIsRegistering(false)}
          onRegistered={(key) => {
            setIsRegistering(false);
            setShownKey(key);
            list.reload();
          }}
        />
      )}
      {shownKey && <SecretModal shown={shownKey} onClose={() => setShownKey(null)} />}
    </Card>
  );
}

function RegisterModal({ shops, shopId, onClose, onRegistered }: { shops: FundShop[]; shopId: string | undefined; onClose: () => void; onRegistered: (key: PosTerminalKey) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ shopId: string; name: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      onRegistered(
        await api.post<PosTerminalKey>('/pos-terminals', {
          shopId: v.shopId,
          name: v.name.trim(),
        }),
      );
    } catch (e) {
      applyServerErrors(form, e, ['shopId', 'name']);
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('fundAdmin.terminals.register')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={t('fundAdmin.terminals.register')}
      cancelText={t('actions.cancel')}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ shopId }}>
        <Form.Item name="shopId" label={t('fundAdmin.terminals.shop')} rules={[{ required: true }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={shops.filter((s) => s.status === 'active').map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item name="name" label={t('fundAdmin.terminals.name')} rules={[{ required: true, max: 60 }]}>
          <Input placeholder={t('fundAdmin.terminals.namePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The key pair, once: the secret is not kept in the browser and the server keeps only what verifies it. */
function SecretModal({ shown, onClose }: { shown: PosTerminalKey; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`X-Pos-Key-Id: ${shown.keyId}\nSecret: ${shown.secret}`);
      message.success(t('fundAdmin.terminals.copied'));
    } catch {
      message.warning(t('fundAdmin.terminals.copyFailed'));
    }
  };
  return (
    <Modal
      open
      title={t('fundAdmin.terminals.secretTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      onCancel={onClose}
      footer={[
        <Button key="copy" icon={<CopyOutlined />} onClick={() => void copy()}>
          {t('fundAdmin.terminals.copy')}
        </Button>,
        <Button key="ok" type="primary" onClick={onClose}>
          {t('fundAdmin.terminals.saved')}
        </Button>,
      ]}
      width={640}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('fundAdmin.terminals.secretWarning')} />
      <Descriptions column={1} bordered size="small" data-testid="terminal-secret">
        <Descriptions.Item label={t('fundAdmin.terminals.name')}>{shown.terminal.name}</Descriptions.Item>
        <Descriptions.Item label={t('fundAdmin.terminals.keyId')}>
          <Typography.Text code data-testid="terminal-key-id">
            {shown.keyId}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('fundAdmin.terminals.secret')}>
          <Typography.Text code style={{ wordBreak: 'break-all' }} data-testid="terminal-secret-value">
            {shown.secret}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('fundAdmin.terminals.docs')}
      </Typography.Paragraph>
    </Modal>
  );
}
