import type { ContributionRule, FundShopDetail } from '@niangjia/contracts';
import { App, Button, Descriptions, Drawer, Empty, Form, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { api } from '../../../shared/api';
import { formatDateTime, formatMoney } from '../../../shared/format';
import { applyServerErrors } from '../../../shared/form-errors';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { describeRule } from './fund-format';
import { defaultRuleValues, RuleFields, toRuleInput, type RuleFormValues } from './RuleFields';

/** One shop: its station and operator, the rule in force and the rule history with effective dates. */
export function ShopDrawer({ shopId, canWrite, onClose, onChanged, onError }: { shopId: string; canWrite: boolean; onClose: () => void; onChanged: () => void; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const shop = useRequest((signal) => api.get<FundShopDetail>(`/fund-shops/${shopId}`, undefined, { signal }), [shopId]);
  const [isAddingRule, setIsAddingRule] = useState(false);
  const s = shop.data;

  const setStatus = (status: 'active' | 'closed') => {
    if (!s) return;
    const run = async () => {
      try {
        shop.setData(
          await api.patch<FundShopDetail>(`/fund-shops/${s.id}`, {
            version: s.version,
            status,
          }),
        );
        message.success(t('fundAdmin.shops.saved'));
        onChanged();
      } catch (e) {
        onError(e);
        shop.reload();
      }
    };
    if (status === 'closed')
      modal.confirm({
        title: t('fundAdmin.shops.close'),
        content: t('fundAdmin.shops.closeConfirm'),
        okText: t('fundAdmin.shops.close'),
        okButtonProps: { danger: true },
        cancelText: t('actions.cancel'),
        onOk: run,
      });
    else void run();
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={720}
      title={s ? `${s.name}（${s.code}）` : t('fundAdmin.shops.detail')}
      extra={
        s && canWrite ? (
          <Space>
            <Button onClick={() => setIsAddingRule(true)}>{t('fundAdmin.shops.addRule')}</Button>
            {s.status === 'active' ? (
              <Button danger onClick={() => setStatus('closed')}>
                {t('fundAdmin.shops.close')}
              </Button>
            ) : (
              <Button onClick={() => setStatus('active')}>{t('fundAdmin.shops.reopen')}</Button>
            )}
          </Space>
        ) : null
      }
    >
      {shop.error ? <ErrorAlert error={shop.error} onRetry={shop.reload} /> : null}
      {s && (
        <Space orientation="vertical" size={20} style={{ width: '100%' }}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('fundAdmin.shops.fields.position')}>
              {s.position.name}（{s.position.code}）
            </Descriptions.Item>
            <Descriptions.Item label={t('fundAdmin.shops.fields.operatorName')}>{s.operatorName}</Descriptions.Item>
            <Descriptions.Item label={t('fundAdmin.shops.fields.operatorCreditCode')}>{s.operatorCreditCode ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fundAdmin.shops.fields.status')}>
              <Tag color={s.status === 'active' ? 'green' : undefined}>{t(`fundAdmin.shops.status.${s.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('fundAdmin.shops.fields.rule')}>{describeRule(t, s.currentRule)}</Descriptions.Item>
            <Descriptions.Item label={t('fundAdmin.shops.fields.terminals')}>{s.terminalCount}</Descriptions.Item>
            <Descriptions.Item label={t('fundAdmin.shops.fields.total')}>{formatMoney(s.totalContributionFen)}</Descriptions.Item>
            <Descriptions.Item label={t('fundAdmin.shops.fields.createdAt')}>{formatDateTime(s.createdAt)}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('fundAdmin.shops.rules')}</Typography.Title>
            <DataTable<ContributionRule>
              id="shop-rules"
              columnSettings={false}
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={s.rules}
              data-testid="shop-rules"
              locale={{
                emptyText: <Empty description={t('fundAdmin.shops.noRules')} />,
              }}
              columns={[
                {
                  title: t('fundAdmin.rule.effectiveFrom'),
                  key: 'effectiveFrom',
                  dataIndex: 'effectiveFrom',
                  width: 130,
                },
                {
                  title: t('fundAdmin.rule.kind'),
                  key: 'rule',
                  render: (_: unknown, r) => describeRule(t, r),
                },
                {
                  title: '',
                  key: 'current',
                  width: 80,
                  render: (_: unknown, r) => (r.id === s.currentRule?.id ? <Tag color="green">{t('fundAdmin.rule.current')}</Tag> : null),
                },
                {
                  title: t('common.createdAt'),
                  key: 'createdAt',
                  dataIndex: 'createdAt',
                  width: 160,
                  render: (v: string) => formatDateTime(v),
                },
              ]}
            />
          </div>
        </Space>
      )}
      {isAddingRule && s && (
        <RuleModal
          shopId={s.id}
          onClose={() => setIsAddingRule(false)}
          onSaved={(next, from) => {
            setIsAddingRule(false);
            shop.setData(next);
            message.success(t('fundAdmin.shops.ruleAdded', { date: from }));
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}

function RuleModal({ shopId, onClose, onSaved }: { shopId: string; onClose: () => void; onSaved: (shop: FundShopDetail, from: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RuleFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const input = toRuleInput(v);
      onSaved(await api.post<FundShopDetail>(`/fund-shops/${shopId}/rules`, input), input.effectiveFrom);
    } catch (e) {
      applyServerErrors(form, e, ['kind', 'fixedFen', 'bps', 'capFen', 'effectiveFrom']);
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={t('fundAdmin.shops.addRule')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} okText={t('common.save')} cancelText={t('actions.cancel')} destroyOnHidden>
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={defaultRuleValues()}>
        <RuleFields />
      </Form>
    </Modal>
  );
}
