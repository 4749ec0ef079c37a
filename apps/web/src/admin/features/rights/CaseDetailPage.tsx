import type { CaseDetail } from '@niangjia/contracts';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/form-errors';
import { formatMoney } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BasicTab, MembersTab } from './case-basic';
import { ClocksTab } from './case-clocks';
import { DocumentsTab, EvidenceTab } from './case-documents';
import { MediationTab, PaymentsTab } from './case-mediation';
import { ReferralsTab } from './case-referrals';
import { CaseStatusTag, DueTag } from './rights-ui';

export type CaseTabProps = { c: CaseDetail; onChange: (next: CaseDetail) => void; reload: () => void };

/** 维权 ▸ 调解案件 ▸ a case (/rights/cases/:caseId): everything about it in tabs; every open is audited. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const navigate = useNavigate();
  const item = useRequest((signal) => api.get<CaseDetail>(`/rights/cases/${caseId}`, undefined, { signal }), [caseId]);
  const [acting, setActing] = useState<'accept' | 'reject' | 'assign' | null>(null);
  const c = item.data;
  if (item.error instanceof ApiError && item.error.status === 404) {
    return (
      <Card>
        <Alert type="warning" showIcon title={t('rights.cases.empty')} action={<Button onClick={() => navigate('/rights/cases')}>{t('rights.cases.title')}</Button>} />
      </Card>
    );
  }
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {item.error ? <ErrorAlert error={item.error} onRetry={item.reload} /> : null}
      {c && (
        <>
          <Card
            size="small"
            title={
              <Space wrap>
                <span data-testid="case-number">{c.number}</span>
                <CaseStatusTag status={c.status} />
                <Tag>{t(`rights.stages.${c.stage}`)}</Tag>
                {c.externalBody && <Tag color="purple">{c.externalBody}</Tag>}
                {c.isComplainantSealed && <Tag>{t('rights.cases.sealedTag')}</Tag>}
              </Space>
            }
            extra={
              c.can.manage && (
                <Space>
                  {c.status === 'received' && (
                    <>
                      <Button type="primary" onClick={() => setActing('accept')} data-testid="accept">
                        {t('rights.cases.accept')}
                      </Button>
                      <Button onClick={() => setActing('reject')}>{t('rights.cases.reject')}</Button>
                    </>
                  )}
                  {(c.status === 'received' || c.status === 'accepted') && <Button onClick={() => setActing('assign')}>{t('rights.cases.assign')}</Button>}
                </Space>
              )
            }
          >
            <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
              <Descriptions.Item label={t('rights.common.org')}>{c.org.name}</Descriptions.Item>
              <Descriptions.Item label={t('rights.cases.mediator')}>{c.mediator?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('rights.cases.receivedOn')}>{c.receivedOn}</Descriptions.Item>
              <Descriptions.Item label={t('rights.cases.nextDue')}>
                <DueTag due={c.nextDue} />
              </Descriptions.Item>
              <Descriptions.Item label={t('rights.cases.claimedTotal')}>{formatMoney(c.claimedFen)}</Descriptions.Item>
              <Descriptions.Item label={t('rights.cases.agreedTotal')}>{formatMoney(c.agreedFen)}</Descriptions.Item>
              <Descriptions.Item label={t('rights.cases.paidTotal')}>{formatMoney(c.paidFen)}</Descriptions.Item>
              <Descriptions.Item label={t('rights.cases.workers')}>{c.workers}</Descriptions.Item>
            </Descriptions>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('rights.cases.confidential')}
            </Typography.Text>
          </Card>
          <Card size="small">
            <Tabs
              items={[
                { key: 'basic', label: t('rights.cases.tabs.basic'), children: <BasicTab c={c} onChange={item.setData} reload={item.reload} /> },
                { key: 'clocks', label: t('rights.cases.tabs.clocks'), children: <ClocksTab c={c} onChange={item.setData} reload={item.reload} /> },
                { key: 'mediation', label: t('rights.cases.tabs.mediation'), children: <MediationTab c={c} onChange={item.setData} reload={item.reload} /> },
                { key: 'payments', label: t('rights.cases.tabs.payments'), children: <PaymentsTab c={c} onChange={item.setData} reload={item.reload} /> },
                { key: 'referrals', label: t('rights.cases.tabs.referrals'), children: <ReferralsTab c={c} onChange={item.setData} reload={item.reload} /> },
                { key: 'evidence', label: t('rights.cases.tabs.evidence'), children: <EvidenceTab c={c} onChange={item.setData} reload={item.reload} /> },
                { key: 'documents', label: t('rights.cases.tabs.documents'), children: <DocumentsTab c={c} onChange={item.setData} reload={item.reload} /> },
                { key: 'members', label: t('rights.cases.tabs.members'), children: <MembersTab c={c} onChange={item.setData} reload={item.reload} /> },
              ]}
            />
          </Card>
          {acting && <DecisionModal mode={acting} c={c} onClose={() => setActing(null)} onDone={(next) => (setActing(null), item.setData(next))} />}
        </>
      )}
    </Space>
  );
}

function DecisionModal({ mode, c, onClose, onDone }: { mode: 'accept' | 'reject' | 'assign'; c: CaseDetail; onClose: () => void; onDone: (next: CaseDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ acceptedOn?: dayjs.Dayjs; note?: string; mediatorId?: string }>();
  const mediators = useRequest((signal) => api.get<{ id: string; name: string }[]>(`/rights/cases/${c.id}/mediators`, undefined, { signal }), [c.id], mode !== 'reject');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const title = mode === 'accept' ? t('rights.cases.accept') : mode === 'reject' ? t('rights.cases.reject') : t('rights.cases.assign');
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      confirmLoading={busy}
      onOk={async () => {
        const v = await form.validateFields();
        setBusy(true);
        setError(null);
        try {
          const body =
            mode === 'accept'
              ? { acceptedOn: v.acceptedOn?.format('YYYY-MM-DD'), note: v.note || undefined, mediatorId: v.mediatorId, version: c.version }
              : mode === 'reject'
                ? { note: v.note, version: c.version }
                : { mediatorId: v.mediatorId, version: c.version };
          onDone(await api.post<CaseDetail>(`/rights/cases/${c.id}/${mode}`, body));
          message.success(t('rights.cases.saved'));
        } catch (e) {
          setError(e);
          applyServerErrors(form, e, ['acceptedOn', 'note', 'mediatorId']);
        } finally {
          setBusy(false);
        }
      }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ acceptedOn: dayjs(), mediatorId: c.mediator?.id }}>
        {mode === 'accept' && (
          <Form.Item name="acceptedOn" label={t('rights.cases.acceptedOn')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(c.receivedOn), 'day')} />
          </Form.Item>
        )}
        {mode !== 'reject' && (
          <Form.Item name="mediatorId" label={t('rights.cases.mediator')} rules={[{ required: mode === 'assign' }]}>
            <Select allowClear loading={mediators.loading} options={(mediators.data ?? []).map((u) => ({ value: u.id, label: u.name }))} data-testid="mediator-select" />
          </Form.Item>
        )}
        {mode !== 'assign' && (
          <Form.Item name="note" label={mode === 'reject' ? t('rights.cases.rejectNote') : t('rights.cases.decision')} rules={[{ required: mode === 'reject', min: 2 }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
