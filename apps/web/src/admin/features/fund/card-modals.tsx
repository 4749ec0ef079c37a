import type { BreakfastCard, Fund } from '@niangjia/contracts';
import { checkIdNumber } from '@niangjia/contracts/id-number';
import { DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/form-errors';
import { PHONE_INPUT_MAX, phoneRule } from '../../../shared/members';
import { ErrorAlert } from '../../components/ErrorAlert';

type IssueValues = {
  holderName: string;
  phone: string;
  idNumber?: string;
  employer?: string;
  validUntil?: Dayjs | null;
};

/** 发卡: one card to one worker (name, phone, optional ID number, employer, valid until). */
export function IssueCardModal({ fund, onClose, onDone }: { fund: Fund | undefined; onClose: () => void; onDone: (card: BreakfastCard) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<IssueValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const card = await api.post<BreakfastCard>('/breakfast-cards', {
        holderName: v.holderName.trim(),
        phone: v.phone.trim(),
        ...(v.idNumber?.trim() ? { idNumber: v.idNumber.trim().toUpperCase() } : {}),
        ...(v.employer?.trim() ? { employer: v.employer.trim() } : {}),
        ...(v.validUntil ? { validUntil: v.validUntil.format('YYYY-MM-DD') } : {}),
      });
      onDone(card);
    } catch (e) {
      applyServerErrors(form, e, ['holderName', 'phone', 'idNumber', 'employer', 'validUntil']);
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('fundAdmin.cards.issue')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={t('fundAdmin.cards.issue')}
      cancelText={t('actions.cancel')}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item name="holderName" label={t('fundAdmin.cards.fields.holderName')} rules={[{ required: true, min: 2, max: 30 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('fundAdmin.cards.fields.phone')}
          rules={[
            { required: true },
            phoneRule(t('fundAdmin.cards.fields.phone')),
          ]}
        >
          <Input inputMode="tel" maxLength={PHONE_INPUT_MAX} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('fundAdmin.cards.idNumber')}
          extra={t('fundAdmin.cards.idNumberHint')}
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                if (!value?.trim()) return;
                const checked = checkIdNumber(value, new Date().toISOString().slice(0, 10));
                if (!checked.ok && checked.problem !== 'ID_NUMBER_UNDER_16') throw new Error(t(`members.idNumber.${checked.problem}`));
              },
            },
          ]}
        >
          <Input maxLength={18} style={{ width: 260 }} autoComplete="off" />
        </Form.Item>
        <Form.Item name="employer" label={t('fundAdmin.cards.fields.employer')} rules={[{ max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="validUntil" label={t('fundAdmin.cards.fields.validUntil')} extra={fund ? t('fundAdmin.cards.validUntilHint', { until: fund.nextCardValidUntil, months: fund.cardValidMonths }) : undefined}>
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 暂停 or 补卡: both need a reason; a reissue may set a new valid-until. */
export function CardReasonModal({ kind, card, onClose, onDone }: { kind: 'suspend' | 'reissue'; card: BreakfastCard; onClose: () => void; onDone: (card: BreakfastCard) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string; validUntil?: Dayjs | null }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const body = {
        version: card.version,
        reason: v.reason.trim(),
        ...(kind === 'reissue' && v.validUntil ? { validUntil: v.validUntil.format('YYYY-MM-DD') } : {}),
      };
      onDone(await api.post<BreakfastCard>(`/breakfast-cards/${card.id}/${kind}`, body));
    } catch (e) {
      applyServerErrors(form, e, ['reason', 'validUntil']);
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  const title = kind === 'suspend' ? t('fundAdmin.cards.suspendTitle', { number: card.number }) : t('fundAdmin.cards.reissueTitle', { name: card.holderName });
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} okText={t(`fundAdmin.cards.${kind}`)} cancelText={t('actions.cancel')} destroyOnHidden>
      {error ? <ErrorAlert error={error} /> : null}
      {kind === 'reissue' && <Typography.Paragraph type="secondary">{t('fundAdmin.cards.reissueHint', { number: card.number })}</Typography.Paragraph>}
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('fundAdmin.cards.fields.reason')} rules={[{ required: true, min: 2, max: 200 }]}>
          <Input placeholder={t('fundAdmin.cards.reasonPlaceholder')} />
        </Form.Item>
        {kind === 'reissue' && (
          <Form.Item name="validUntil" label={t('fundAdmin.cards.fields.validUntil')} extra={t('fundAdmin.cards.validUntilHint')}>
            <DatePicker style={{ width: 200 }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
