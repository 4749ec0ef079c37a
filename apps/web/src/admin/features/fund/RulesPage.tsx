import type { Fund, Page } from '@niangjia/contracts';
import { Alert, App, Button, Card, DatePicker, Empty, Form, InputNumber, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../shared/api';
import { formatMoney } from '../../../shared/format';
import { applyServerErrors } from '../../../shared/form-errors';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';

// Staff type yuan; the API takes fen.
type Values = {
  breakfastsPerDay: number;
  breakfastPrice: number;
  minBalance: number;
  defaultCardValidUntil: Dayjs | null;
  cardValidMonths: number;
};

/** 爱心基金 ▸ 基金规则 (/fund/rules): breakfasts per card per day, price, minimum balance, default validity. */
export function RulesPage() {
  const { t } = useTranslation();
  const funds = useRequest((signal) => api.get<Page<Fund>>('/funds', undefined, { signal }), []);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {funds.error ? <ErrorAlert error={funds.error} onRetry={funds.reload} /> : null}
      {funds.data && funds.data.items.length === 0 && (
        <Card>
          <Empty description={t('fundAdmin.noFund')} />
        </Card>
      )}
      {funds.data?.items.map((fund) => (
        <FundRulesCard key={fund.id} fund={fund} onSaved={funds.reload} />
      ))}
    </Space>
  );
}

function FundRulesCard({ fund, onSaved }: { fund: Fund; onSaved: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  // A street admin sees the district's fund as a slice: its rules are for reading.
  const canWrite = me.permissions.includes('fund.write') && fund.access === 'manage';
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    form.setFieldsValue({
      breakfastsPerDay: fund.breakfastsPerDay,
      breakfastPrice: fund.breakfastPriceFen / 100,
      minBalance: fund.minBalanceFen / 100,
      defaultCardValidUntil: fund.defaultCardValidUntil ? dayjs(fund.defaultCardValidUntil) : null,
      cardValidMonths: fund.cardValidMonths,
    });
  }, [fund, form]);

  const save = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      await api.patch<Fund>(`/funds/${fund.id}`, {
        version: fund.version,
        breakfastsPerDay: v.breakfastsPerDay,
        breakfastPriceFen: Math.round(v.breakfastPrice * 100),
        minBalanceFen: Math.round(v.minBalance * 100),
        defaultCardValidUntil: v.defaultCardValidUntil ? v.defaultCardValidUntil.format('YYYY-MM-DD') : null,
        cardValidMonths: v.cardValidMonths,
      });
      message.success(t('fundAdmin.rules.saved'));
      onSaved();
    } catch (e) {
      applyServerErrors(form, e, ['breakfastsPerDay', 'breakfastPrice', 'minBalance', 'defaultCardValidUntil', 'cardValidMonths'], { breakfastPriceFen: 'breakfastPrice', minBalanceFen: 'minBalance' });
      setError(e);
      if (e instanceof ApiError && e.isConflict) onSaved();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      title={`${t('fundAdmin.rules.title')} · ${fund.name}`}
      extra={
        <Typography.Text>
          {t('fundAdmin.rules.balance')}：
          <Typography.Text strong data-testid="fund-balance">
            {formatMoney(fund.balanceFen)}
          </Typography.Text>
        </Typography.Text>
      }
    >
      <Typography.Paragraph type="secondary">{t('fundAdmin.rules.intro')}</Typography.Paragraph>
      {fund.access === 'slice' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('fundAdmin.rules.sliceNote', { org: fund.orgName })} />}
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" style={{ maxWidth: 480 }} onFinish={(v) => void save(v)} disabled={!canWrite}>
        <Form.Item name="breakfastsPerDay" label={t('fundAdmin.rules.breakfastsPerDay')} rules={[{ required: true }]}>
          <InputNumber min={1} max={5} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="breakfastPrice" label={t('fundAdmin.rules.breakfastPriceFen')} rules={[{ required: true }]}>
          <InputNumber min={0.01} max={100} precision={2} prefix="¥" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="minBalance" label={t('fundAdmin.rules.minBalanceFen')} extra={t('fundAdmin.rules.minBalanceHint')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} prefix="¥" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="cardValidMonths" label={t('fundAdmin.rules.cardValidMonths')} extra={t('fundAdmin.rules.cardValidMonthsHint', { until: fund.nextCardValidUntil })} rules={[{ required: true }]}>
          <InputNumber min={1} max={60} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="defaultCardValidUntil" label={t('fundAdmin.rules.defaultCardValidUntil')} extra={t('fundAdmin.rules.defaultCardValidUntilHint')}>
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
        {canWrite && (
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
