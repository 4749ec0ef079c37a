import type { Division, MyMembership } from '@niangjia/contracts';
import { Button, Checkbox, CheckList, Form, Input, Popup, Selector } from 'antd-mobile';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { isValidCreditCode } from '../../../shared/domain';
import { EMPLOYMENT_FORMS, idNumberRules, isGigEmployment, PHONE_INPUT_MAX, phoneRule, type EmploymentForm } from '../../../shared/members';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';

/** The county whose streets the form offers (Jiangbei, the reference deployment). */
const COUNTY_CODE = '500105';

/** The fields of the real-name form, as the server's person record names them. */
export const REAL_NAME_FIELDS = ['realName', 'idNumber', 'phone', 'employmentForm', 'employerName', 'employerCreditCode', 'isMigrant', 'homeStreetCode'];

export type RealNameValues = {
  realName: string;
  idNumber: string;
  phone?: string;
  employmentForm: EmploymentForm;
  employerName?: string;
  employerCreditCode?: string;
  isMigrant: boolean;
  homeStreetCode?: string;
};

type RealNameFormProps = {
  form: ReturnType<typeof Form.useForm<RealNameValues>>[0];
  /** What the worker sent last time (a rejected or former member), to start from. */
  prefill: MyMembership['person'];
  onFinish: (values: RealNameValues) => void;
  /** The line above the fields; the joining text by default. */
  intro?: ReactNode;
  submitLabel?: string;
  submitting?: boolean;
  /** Shown above the submit button, e.g. the server's answer to the last try. */
  notice?: ReactNode;
};

/**
 * 实名信息: the members module's real-name form, shared by joining a union (入会) and by any page
 * that needs a verified person first (the smart-station door). One form, so both ask the same way.
 */
export function RealNameForm({ form, prefill, onFinish, intro, submitLabel, submitting = false, notice }: RealNameFormProps) {
  const { t } = useTranslation();
  const me = useMe();
  const accountPhone = me.user.phoneMasked;
  const [otherPhone, setOtherPhone] = useState(!accountPhone);
  const employmentForm = Form.useWatch('employmentForm', form);
  const gig = employmentForm ? isGigEmployment(employmentForm) : false;
  const streets = useRequest((signal) => api.get<Division[]>('/divisions', { parent: COUNTY_CODE }, { signal }), []);

  useEffect(() => {
    if (!prefill) return;
    // A rejected or former member starts from what they sent last time (the ID number is never sent back in full).
    form.setFieldsValue({
      realName: prefill.realName,
      employmentForm: prefill.employmentForm,
      employerName: prefill.employerName ?? '',
      employerCreditCode: prefill.employerCreditCode ?? '',
      isMigrant: prefill.isMigrant,
      ...(prefill.homeStreetCode ? { homeStreetCode: prefill.homeStreetCode } : {}),
    });
  }, [prefill, form]);

  return (
    <Form
      form={form}
      layout="vertical"
      mode="card"
      initialValues={{ isMigrant: false }}
      onFinish={(v: RealNameValues) => onFinish(v)}
      footer={
        <>
          {notice}
          <Button block type="submit" color="primary" size="large" loading={submitting}>
            {submitLabel ?? t('join.next')}
          </Button>
          <p className="nj-muted" style={{ fontSize: 13, margin: '12px 4px 0' }}>{t('join.consent')}</p>
        </>
      }
    >
      <Form.Header>{intro ?? t('join.intro')}</Form.Header>
      <Form.Item
        name="realName"
        label={t('join.realName')}
        rules={[
          { required: true, whitespace: true, message: t('join.realNameRequired') },
          { min: 2, max: 40, message: t('join.realNameLength') },
        ]}
      >
        <Input placeholder={t('join.realNamePlaceholder')} autoComplete="name" clearable />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('join.idNumber')}
        required
        description={t('join.idNumberHint')}
        validateTrigger={['onChange', 'onBlur']}
        rules={idNumberRules()}
      >
        <Input placeholder={t('join.idNumberPlaceholder')} maxLength={18} autoComplete="off" clearable />
      </Form.Item>
      {otherPhone ? (
        <Form.Item
          name="phone"
          label={t('join.phone')}
          rules={[{ required: true, message: t('members.phoneFormat') }, phoneRule(t('members.phoneFormat'))]}
          extra={
            accountPhone ? (
              <button type="button" className="nj-link-button" onClick={() => { setOtherPhone(false); form.setFieldValue('phone', undefined); }}>
                {t('join.phoneUseAccount')}
              </button>
            ) : undefined
          }
        >
          <Input type="tel" inputMode="tel" maxLength={PHONE_INPUT_MAX} placeholder={t('join.phonePlaceholder')} clearable />
        </Form.Item>
      ) : (
        <Form.Item
          label={t('join.phone')}
          extra={
            <button type="button" className="nj-link-button" onClick={() => setOtherPhone(true)}>
              {t('join.phoneOther')}
            </button>
          }
        >
          <span data-testid="join-phone" style={{ fontSize: 17 }}>{t('join.phoneFromAccount', { phone: accountPhone })}</span>
        </Form.Item>
      )}
      <Form.Item name="employmentForm" label={t('join.employmentForm')} rules={[{ required: true, message: t('join.employmentFormRequired') }]}>
        <EmploymentFormField />
      </Form.Item>
      <Form.Item name="employerName" label={t('join.employerName')} rules={[{ required: !gig && !!employmentForm, whitespace: true, message: t('join.employerNamePlaceholder') }, { max: 100 }]}>
        <Input placeholder={gig ? t('join.employerNameGigPlaceholder') : t('join.employerNamePlaceholder')} clearable />
      </Form.Item>
      <Form.Item
        name="employerCreditCode"
        label={t('join.employerCreditCode')}
        normalize={(v: string | undefined) => v?.toUpperCase().replace(/\s+/g, '')}
        rules={[{ validator: async (_, v: string | undefined) => { if (v && !isValidCreditCode(v)) throw new Error(t('members.creditCodeFormat')); } }]}
      >
        <Input placeholder={t('join.employerCreditCodePlaceholder')} maxLength={18} autoComplete="off" clearable />
      </Form.Item>
      <Form.Item
        name="homeStreetCode"
        label={t('join.street')}
        description={gig ? t('join.streetHint') : undefined}
        rules={[{ required: gig, message: t('join.streetRequiredGig') }]}
      >
        <StreetField streets={streets.data ?? []} failed={!!streets.error} />
      </Form.Item>
      <Form.Item name="isMigrant" valuePropName="checked">
        <Checkbox className="nj-checkbox">{t('join.isMigrant')}</Checkbox>
      </Form.Item>
    </Form>
  );
}

