import type { CaseDetail, Referral } from '@niangjia/contracts';
import { referralKinds } from '@niangjia/contracts/rights-domain';
import { Alert, Button, Checkbox, DatePicker, Form, Input, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/form-errors';
import { useMe } from '../../../shared/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import type { CaseTabProps } from './CaseDetailPage';

/** 转办: referrals along 商、调、裁、诉、援、执 as records; the case moves only when the other side accepts. */
export function ReferralsTab({ c, onChange, reload }: CaseTabProps) {
  const { t } = useTranslation();
  const [isReferring, setReferring] = useState(false);
  const [responding, setResponding] = useState<{ r: Referral; mode: 'respond' | 'result' } | null>(null);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('rights.cases.ownershipNote')} />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={c.referrals}
        scroll={{ x: 960 }}
        columns={[
          { title: t('rights.cases.referralKind'), dataIndex: 'kind', width: 90, render: (k: string) => <Tag color="purple">{t(`rights.stages.${k}`)}</Tag> },
          { title: t('rights.cases.targetName'), dataIndex: 'targetName', width: 200 },
          { title: t('rights.cases.referredOn'), dataIndex: 'referredOn', width: 110 },
          { title: t('rights.cases.consent'), dataIndex: 'hasWorkerConsent', width: 100, render: (v: boolean, r) => (v ? `${t('rights.common.yes')}${r.consentNote ? `（${r.consentNote}）` : ''}` : t('rights.common.no')) },
          { title: t('rights.cases.status'), dataIndex: 'status', width: 90, render: (s: string) => <Tag color={s === 'accepted' ? 'green' : s === 'returned' ? 'default' : 'orange'}>{t(`rights.referralStatuses.${s}`)}</Tag> },
          { title: t('rights.cases.referenceNo'), dataIndex: 'referenceNo', width: 160, render: (v: string | null) => v ?? '—' },
          { title: t('rights.cases.result'), dataIndex: 'result', width: 200, render: (v: string | null) => v ?? '—' },
          {
            title: t('rights.common.actions'),
            key: 'a',
            width: 140,
            fixed: 'right',
            render: (_: unknown, r) =>
              c.can.write && !r.targetOrg && r.status === 'pending' ? (
                <Button type="link" size="small" onClick={() => setResponding({ r, mode: 'respond' })}>
                  {t('rights.cases.respond')}
                </Button>
              ) : c.can.write && r.status === 'accepted' && !r.result ? (
                <Button type="link" size="small" onClick={() => setResponding({ r, mode: 'result' })}>
                  {t('rights.cases.recordResult')}
                </Button>
              ) : null,
          },
        ]}
      />
      {c.can.write && !['rejected', 'withdrawn'].includes(c.status) && !c.referrals.some((r) => r.status === 'pending') && (
        <Button onClick={() => setReferring(true)} data-testid="refer">
          {t('rights.cases.refer')}
        </Button>
      )}
      {isReferring && <ReferModal c={c} onClose={() => setReferring(false)} onDone={(next) => (setReferring(false), onChange(next))} />}
      {responding && <RespondModal {...responding} onClose={() => setResponding(null)} onDone={() => (setResponding(null), reload())} />}
    </Space>
  );
}

function ReferModal({ c, onClose, onDone }: { c: CaseDetail; onClose: () => void; onDone: (next: CaseDetail) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={t('rights.cases.refer')}
      onCancel={onClose}
      confirmLoading={busy}
      onOk={async () => {
        const v = await form.validateFields();
        setBusy(true);
        setError(null);
        try {
          onDone(await api.post<CaseDetail>(`/rights/cases/${c.id}/referrals`, Object.fromEntries(Object.entries({ ...v, referredOn: v.referredOn?.format('YYYY-MM-DD') }).filter(([, x]) => x !== undefined && x !== ''))));
        } catch (e) {
          setError(e);
          applyServerErrors(form, e, ['kind', 'targetOrgId', 'targetName', 'hasWorkerConsent', 'referredOn']);
        } finally {
          setBusy(false);
        }
      }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ kind: 'arbitration', referredOn: dayjs(), hasWorkerConsent: false }}>
        <Form.Item name="kind" label={t('rights.cases.referralKind')}>
          <Select options={referralKinds.map((k) => ({ value: k, label: t(`rights.stages.${k}`) }))} />
        </Form.Item>
        <Alert type="info" title={t('rights.cases.targetHint')} style={{ marginBottom: 12 }} />
        <Form.Item name="targetOrgId" label={t('rights.cases.targetUnion')}>
          <OrgTreeSelect roots={me.scopeRoots} allowClear />
        </Form.Item>
        <Form.Item name="targetName" label={t('rights.cases.targetName')}>
          <Input maxLength={100} placeholder="江北区劳动人事争议仲裁委员会" />
        </Form.Item>
        <Form.Item name="referredOn" label={t('rights.cases.referredOn')}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="hasWorkerConsent" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('rights.cases.consent')))) }]}>
          <Checkbox>{t('rights.cases.consent')}</Checkbox>
        </Form.Item>
        <Form.Item name="consentNote" label={t('rights.cases.consentNote')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="note" label={t('rights.common.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** An outside body's answer (accepted with its reference number, or returned), or the result there. */
function RespondModal({ r, mode, onClose, onDone }: { r: Referral; mode: 'respond' | 'result'; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      open
      title={mode === 'respond' ? t('rights.cases.respond') : t('rights.cases.recordResult')}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          if (mode === 'respond') await api.post(`/rights/referrals/${r.id}/respond`, { decision: v.decision, on: v.on.format('YYYY-MM-DD'), note: v.note || undefined, referenceNo: v.referenceNo || undefined, version: r.version });
          else await api.post(`/rights/referrals/${r.id}/result`, { result: v.result, on: v.on.format('YYYY-MM-DD'), version: r.version });
          onDone();
        } catch (e) {
          setError(e);
        }
      }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ decision: 'accept', on: dayjs() }}>
        {mode === 'respond' ? (
          <>
            <Form.Item name="decision">
              <Radio.Group options={[{ value: 'accept', label: t('rights.cases.acceptReferral') }, { value: 'return', label: t('rights.cases.returnReferral') }]} />
            </Form.Item>
            <Form.Item name="referenceNo" label={t('rights.cases.referenceNo')}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="note" label={t('rights.common.note')}>
              <Input maxLength={500} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="result" label={t('rights.cases.result')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        )}
        <Form.Item name="on" label={t('rights.common.date')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
