import type { CaseDetail } from '@niangjia/contracts';
import { paymentMethods } from '@niangjia/contracts/rights-domain';
import { Button, Card, DatePicker, Divider, Form, Input, InputNumber, List, Modal, Radio, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/form-errors';
import { formatDateTime, formatMoney, instantOfShanghaiPicker, shanghaiNow } from '../../../shared/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { CaseTabProps } from './CaseDetailPage';
import { toFen } from './rights-ui';

/** 调解: sessions with notes, and the outcome (agreement with amounts per claim and a payment plan, failure, withdrawal). */
export function MediationTab({ c, onChange }: CaseTabProps) {
  const { t } = useTranslation();
  const [isSession, setSession] = useState(false);
  const [isOutcome, setOutcome] = useState(false);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('rights.cases.sessions')}
        extra={
          c.can.write && c.status === 'accepted' && (
            <Space>
              <Button onClick={() => setSession(true)}>{t('rights.cases.addSession')}</Button>
              <Button type="primary" onClick={() => setOutcome(true)} data-testid="record-outcome">
                {t('rights.cases.recordOutcome')}
              </Button>
            </Space>
          )
        }
      >
        <List
          dataSource={c.sessions}
          locale={{ emptyText: '—' }}
          renderItem={(s) => (
            <List.Item>
              <List.Item.Meta title={`${formatDateTime(s.heldAt)} ${s.place ?? ''}`} description={s.attendees} />
              <div style={{ whiteSpace: 'pre-wrap', maxWidth: 640 }}>{s.notes}</div>
            </List.Item>
          )}
        />
      </Card>
      {(c.status === 'agreed' || c.status === 'failed' || c.status === 'withdrawn') && (
        <Card size="small" title={t('rights.cases.outcome')}>
          <Typography.Paragraph>
            {t(`rights.caseStatuses.${c.status}`)} · {c.outcomeOn}
          </Typography.Paragraph>
          {c.outcomeNote && <Typography.Paragraph>{c.outcomeNote}</Typography.Paragraph>}
          {c.agreementTerms && <Typography.Paragraph type="secondary">{c.agreementTerms}</Typography.Paragraph>}
        </Card>
      )}
      {isSession && <SessionModal c={c} onClose={() => setSession(false)} onDone={(next) => (setSession(false), onChange(next))} />}
      {isOutcome && <OutcomeModal c={c} onClose={() => setOutcome(false)} onDone={(next) => (setOutcome(false), onChange(next))} />}
    </Space>
  );
}