function EmploymentFormField({ value, onChange }: { value?: EmploymentForm; onChange?: (v: EmploymentForm | undefined) => void }) {
  const { t } = useTranslation();
  return (
    <Selector
      className="nj-selector"
      columns={2}
      options={EMPLOYMENT_FORMS.map((f) => ({ value: f, label: t(`members.employmentForms.${f}`) }))}
      value={value ? [value] : []}
      onChange={(v) => onChange?.(v[0])}
    />
  );
}

function StreetField({ value, onChange, streets, failed }: { value?: string; onChange?: (v: string | undefined) => void; streets: Division[]; failed: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const name = streets.find((s) => s.code === value)?.name;
  return (
    <>
      <button type="button" className="nj-picker-trigger" onClick={() => setOpen(true)} disabled={failed || !streets.length} data-testid="street-picker">
        {failed ? t('join.streetsFailed') : (name ?? <span style={{ color: '#999' }}>{t('join.streetPlaceholder')}</span>)}
        <span aria-hidden="true" style={{ color: '#999' }}>›</span>
      </button>
      {/* A plain list in a sheet: one tap picks, easier with one thumb than a wheel. */}
      <Popup visible={open} onMaskClick={() => setOpen(false)} onClose={() => setOpen(false)} bodyStyle={{ borderRadius: '12px 12px 0 0', maxHeight: '70vh', overflowY: 'auto' }}>
        <h2 className="nj-section-title" style={{ padding: '16px 16px 8px' }}>{t('join.street')}</h2>
        <CheckList
          value={value ? [value] : []}
          onChange={(v) => {
            onChange?.(v[0] as string | undefined);
            setOpen(false);
          }}
        >
          {streets.map((s) => (
            <CheckList.Item key={s.code} value={s.code}>
              {s.name}
            </CheckList.Item>
          ))}
        </CheckList>
      </Popup>
    </>
  );
}
