import type { Survey, SurveyInput, SurveyQuestion, SurveyQuestionKind } from '@niangjia/contracts';
import { SURVEY_QUESTION_KINDS } from '@niangjia/contracts';
import { employmentForms } from '@niangjia/contracts';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../shared/api';
import { useMe } from '../../../shared/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';

const CHOICE: readonly SurveyQuestionKind[] = ['single', 'multi', 'rank'];
let counter = 0;
const newId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;
const blankQuestion = (): SurveyQuestion => ({
  id: newId('q'),
  kind: 'single',
  title: '',
  required: true,
  options: [
    { id: newId('o'), label: '' },
    { id: newId('o'), label: '' },
  ],
});

type Meta = Omit<SurveyInput, 'questions'>;

/** "questions.2.options" → "第3题：" so a server refusal points at the question it is about. */
function placeOf(path: string, t: (k: string, o?: Record<string, unknown>) => string): string {
  const m = /^questions\.(\d+)/.exec(path);
  return m ? t('surveyAdmin.questionN', { n: Number(m[1]) + 1 }) : '';
}

/**
 * The questionnaire builder: the survey's audience, then questions added, reordered and removed,
 * each with its options, scale and a condition on an earlier choice. Read-only once published.
 */
export function SurveyBuilder({ survey, onSaved }: { survey: Survey | null; onSaved: (s: Survey) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Meta>();
  const [questions, setQuestions] = useState<SurveyQuestion[]>(survey?.questions ?? [blankQuestion()]);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const frozen = survey !== null && survey.status !== 'draft';
  const audience = Form.useWatch('audience', form) ?? survey?.audience ?? 'org';

  const change = (i: number, patch: Partial<SurveyQuestion>) => setQuestions((qs) => qs.map((q, k) => (k === i ? { ...q, ...patch } : q)));
  const move = (i: number, by: number) =>
    setQuestions((qs) => {
      const next = [...qs];
      const [q] = next.splice(i, 1);
      next.splice(i + by, 0, q!);
      return next;
    });
  const setKind = (i: number, kind: SurveyQuestionKind) => {
    const q = questions[i]!;
    const options = CHOICE.includes(kind) ? (q.options.length ? q.options : blankQuestion().options) : [];
    const scale = kind === 'scale' ? (q.scale ?? { min: 1, max: 5, minLabel: '', maxLabel: '' }) : undefined;
    change(i, { kind, options, scale, maxChoices: kind === 'multi' ? q.maxChoices : undefined });
  };

  const save = async () => {
    const meta = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const body = { ...meta, questions: questions.map((q) => ({ ...q, showIf: q.showIf?.questionId && q.showIf.anyOf.length ? q.showIf : undefined })) };
      const saved = survey ? await api.patch<Survey>(`/voice/surveys/${survey.id}`, { ...body, orgId: undefined, version: survey.version }) : await api.post<Survey>('/voice/surveys', body);
      message.success(t('surveyAdmin.saved'));
      onSaved(saved);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div data-testid="survey-builder">
      {frozen ? <Alert type="info" showIcon title={t('surveyAdmin.frozen')} style={{ marginBottom: 12 }} /> : null}
      <Form<Meta>
        form={form}
        layout="vertical"
        disabled={frozen}
        initialValues={
          survey
            ? { orgId: survey.orgId, title: survey.title, intro: survey.intro, audience: survey.audience, employmentForms: survey.employmentForms, isAnonymous: survey.isAnonymous }
            : { audience: 'org', employmentForms: [], isAnonymous: true, intro: '', orgId: me.scopeRoots[0]?.id }
        }
      >
        <Form.Item name="title" label={t('surveyAdmin.field.title')} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="survey-title" />
        </Form.Item>
        <Form.Item name="intro" label={t('surveyAdmin.field.intro')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Space wrap style={{ width: '100%' }} align="start">
          <Form.Item name="orgId" label={t('surveyAdmin.field.org')} rules={[{ required: true }]} style={{ minWidth: 260 }}>
            <OrgTreeSelect roots={me.scopeRoots} style={{ width: 260 }} id="survey-org" />
          </Form.Item>
          <Form.Item name="audience" label={t('surveyAdmin.field.audience')}>
            <Radio.Group options={(['org', 'qr'] as const).map((a) => ({ value: a, label: t(`surveyAdmin.audience.${a}`) }))} />
          </Form.Item>
        </Space>
        {audience === 'org' ? (
          <Form.Item name="employmentForms" label={t('surveyAdmin.field.employmentForms')}>
            <Select mode="multiple" allowClear options={employmentForms.map((f) => ({ value: f, label: t(`members.employmentForms.${f}`) }))} />
          </Form.Item>
        ) : null}
        <Form.Item name="isAnonymous" label={t('surveyAdmin.field.isAnonymous')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
      {questions.map((q, i) => {
        const earlier = questions.slice(0, i).filter((x) => x.kind === 'single' || x.kind === 'multi');
        const target = earlier.find((x) => x.id === q.showIf?.questionId);
        return (
          <Card
            key={q.id}
            size="small"
            style={{ marginBottom: 8 }}
            title={`${i + 1}. ${t(`surveyAdmin.kind.${q.kind}`)}`}
            data-testid={`survey-question-${i}`}
            extra={
              frozen ? null : (
                <Space size={0}>
                  <Button type="link" size="small" disabled={i === 0} onClick={() => move(i, -1)}>
                    {t('surveyAdmin.moveUp')}
                  </Button>
                  <Button type="link" size="small" disabled={i === questions.length - 1} onClick={() => move(i, 1)}>
                    {t('surveyAdmin.moveDown')}
                  </Button>
                  <Button type="link" size="small" danger disabled={questions.length === 1} onClick={() => setQuestions((qs) => qs.filter((_, k) => k !== i))}>
                    {t('surveyAdmin.remove')}
                  </Button>
                </Space>
              )
            }
          >
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap style={{ width: '100%' }}>
                <Select<SurveyQuestionKind>
                  disabled={frozen}
                  style={{ width: 120 }}
                  value={q.kind}
                  onChange={(k) => setKind(i, k)}
                  options={SURVEY_QUESTION_KINDS.map((k) => ({ value: k, label: t(`surveyAdmin.kind.${k}`) }))}
                />
                <Input
                  disabled={frozen}
                  style={{ width: 460, maxWidth: '100%' }}
                  placeholder={t('surveyAdmin.field.question')}
                  value={q.title}
                  maxLength={200}
                  onChange={(e) => change(i, { title: e.target.value })}
                  data-testid={`survey-question-title-${i}`}
                />
                <Checkbox disabled={frozen} checked={q.required} onChange={(e) => change(i, { required: e.target.checked })}>
                  {t('surveyAdmin.field.required')}
                </Checkbox>
              </Space>
              {CHOICE.includes(q.kind) ? (
                <Space wrap>
                  {q.options.map((o, k) => (
                    <Input
                      key={o.id}
                      disabled={frozen}
                      style={{ width: 180 }}
                      maxLength={100}
                      placeholder={t('surveyAdmin.field.option', { n: k + 1 })}
                      value={o.label}
                      onChange={(e) => change(i, { options: q.options.map((x) => (x.id === o.id ? { ...x, label: e.target.value } : x)) })}
                      data-testid={`survey-option-${i}-${k}`}
                      suffix={
                        frozen || q.options.length <= 2 ? null : (
                          <Button type="text" size="small" onClick={() => change(i, { options: q.options.filter((x) => x.id !== o.id) })} aria-label={t('surveyAdmin.remove')}>
                            ×
                          </Button>
                        )
                      }
                    />
                  ))}
                  {frozen ? null : (
                    <Button size="small" onClick={() => change(i, { options: [...q.options, { id: newId('o'), label: '' }] })} disabled={q.options.length >= 20}>
                      {t('surveyAdmin.field.addOption')}
                    </Button>
                  )}
                  {q.kind === 'multi' ? (
                    <InputNumber
                      disabled={frozen}
                      min={1}
                      max={q.options.length}
                      placeholder={t('surveyAdmin.field.maxChoices')}
                      value={q.maxChoices ?? null}
                      onChange={(v) => change(i, { maxChoices: v ?? undefined })}
                    />
                  ) : null}
                </Space>
              ) : null}
              {q.kind === 'scale' && q.scale ? (
                <Space wrap>
                  <InputNumber
                    disabled={frozen}
                    addonBefore={t('surveyAdmin.field.scaleMin')}
                    min={0}
                    max={1}
                    value={q.scale.min}
                    onChange={(v) => change(i, { scale: { ...q.scale!, min: v ?? 1 } })}
                  />
                  <InputNumber
                    disabled={frozen}
                    addonBefore={t('surveyAdmin.field.scaleMax')}
                    min={2}
                    max={10}
                    value={q.scale.max}
                    onChange={(v) => change(i, { scale: { ...q.scale!, max: v ?? 5 } })}
                  />
                  <Input
                    disabled={frozen}
                    style={{ width: 140 }}
                    maxLength={20}
                    placeholder={t('surveyAdmin.field.minLabel')}
                    value={q.scale.minLabel}
                    onChange={(e) => change(i, { scale: { ...q.scale!, minLabel: e.target.value } })}
                  />
                  <Input
                    disabled={frozen}
                    style={{ width: 140 }}
                    maxLength={20}
                    placeholder={t('surveyAdmin.field.maxLabel')}
                    value={q.scale.maxLabel}
                    onChange={(e) => change(i, { scale: { ...q.scale!, maxLabel: e.target.value } })}
                  />
                </Space>
              ) : null}
              {earlier.length ? (
                <Space wrap>
                  <span>{t('surveyAdmin.field.showIf')}</span>
                  <Select
                    disabled={frozen}
                    allowClear
                    style={{ width: 220 }}
                    placeholder={t('surveyAdmin.field.noCondition')}
                    value={q.showIf?.questionId}
                    onChange={(v?: string) => change(i, { showIf: v ? { questionId: v, anyOf: [] } : undefined })}
                    options={earlier.map((x) => ({ value: x.id, label: x.title || x.id }))}
                    data-testid={`survey-condition-${i}`}
                  />
                  {target ? (
                    <>
                      <span>{t('surveyAdmin.field.showIfOptions')}</span>
                      <Select
                        disabled={frozen}
                        mode="multiple"
                        style={{ minWidth: 220 }}
                        value={q.showIf?.anyOf ?? []}
                        onChange={(anyOf: string[]) => change(i, { showIf: { questionId: target.id, anyOf } })}
                        options={target.options.map((o) => ({ value: o.id, label: o.label || o.id }))}
                        data-testid={`survey-condition-options-${i}`}
                      />
                    </>
                  ) : null}
                </Space>
              ) : null}
            </Space>
          </Card>
        );
      })}
      {error ? <ErrorAlert error={error} /> : null}
      {error instanceof ApiError && error.errors.length ? (
        <ul style={{ color: '#c8102e', margin: '4px 0' }} data-testid="survey-builder-errors">
          {error.errors.map((e, k) => (
            <li key={k}>
              {placeOf(e.path, t)}
              {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {frozen ? null : (
        <Space style={{ marginTop: 8 }}>
          <Button onClick={() => setQuestions((qs) => [...qs, blankQuestion()])} disabled={questions.length >= 50} data-testid="survey-add-question">
            {t('surveyAdmin.addQuestion')}
          </Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="survey-save">
            {t('surveyAdmin.save')}
          </Button>
        </Space>
      )}
    </div>
  );
}