function SessionModal({ c, onClose, onDone }: { c: CaseDetail; onClose: () => void; onDone: (next: CaseDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      open
      title={t('rights.cases.addSession')}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          onDone(await api.post<CaseDetail>(`/rights/cases/${c.id}/sessions`, { ...v, heldAt: instantOfShanghaiPicker(v.heldAt) }));
        } catch (e) {
          setError(e);
        }
      }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ heldAt: shanghaiNow() }}>
        <Form.Item name="heldAt" label={t('rights.cases.heldAt')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item name="place" label={t('rights.cases.place')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="attendees" label={t('rights.cases.attendees')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="notes" label={t('rights.cases.notes')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function OutcomeModal({ c, onClose, onDone }: { c: CaseDetail; onClose: () => void; onDone: (next: CaseDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      width={760}
      title={t('rights.cases.recordOutcome')}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ id: 'save-outcome' }}
      styles={{ body: { maxHeight: 'calc(100vh - 240px)', overflowY: 'auto' } }}
      onOk={async () => {
        const v = await form.validateFields();
        setBusy(true);
        setError(null);
        try {
          const body = {
            outcome: v.outcome,
            on: v.on.format('YYYY-MM-DD'),
            note: v.note || undefined,
            ...(v.outcome === 'agreed'
              ? {
                  terms: v.terms || undefined,
                  agreedClaims: c.claims.map((x, i) => ({ claimId: x.id, agreedFen: toFen(v.agreed?.[i]) })),
                  installments: (v.installments ?? []).map((i: { dueOn: Dayjs; amountYuan: number }) => ({ dueOn: i.dueOn.format('YYYY-MM-DD'), amountFen: toFen(i.amountYuan) })),
                }
              : {}),
            version: c.version,
          };
          onDone(await api.post<CaseDetail>(`/rights/cases/${c.id}/outcome`, body));
        } catch (e) {
          setError(e);
          applyServerErrors(form, e, ['outcome', 'on', 'note', 'terms', 'installments']);
        } finally {
          setBusy(false);
        }
      }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ outcome: 'agreed', on: shanghaiNow(), agreed: c.claims.map((x) => x.amountFen / 100), installments: [] }}>
        <Form.Item name="outcome">
          <Radio.Group options={(['agreed', 'failed', 'withdrawn'] as const).map((o) => ({ value: o, label: t(`rights.cases.outcomes.${o}`) }))} />
        </Form.Item>
        <Form.Item name="on" label={t('rights.cases.outcomeOn')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(shanghaiNow(), 'day')} />
        </Form.Item>
        {outcome === 'agreed' && (
          <>
            <Divider titlePlacement="start">{t('rights.cases.agreedAmount')}</Divider>
            {c.claims.map((x, i) => (
              <Form.Item key={x.id} name={['agreed', i]} label={`${t(`rights.claimTypes.${x.type}`)}（${t('rights.cases.claimed')} ${formatMoney(x.amountFen)}）`} rules={[{ required: true }]}>
                <InputNumber min={0} max={100_000_000} precision={2} prefix="¥" style={{ width: 200 }} data-testid={`agreed-${i}`} />
              </Form.Item>
            ))}
            <Form.List name="installments">
              {(fields, { add, remove }) => (
                <Form.Item label={t('rights.cases.installments')}>
                  {fields.map((f) => (
                    <Space key={f.key} style={{ display: 'flex' }} align="start">
                      <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true }]}>
                        <DatePicker placeholder={t('rights.cases.dueOn')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'amountYuan']} rules={[{ required: true }]}>
                        <InputNumber min={0.01} precision={2} prefix="¥" style={{ width: 180 }} />
                      </Form.Item>
                      <Button type="link" danger onClick={() => remove(f.name)}>
                        ×
                      </Button>
                    </Space>
                  ))}
                  <Button size="small" onClick={() => add({ dueOn: shanghaiNow().add(15, 'day') })}>
                    {t('rights.cases.addInstallment')}
                  </Button>
                </Form.Item>
              )}
            </Form.List>
            <Form.Item name="terms" label={t('rights.cases.terms')}>
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('rights.common.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 协议与回款: the payment plan with what each instalment has received, and the payments (append-only). */
export function PaymentsTab({ c, onChange }: CaseTabProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        title={() => t('rights.cases.installments')}
        dataSource={c.installments}
        columns={[
          { title: t('rights.cases.dueOn'), dataIndex: 'dueOn' },
          { title: t('rights.common.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => formatMoney(v) },
          { title: t('rights.cases.paid'), dataIndex: 'paidFen', align: 'right', render: (v: number) => formatMoney(v) },
          { title: t('rights.cases.owing'), key: 'o', align: 'right', render: (_: unknown, i) => formatMoney(i.amountFen - i.paidFen) },
        ]}
      />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        title={() => t('rights.cases.payments')}
        dataSource={c.payments}
        columns={[
          { title: t('rights.cases.receivedPayOn'), dataIndex: 'receivedOn' },
          { title: t('rights.common.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => formatMoney(v) },
          { title: t('rights.cases.method'), dataIndex: 'method', render: (m: string) => t(`rights.methods.${m}`) },
          { title: t('rights.common.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
          { title: '', dataIndex: 'recordedByName' },
        ]}
      />
      {c.can.write && c.status === 'agreed' && (
        <Card size="small" title={t('rights.cases.recordPayment')}>
          {error ? <ErrorAlert error={error} /> : null}
          <Form
            form={form}
            layout="inline"
            initialValues={{ receivedOn: shanghaiNow(), method: 'transfer' }}
            onFinish={async (v) => {
              setError(null);
              try {
                onChange(await api.post<CaseDetail>(`/rights/cases/${c.id}/payments`, { receivedOn: v.receivedOn.format('YYYY-MM-DD'), amountFen: toFen(v.amountYuan), method: v.method, note: v.note || undefined }));
                form.resetFields();
              } catch (e) {
                setError(e);
              }
            }}
          >
            <Form.Item name="receivedOn" rules={[{ required: true }]}>
              <DatePicker disabledDate={(d) => d.isAfter(shanghaiNow(), 'day')} />
            </Form.Item>
            <Form.Item name="amountYuan" rules={[{ required: true }]}>
              <InputNumber precision={2} prefix="¥" style={{ width: 160 }} data-testid="payment-amount" />
            </Form.Item>
            <Form.Item name="method">
              <Select style={{ width: 100 }} options={paymentMethods.map((m) => ({ value: m, label: t(`rights.methods.${m}`) }))} />
            </Form.Item>
            <Form.Item name="note">
              <Input placeholder={t('rights.common.note')} maxLength={200} />
            </Form.Item>
            <Button htmlType="submit" type="primary">
              {t('rights.common.save')}
            </Button>
          </Form>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('rights.cases.paymentHint')}
          </Typography.Text>
        </Card>
      )}
    </Space>
  );
}
