import type { Consultation } from '@niangjia/contracts';
import { disputeCategories, LAW_CATALOGUE } from '@niangjia/contracts/rights-domain';
import { App, Alert, AutoComplete, Button, Descriptions, Divider, Drawer, Form, Input, Modal, Radio, Select, Space, Switch, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { applyServerErrors } from '../../../shared/form-errors';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useScope } from '../../layout/scope';
import { ConsultationStatusTag } from './rights-ui';

const LAWS = [...new Set(LAW_CATALOGUE.map((l) => l.law))];

/** One consultation: the question, the answer with its law articles, follow-ups, close, make a case. */
export function ConsultationDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const canWrite = me.permissions.includes('rights.write');
  const item = useRequest((signal) => api.get<Consultation>(`/rights/consultations/${id}`, undefined, { signal }), [id]);
  const [answerForm] = Form.useForm<{ answer: string; citations: { law: string; article: string; note?: string }[] }>();
  const [msgForm] = Form.useForm<{ kind: 'reply' | 'callback'; body: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [isConverting, setConverting] = useState(false);
  const c = item.data;

  const run = async (fn: () => Promise<Consultation | void>, done?: string) => {
    setBusy(true);
    setError(null);
    try {
      const next = await fn();
      if (next) item.setData(next);
      if (done) message.success(done);
      onChanged();
    } catch (e) {
      setError(e);
      // Someone (the worker's follow-up, a colleague) changed it meanwhile: show what it says now.
      if (e instanceof ApiError && e.isConflict) item.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open width={720} onClose={onClose} title={c ? `${c.number} · ${t(`rights.categories.${c.category}`)}` : ''} destroyOnHidden>
      {item.error ? <ErrorAlert error={item.error} onRetry={item.reload} /> : null}
      {error ? <ErrorAlert error={error} /> : null}
      {c && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('rights.consultations.status')}>
              <ConsultationStatusTag status={c.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('rights.consultations.channel')}>{t(`rights.channels.${c.channel}`)}</Descriptions.Item>
            <Descriptions.Item label={t('rights.consultations.asker')}>{c.isAnonymous ? <Tag>{t('rights.consultations.anonymous')}</Tag> : (c.askerName ?? '—')}</Descriptions.Item>
            <Descriptions.Item label={t('rights.consultations.phone')}>{c.askerPhoneMasked ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('rights.consultations.employer')}>{c.employerName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('rights.consultations.askedAt')}>{formatDateTime(c.askedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('rights.common.org')} span={2}>
              {c.org.name}
            </Descriptions.Item>
            <Descriptions.Item label={t('rights.consultations.question')} span={2}>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="consultation-question">
                {c.question}
              </Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
          {c.caseId && (
            <Alert
              type="info"
              showIcon
              title={t('rights.consultations.converted', { number: c.caseNumber ?? '' })}
              action={
                <Button size="small" onClick={() => navigate(`/rights/cases/${c.caseId}`)}>
                  {t('rights.common.view')}
                </Button>
              }
            />
          )}
          {c.answer && (
            <div>
              <Typography.Title level={5}>{t('rights.consultations.answer')}</Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="consultation-answer">
                {c.answer}
              </Typography.Paragraph>
              <Space wrap>
                {c.citations.map((x, i) => (
                  <Tag key={i} color="red">
                    《{x.law.replace('中华人民共和国', '')}》{x.article}
                  </Tag>
                ))}
              </Space>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('rights.consultations.answeredBy')}：{c.answererName} · {formatDateTime(c.answeredAt)}
              </Typography.Paragraph>
            </div>
          )}
          {canWrite && c.status !== 'closed' && !c.answer && (
            <Form
              form={answerForm}
              layout="vertical"
              initialValues={{ citations: [] }}
              onFinish={(v) =>
                run(async () => {
                  try {
                    return await api.post<Consultation>(`/rights/consultations/${id}/answer`, { answer: v.answer, citations: v.citations.filter((x) => x.law && x.article), version: c.version });
                  } catch (e) {
                    applyServerErrors(answerForm, e, ['answer', 'citations']);
                    throw e;
                  }
                }, t('rights.consultations.answered'))
              }
            >
              <Form.Item name="answer" label={t('rights.consultations.answer')} rules={[{ required: true, min: 5 }]}>
                <Input.TextArea rows={5} placeholder={t('rights.consultations.answerPlaceholder')} maxLength={5000} showCount data-testid="answer-text" />
              </Form.Item>
              <Form.List name="citations">
                {(fields, { add, remove }) => (
                  <Form.Item label={t('rights.consultations.citations')}>
                    {fields.map((field) => (
                      <Space key={field.key} align="start" style={{ display: 'flex', marginBottom: 8 }}>
                        <Form.Item name={[field.name, 'law']} noStyle rules={[{ required: true }]}>
                          <AutoComplete
                            style={{ width: 260 }}
                            placeholder={t('rights.consultations.law')}
                            aria-label={t('rights.consultations.law')}
                            options={LAWS.map((l) => ({ value: l }))}
                            filterOption={(input, option) => (option?.value ?? '').includes(input)}
                          />
                        </Form.Item>
                        <Form.Item noStyle shouldUpdate>
                          {() => (
                            <Form.Item name={[field.name, 'article']} noStyle rules={[{ required: true }]}>
                              <AutoComplete
                                style={{ width: 200 }}
                                placeholder={t('rights.consultations.article')}
                                // The placeholder is gone once typed in; the name stays for screen readers.
                                aria-label={t('rights.consultations.article')}
                                options={LAW_CATALOGUE.filter((l) => l.law === answerForm.getFieldValue(['citations', field.name, 'law'])).map((l) => ({
                                  value: l.article,
                                  label: `${l.article} ${l.topic}`,
                                }))}
                                filterOption={(input, option) => `${option?.value ?? ''} ${String(option?.label ?? '')}`.includes(input)}
                              />
                            </Form.Item>
                          )}
                        </Form.Item>
                        <Button type="link" danger onClick={() => remove(field.name)}>
                          ×
                        </Button>
                      </Space>
                    ))}
                    <Button size="small" onClick={() => add({ law: '', article: '' })} data-testid="add-citation">
                      {t('rights.consultations.addCitation')}
                    </Button>
                  </Form.Item>
                )}
              </Form.List>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="send-answer">
                {t('rights.common.submit')}
              </Button>
            </Form>
          )}
          {(c.messages.length > 0 || (canWrite && c.answer && c.status !== 'closed')) && <Divider titlePlacement="start">{t('rights.consultations.messages')}</Divider>}
          <Timeline
            items={c.messages.map((m) => ({
              color: m.kind === 'question' ? 'red' : m.kind === 'reply' ? 'blue' : 'gray',
              content: (
                <div>
                  <Typography.Text strong>{t(`rights.consultations.kinds.${m.kind}`)}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {m.authorName} · {formatDateTime(m.createdAt)}
                  </Typography.Text>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{m.body}</div>
                </div>
              ),
            }))}
          />
          {canWrite && c.answer && c.status !== 'closed' && (
            <Form
              form={msgForm}
              layout="vertical"
              initialValues={{ kind: 'reply' }}
              onFinish={(v) =>
                run(async () => {
                  const next = await api.post<Consultation>(`/rights/consultations/${id}/messages`, { ...v, version: c.version });
                  msgForm.resetFields();
                  return next;
                })
              }
            >
              <Form.Item name="kind">
                <Radio.Group
                  options={[
                    { value: 'reply', label: t('rights.consultations.reply') },
                    { value: 'callback', label: t('rights.consultations.callback') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="body" rules={[{ required: true, min: 2 }]}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              <Button htmlType="submit" loading={busy}>
                {t('rights.common.submit')}
              </Button>
            </Form>
          )}
          {canWrite && (
            <Space>
              {!c.caseId && (
                <Button onClick={() => setConverting(true)} data-testid="convert">
                  {t('rights.consultations.convert')}
                </Button>
              )}
              {c.status !== 'closed' && (
                <Button onClick={() => run(() => api.post<Consultation>(`/rights/consultations/${id}/close`, { version: c.version }))} loading={busy}>
                  {t('rights.consultations.close')}
                </Button>
              )}
            </Space>
          )}
        </Space>
      )}
      {isConverting && c && (
        <ConvertModal
          consultation={c}
          onClose={() => setConverting(false)}
          onDone={(caseId) => {
            setConverting(false);
            onChanged();
            void navigate(`/rights/cases/${caseId}`);
          }}
        />
      )}
    </Drawer>
  );
}

function ConvertModal({ consultation, onClose, onDone }: { consultation: Consultation; onClose: () => void; onDone: (caseId: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ applicantName?: string; respondentName?: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={t('rights.consultations.convertTitle')}
      onCancel={onClose}
      confirmLoading={busy}
      onOk={async () => {
        const v = await form.validateFields();
        setBusy(true);
        try {
          const res = await api.post<{ caseId: string }>(`/rights/consultations/${consultation.id}/convert`, Object.fromEntries(Object.entries(v).filter(([, x]) => x)));
          onDone(res.caseId);
        } catch (e) {
          setError(e);
          applyServerErrors(form, e, ['applicantName', 'respondentName']);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Typography.Paragraph type="secondary">{t('rights.consultations.convertHint')}</Typography.Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ applicantName: consultation.isAnonymous ? undefined : (consultation.askerName ?? undefined), respondentName: consultation.employerName ?? undefined }}
      >
        <Form.Item name="applicantName" label={t('rights.consultations.applicantName')} rules={[{ required: consultation.isAnonymous || !consultation.askerName }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="respondentName" label={t('rights.consultations.respondentName')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 登记咨询: a walk-in, a 12351 call or a petition. */
export function RecordConsultationModal({ onClose, onDone }: { onClose: () => void; onDone: (c: Consultation) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      width={640}
      title={t('rights.consultations.record')}
      onCancel={onClose}
      confirmLoading={busy}
      onOk={async () => {
        const v = await form.validateFields();
        setBusy(true);
        setError(null);
        try {
          onDone(await api.post<Consultation>('/rights/consultations', Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''))));
        } catch (e) {
          setError(e);
          applyServerErrors(form, e, ['orgId', 'channel', 'category', 'question', 'askerName', 'askerPhone', 'employerName']);
        } finally {
          setBusy(false);
        }
      }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ orgId: scope?.id, channel: 'hotline', category: 'wages', isAnonymous: false }}>
        <Form.Item name="orgId" label={t('rights.common.org')} rules={[{ required: true }]}>
          <OrgTreeSelect roots={me.scopeRoots} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="channel" label={t('rights.consultations.channel')}>
            <Select style={{ width: 160 }} options={(['walk_in', 'hotline', 'petition'] as const).map((c) => ({ value: c, label: t(`rights.channels.${c}`) }))} />
          </Form.Item>
          <Form.Item name="category" label={t('rights.consultations.category')}>
            <Select style={{ width: 160 }} options={disputeCategories.map((c) => ({ value: c, label: t(`rights.categories.${c}`) }))} />
          </Form.Item>
          <Form.Item name="isAnonymous" label={t('rights.consultations.anonymous')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="question" label={t('rights.consultations.question')} rules={[{ required: true, min: 5 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Space wrap>
          <Form.Item name="askerName" label={t('rights.consultations.asker')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="askerPhone" label={t('rights.consultations.phone')} rules={[{ pattern: /^1[3-9]\d{9}$/ }]}>
            <Input maxLength={11} />
          </Form.Item>
          <Form.Item name="employerName" label={t('rights.consultations.employer')}>
            <Input maxLength={100} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
