import type { CaseDetail } from '@niangjia/contracts';
import { claimTypes, disputeCategories } from '@niangjia/contracts/rights-domain';
import { Button, Checkbox, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/form-errors';
import { useMe } from '../../../shared/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useScope } from '../../layout/scope';
import { toFen } from './rights-ui';

type Values = {
  orgId: string;
  category: string;
  summary: string;
  receivedOn: Dayjs;
  limitationStartOn?: Dayjs;
  isWageArrearsOngoing: boolean;
  employmentEndedOn?: Dayjs;
  isComplainantSealed: boolean;
  applicants: { name: string; idNumber?: string; phone?: string }[];
  respondent: { name: string; creditCode?: string; legalRepresentative?: string; address?: string };
  claims: { type: string; description?: string; amountYuan: number }[];
};

const day = (d?: Dayjs) => d?.format('YYYY-MM-DD');
const clean = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;

/** 登记案件: parties (workers and the employer with its credit code), claims in yuan (stored in fen), the limitation facts. */
export function CaseIntakeModal({ onClose, onDone }: { onClose: () => void; onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const body = {
        orgId: v.orgId,
        category: v.category,
        summary: v.summary,
        receivedOn: day(v.receivedOn),
        limitationStartOn: day(v.limitationStartOn),
        isWageArrearsOngoing: v.isWageArrearsOngoing,
        employmentEndedOn: day(v.employmentEndedOn),
        isComplainantSealed: v.isComplainantSealed,
        parties: [...v.applicants.map((a) => clean({ role: 'applicant', ...a })), clean({ role: 'respondent', ...v.respondent })],
        claims: v.claims.map((c) => clean({ type: c.type, description: c.description, amountFen: toFen(c.amountYuan) })),
      };
      const created = await api.post<CaseDetail>('/rights/cases', clean(body));
      onDone(created.id);
    } catch (e) {
      setError(e);
      // parties.N.field → applicants / respondent on the form.
      applyServerErrors(form, e, ['orgId', 'category', 'summary', 'receivedOn', 'limitationStartOn', 'claims']);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open width={900} title={t('rights.cases.intake')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto' } }}>
      {error ? <ErrorAlert error={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ orgId: scope?.id, category: 'wages', receivedOn: dayjs(), isWageArrearsOngoing: false, isComplainantSealed: false, applicants: [{ name: '' }], respondent: { name: '' }, claims: [{ type: 'back_pay', amountYuan: 0 }] }}
      >
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="orgId" label={t('rights.common.org')} rules={[{ required: true }]}>
              <OrgTreeSelect roots={me.scopeRoots} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="category" label={t('rights.consultations.category')}>
              <Select options={disputeCategories.map((c) => ({ value: c, label: t(`rights.categories.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="receivedOn" label={t('rights.cases.receivedOn')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="summary" label={t('rights.cases.summary')} rules={[{ required: true, min: 5 }]}>
          <Input.TextArea rows={3} maxLength={5000} data-testid="intake-summary" />
        </Form.Item>
        <Divider titlePlacement="start">{t('rights.cases.applicant')}</Divider>
        <Form.List name="applicants">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Row gutter={8} key={field.key}>
                  <Col span={6}>
                    <Form.Item name={[field.name, 'name']} label={t('rights.cases.name')} rules={[{ required: true }]}>
                      <Input maxLength={40} data-testid="applicant-name" />
                    </Form.Item>
                  </Col>
                  <Col span={9}>
                    <Form.Item name={[field.name, 'idNumber']} label={t('rights.cases.idNumber')}>
                      <Input maxLength={18} data-testid="applicant-id" />
                    </Form.Item>
                  </Col>
                  <Col span={7}>
                    <Form.Item name={[field.name, 'phone']} label={t('rights.consultations.phone')} rules={[{ pattern: /^1[3-9]\d{9}$/ }]}>
                      <Input maxLength={11} />
                    </Form.Item>
                  </Col>
                  <Col span={2} style={{ paddingTop: 30 }}>
                    {fields.length > 1 && (
                      <Button type="link" danger onClick={() => remove(field.name)}>
                        ×
                      </Button>
                    )}
                  </Col>
                </Row>
              ))}
              <Button size="small" onClick={() => add({ name: '' })}>
                {t('rights.cases.addApplicant')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="isComplainantSealed" valuePropName="checked" style={{ marginTop: 8 }}>
          <Checkbox>{t('rights.cases.sealed')}</Checkbox>
        </Form.Item>
        <Divider titlePlacement="start">{t('rights.cases.respondent')}</Divider>
        <Row gutter={8}>
          <Col span={8}>
            <Form.Item name={['respondent', 'name']} label={t('rights.consultations.employer')} rules={[{ required: true }]}>
              <Input maxLength={100} data-testid="respondent-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['respondent', 'creditCode']} label={t('rights.cases.creditCode')} normalize={(v: string) => v?.toUpperCase()}>
              <Input maxLength={18} data-testid="respondent-credit" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['respondent', 'legalRepresentative']} label={t('rights.cases.legalRep')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">{t('rights.cases.claims')}</Divider>
        <Form.List name="claims">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'type']} rules={[{ required: true }]}>
                    <Select style={{ width: 200 }} options={claimTypes.map((c) => ({ value: c, label: t(`rights.claimTypes.${c}`) }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'description']}>
                    <Input style={{ width: 260 }} placeholder={t('rights.cases.claimDesc')} maxLength={300} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'amountYuan']} rules={[{ required: true }]}>
                    <InputNumber style={{ width: 160 }} min={0} max={100_000_000} precision={2} prefix="¥" data-testid="claim-amount" />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    ×
                  </Button>
                </Space>
              ))}
              <Button size="small" onClick={() => add({ type: 'other', amountYuan: 0 })}>
                {t('rights.cases.addClaim')}
              </Button>
            </>
          )}
        </Form.List>
        <Divider titlePlacement="start">{t('rights.cases.limitation')}</Divider>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="limitationStartOn" label={t('rights.cases.limitationStartOn')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="employmentEndedOn" label={t('rights.cases.employmentEndedOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="isWageArrearsOngoing" valuePropName="checked">
          <Checkbox>{t('rights.cases.wageOngoing')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
