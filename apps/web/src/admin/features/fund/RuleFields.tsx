import { DatePicker, Form, InputNumber, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ContributionRuleInput } from '@niangjia/contracts';

export type RuleFormValues = {
  kind: 'fixed' | 'bps';
  fixedFen?: number;
  bps?: number;
  capFen?: number | null;
  effectiveFrom: Dayjs;
};

export const defaultRuleValues = (): RuleFormValues => ({
  kind: 'fixed',
  fixedFen: 10,
  effectiveFrom: dayjs(),
});

/** The form's values as the API's ContributionRuleInput. */
export function toRuleInput(v: RuleFormValues): ContributionRuleInput {
  const effectiveFrom = v.effectiveFrom.format('YYYY-MM-DD');
  if (v.kind === 'fixed') return { kind: 'fixed', fixedFen: v.fixedFen ?? 10, effectiveFrom };
  return {
    kind: 'bps',
    bps: v.bps ?? 0,
    capFen: v.capFen ?? null,
    effectiveFrom,
  };
}

/** Fixed fen per sale, or basis points with an optional cap; effective from a day. Names sit under `prefix`. */
export function RuleFields({ prefix = [] }: { prefix?: string[] }) {
  const { t } = useTranslation();
  const name = (n: string) => [...prefix, n];
  return (
    <>
      <Form.Item name={name('kind')} label={t('fundAdmin.rule.kind')} rules={[{ required: true }]}>
        <Radio.Group
          options={(['fixed', 'bps'] as const).map((k) => ({
            value: k,
            label: t(`fundAdmin.rule.kinds.${k}`),
          }))}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) =>
          getFieldValue(name('kind')) === 'bps' ? (
            <>
              <Form.Item name={name('bps')} label={t('fundAdmin.rule.bps')} extra={t('fundAdmin.rule.bpsHint')} rules={[{ required: true }]}>
                <InputNumber min={1} max={10000} precision={0} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name={name('capFen')} label={t('fundAdmin.rule.capFen')} extra={t('fundAdmin.rule.capHint')}>
                <InputNumber min={1} max={100000} precision={0} style={{ width: 200 }} />
              </Form.Item>
            </>
          ) : (
            <Form.Item name={name('fixedFen')} label={t('fundAdmin.rule.fixedFen')} extra={t('fundAdmin.rule.fixedHint')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: 200 }} />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name={name('effectiveFrom')} label={t('fundAdmin.rule.effectiveFrom')} extra={t('fundAdmin.rule.effectiveHint')} rules={[{ required: true }]}>
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
    </>
  );
}
