import type { CaseDetail } from '@niangjia/contracts';
import { clockEventKinds, interruptReasons, suspendReasons } from '@niangjia/contracts/rights-domain';
import { Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Statistic, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/form-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { CaseTabProps } from './CaseDetailPage';

/** 时效: the four statutory clocks and the events they are computed from (中断, 中止, extensions). */
export function ClocksTab({ c, onChange }: CaseTabProps) {
  const { t } = useTranslation();
  const [isAdding, setAdding] = useState(false);
  const [voiding, setVoiding] = useState<string | null>(null);
  const k = c.clocks;
  const running = new Set(k.running.map((r) => r.clock));
  const card = (title: string, value: string, sub: string | null, clock: string) => (
    <Col xs={24} md={12} xl={6}>
      <Card size="small" style={{ borderColor: running.has(clock as never) ? '#c8102e' : undefined }}>
        <Statistic title={title} value={value} valueRender={() => <span data-testid={`clock-${clock}`}>{value}</span>} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {sub}
          {running.has(clock as never) && <Tag color="red" style={{ marginLeft: 6 }}>{t('rights.cases.running')}</Tag>}
        </Typography.Text>
      </Card>
    </Col>
  );
  const lim = k.limitation;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        {card(t('rights.cases.acceptanceDue', { n: 3 }), k.acceptanceDueOn, c.acceptedOn ? `${t('rights.cases.acceptedOn')} ${c.acceptedOn}` : null, 'acceptance')}
        {card(t('rights.cases.mediationDue', { ext: k.mediationExtensionDays ? t('rights.cases.extended', { n: k.mediationExtensionDays }) : '' }), k.mediationDueOn ?? '—', null, 'mediation')}
        {card(
          t('rights.cases.limitation'),
          lim.isPaused ? t('rights.cases.paused', { date: lim.pausedSince, n: lim.remainingDaysWhenPaused }) : (lim.endsOn ?? '—'),
          lim.notRunning === 'wage_arrears_ongoing' ? t('rights.cases.notLimited') : lim.notRunning === 'no_start' ? t('rights.cases.noStart') : lim.startOn ? t('rights.cases.limitationFrom', { date: lim.startOn }) : null,
          'limitation',
        )}
        {card(t('rights.cases.arbitrationDue', { ext: k.isArbitrationExtended ? t('rights.cases.extended', { n: 15 }) : '' }), k.arbitrationDueOn ?? '—', c.arbitrationAcceptedOn, 'arbitration')}
      </Row>
      <Card
        size="small"
        title={t('rights.cases.events')}
        extra={
          c.can.write && !['rejected', 'withdrawn'].includes(c.status) && (
            <Button onClick={() => setAdding(true)} data-testid="add-event">
              {t('rights.cases.addEvent')}
            </Button>
          )
        }
      >
        <Timeline
          items={c.events.map((e) => ({
            color: e.voidedAt ? 'gray' : e.kind === 'interrupt' ? 'red' : e.kind === 'suspend' ? 'orange' : 'blue',
            content: (
              <div data-testid="clock-event">
                <Space wrap>
                  <Typography.Text strong delete={!!e.voidedAt}>
                    {e.onDate} {t(`rights.eventKinds.${e.kind}`)}
                  </Typography.Text>
                  {e.reason && <Tag>{t(`rights.reasons.${e.reason}`)}</Tag>}
                  {e.days && <Tag>{t('rights.common.days', { n: e.days })}</Tag>}
                  {e.voidedAt && <Tag>{t('rights.cases.voided')}</Tag>}
                  {e.isIneffective && !e.voidedAt && <Tag color="warning">{t('rights.cases.ineffective')}</Tag>}
                  {c.can.write && !e.voidedAt && (
                    <Button type="link" size="small" onClick={() => setVoiding(e.id)}>
                      {t('rights.cases.voidEvent')}
                    </Button>
                  )}
                </Space>
                {(e.note || e.voidReason) && <div style={{ color: '#666' }}>{e.voidReason ?? e.note}</div>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.createdByName}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      </Card>
      {isAdding && <EventModal c={c} onClose={() => setAdding(false)} onDone={(next) => (setAdding(false), onChange(next))} />}
      {voiding && <VoidModal c={c} eventId={voiding} onClose={() => setVoiding(null)} onDone={(next) => (setVoiding(null), onChange(next))} />}
    </Space>
  );
}

function EventModal({ c, onClose, onDone }: { c: CaseDetail; onClose: () => void; onDone: (next: CaseDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as string | undefined;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const reasons = kind === 'interrupt' ? interruptReasons : kind === 'suspend' ? suspendReasons : [];
  return (
    <Modal
      open
      title={t('rights.cases.addEvent')}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ id: 'save-event' }}
      onOk={async () => {
        const v = await form.validateFields();
        setBusy(true);
        setError(null);
        try {
          onDone(await api.post<CaseDetail>(`/rights/cases/${c.id}/events`, { ...v, onDate: v.onDate.format('YYYY-MM-DD') }));
        } catch (e) {
          setError(e);
          applyServerErrors(form, e, ['kind', 'onDate', 'reason', 'days', 'hasApplicantConsent', 'hasRespondentConsent', 'note']);
        } finally {
          setBusy(false);
        }
      }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ kind: 'interrupt', onDate: dayjs() }}>
        <Form.Item name="kind" label={t('rights.cases.addEvent')}>
          <Select options={clockEventKinds.map((k) => ({ value: k, label: t(`rights.eventKinds.${k}`) }))} data-testid="event-kind" />
        </Form.Item>
        <Form.Item name="onDate" label={t('rights.cases.eventDate')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="event-date" />
        </Form.Item>
        {reasons.length > 0 && (
          <Form.Item name="reason" label={t('rights.cases.reason')} rules={[{ required: true }]}>
            <Select options={reasons.map((r) => ({ value: r, label: t(`rights.reasons.${r}`) }))} data-testid="event-reason" />
          </Form.Item>
        )}
        {kind === 'mediation_extension' && (
          <>
            <Form.Item name="days" label={t('rights.cases.extensionDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={15} />
            </Form.Item>
            <Form.Item name="hasApplicantConsent" valuePropName="checked">
              <Checkbox>{t('rights.cases.applicantConsent')}</Checkbox>
            </Form.Item>
            <Form.Item name="hasRespondentConsent" valuePropName="checked">
              <Checkbox>{t('rights.cases.respondentConsent')}</Checkbox>
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('rights.common.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function VoidModal({ c, eventId, onClose, onDone }: { c: CaseDetail; eventId: string; onClose: () => void; onDone: (next: CaseDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      open
      title={t('rights.cases.voidEvent')}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          onDone(await api.post<CaseDetail>(`/rights/cases/${c.id}/events/${eventId}/void`, v));
        } catch (e) {
          setError(e);
        }
      }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('rights.cases.voidReason')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
