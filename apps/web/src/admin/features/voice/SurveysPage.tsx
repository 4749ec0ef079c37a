import type { Page, Survey, SurveyFollowUp } from '@niangjia/contracts';
import { SURVEY_STATUSES } from '@niangjia/contracts';
import { projectCategories } from '@niangjia/contracts';
import { App, Button, Card, Checkbox, Drawer, Empty, Input, Popconfirm, Radio, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../../shared/api';
import { formatDate } from '../../../shared/format';
import { QrSvg } from '../../../shared/QrSvg';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagedList } from '../../components/use-paged-list';
import { useScope } from '../../layout/scope';
import { SurveyBuilder } from './SurveyBuilder';
import { SurveyResultsTab } from './SurveyResults';

const STATUS_COLORS: Record<string, string> = { draft: 'default', published: 'green', closed: 'blue' };

/**
 * 职工之声 ▸ 需求调研 (/voice/surveys): the questionnaires of the unions in scope; a drawer builds one,
 * publishes and closes it, shows its results with charts and cross-tabs, exports them, and chooses
 * what respondents see and the "这是你们要的" follow-ups. `?survey=<id>` opens one.
 */
export function SurveysPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [search] = useSearchParams();
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  const [openId, setOpenId] = useState<string | null>(search.get('survey'));
  const [creating, setCreating] = useState(false);
  const { scope } = useScope();
  const paged = usePagedList<Survey>('/voice/surveys', { status: status || undefined, q: q || undefined, orgId: scope?.id });
  const list = paged.list;
  const canWrite = me.permissions.includes('voice.write');
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <Radio.Group
            optionType="button"
            value={status}
            onChange={(e) => (setStatus(e.target.value as string), paged.firstPage())}
            options={[{ value: '', label: t('surveyAdmin.filter.all') }, ...SURVEY_STATUSES.map((s) => ({ value: s, label: t(`surveyAdmin.status.${s}`) }))]}
          />
          <Input.Search allowClear style={{ width: 220 }} placeholder={t('surveyAdmin.filter.search')} onSearch={(v) => (setQ(v.trim()), paged.firstPage())} data-testid="survey-search" />
        </Space>
      }
      extra={
        canWrite ? (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="survey-create">
            {t('surveyAdmin.create')}
          </Button>
        ) : null
      }
    >
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <DataTable<Survey>
        id="voice-surveys"
        rowKey="id"
        size="small"
        {...paged.table}
        locale={{ emptyText: <Empty description={t('surveyAdmin.empty')} /> }}
        columns={[
          { title: t('surveyAdmin.col.title'), key: 'title', dataIndex: 'title', width: 280, ellipsis: true, render: (v: string) => <span data-testid="survey-row-title">{v}</span> },
          { title: t('surveyAdmin.col.org'), key: 'org', dataIndex: 'orgName', width: 180, ellipsis: true },
          { title: t('surveyAdmin.col.status'), key: 'status', dataIndex: 'status', width: 90, render: (v: string) => <Tag color={STATUS_COLORS[v]}>{t(`surveyAdmin.status.${v}`)}</Tag> },
          { title: t('surveyAdmin.col.responses'), key: 'responses', dataIndex: 'responses', width: 90, align: 'right' },
          { title: t('surveyAdmin.col.anonymous'), key: 'anonymous', dataIndex: 'isAnonymous', width: 70, priority: 3, render: (v: boolean) => (v ? t('surveyAdmin.yes') : t('surveyAdmin.no')) },
          { title: t('surveyAdmin.col.publishedAt'), key: 'publishedAt', dataIndex: 'publishedAt', width: 110, priority: 2, render: (v: string | null) => (v ? formatDate(v) : '—') },
        ]}
        actions={(s) => (
          <Button type="link" size="small" onClick={() => setOpenId(s.id)} data-testid={`survey-open-${s.id}`}>
            {t('surveyAdmin.open')}
          </Button>
        )}
      />
      {creating ? (
        <Drawer open width={820} title={t('surveyAdmin.create')} onClose={() => setCreating(false)} destroyOnHidden>
          <SurveyBuilder survey={null} onSaved={(s) => (setCreating(false), list.reload(), setOpenId(s.id))} />
        </Drawer>
      ) : null}
      {openId ? <SurveyDrawer id={openId} onClose={() => setOpenId(null)} onChanged={list.reload} /> : null}
    </Card>
  );
}

function SurveyDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const detail = useRequest((signal) => api.get<Survey>(`/voice/surveys/${id}`, undefined, { signal }), [id]);
  const [tab, setTab] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const s = detail.data;
  const canWrite = me.permissions.includes('voice.write');
  useEffect(() => {
    if (s && tab === null) setTab(s.status === 'draft' ? 'questions' : 'results');
  }, [s, tab]);
  const step = async (kind: 'publish' | 'close') => {
    if (!s) return;
    setError(null);
    try {
      await api.post<Survey>(`/voice/surveys/${s.id}/${kind}`, { version: s.version });
      message.success(t(kind === 'publish' ? 'surveyAdmin.published' : 'surveyAdmin.closed'));
      detail.reload();
      onChanged();
    } catch (e) {
      setError(e);
    }
  };
  const qrUrl = s?.linkToken ? `${window.location.origin}/m/surveys/${s.id}?token=${encodeURIComponent(s.linkToken)}` : null;
  return (
    <Drawer
      open
      width={960}
      title={s ? s.title : ''}
      onClose={onClose}
      destroyOnHidden
      extra={
        s && canWrite ? (
          <Space>
            {s.status === 'draft' ? (
              <Popconfirm title={t('surveyAdmin.publishConfirm')} onConfirm={() => void step('publish')}>
                <Button type="primary" data-testid="survey-publish">{t('surveyAdmin.publish')}</Button>
              </Popconfirm>
            ) : null}
            {s.status === 'published' ? (
              <Popconfirm title={t('surveyAdmin.closeConfirm')} onConfirm={() => void step('close')}>
                <Button data-testid="survey-close">{t('surveyAdmin.close')}</Button>
              </Popconfirm>
            ) : null}
          </Space>
        ) : null
      }
    >
      {detail.error ? <ErrorAlert error={detail.error} onRetry={detail.reload} /> : null}
      {error ? <ErrorAlert error={error} /> : null}
      {s ? (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <Tag color={STATUS_COLORS[s.status]}>{t(`surveyAdmin.status.${s.status}`)}</Tag>
            <Typography.Text type="secondary">{s.orgName}</Typography.Text>
            <Typography.Text type="secondary">{t(`surveyAdmin.audience.${s.audience}`)}</Typography.Text>
          </Space>
          {qrUrl && s.status !== 'draft' ? (
            <div style={{ width: 120, marginBottom: 8 }} title={t('surveyAdmin.qr')} data-testid="survey-qr">
              <QrSvg text={qrUrl} />
            </div>
          ) : null}
          <Tabs
            activeKey={tab ?? 'questions'}
            onChange={setTab}
            destroyOnHidden
            items={[
              { key: 'questions', label: t('surveyAdmin.tabs.questions'), children: <SurveyBuilder key={s.version} survey={s} onSaved={() => (detail.reload(), onChanged())} /> },
              ...(s.status === 'draft' ? [] : [{ key: 'results', label: t('surveyAdmin.tabs.results'), children: <SurveyResultsTab survey={s} /> }]),
              { key: 'sharing', label: t('surveyAdmin.tabs.sharing'), children: <SharingTab key={s.version} survey={s} canWrite={canWrite} onSaved={detail.reload} /> },
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}

type EventItem = { id: string; title: string };

/** 公布与跟进: which questions' results respondents see, and the follow-ups to marketplace categories and events. */
function SharingTab({ survey, canWrite, onSaved }: { survey: Survey; canWrite: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [published, setPublished] = useState<string[]>(survey.publishedQuestionIds);
  const [followUps, setFollowUps] = useState<SurveyFollowUp[]>(survey.followUps);
  const [error, setError] = useState<unknown>(null);
  const events = useRequest((signal) => api.get<Page<EventItem>>('/events', { page: 1, pageSize: 100 }, { signal }).catch(() => ({ items: [] as EventItem[] }) as Page<EventItem>), []);
  const choice = survey.questions.filter((q) => q.kind === 'single' || q.kind === 'multi' || q.kind === 'rank');
  const change = (i: number, patch: Partial<SurveyFollowUp>) => setFollowUps((fs) => fs.map((f, k) => (k === i ? { ...f, ...patch } : f)));
  const save = async () => {
    setError(null);
    try {
      await api.put<Survey>(`/voice/surveys/${survey.id}/sharing`, { version: survey.version, publishedQuestionIds: published, followUps });
      message.success(t('surveyAdmin.sharing.saved'));
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div data-testid="survey-sharing">
      <Typography.Title level={5}>{t('surveyAdmin.sharing.publishResults')}</Typography.Title>
      <Checkbox.Group
        disabled={!canWrite}
        style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
        value={published}
        onChange={(v) => setPublished(v)}
        options={survey.questions.filter((q) => q.kind !== 'text').map((q, i) => ({ value: q.id, label: `${i + 1}. ${q.title}` }))}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('surveyAdmin.sharing.followUps')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('surveyAdmin.sharing.followUpHelp')}</Typography.Paragraph>
      {followUps.map((f, i) => {
        const q = choice.find((x) => x.id === f.questionId);
        return (
          <Card key={i} size="small" style={{ marginBottom: 8 }} extra={canWrite ? <Button type="link" danger size="small" onClick={() => setFollowUps((fs) => fs.filter((_, k) => k !== i))}>{t('surveyAdmin.remove')}</Button> : null}>
            <Space wrap>
              <Select allowClear disabled={!canWrite} style={{ width: 220 }} placeholder={t('surveyAdmin.sharing.question')} value={f.questionId} onChange={(v?: string) => change(i, { questionId: v, optionId: undefined })} options={choice.map((x) => ({ value: x.id, label: x.title }))} />
              <Select allowClear disabled={!canWrite || !q} style={{ width: 160 }} placeholder={t('surveyAdmin.sharing.option')} value={f.optionId} onChange={(v?: string) => change(i, { optionId: v })} options={(q?.options ?? []).map((o) => ({ value: o.id, label: o.label }))} />
              <Select allowClear disabled={!canWrite} style={{ width: 150 }} placeholder={t('surveyAdmin.sharing.marketCategory')} value={f.marketCategory} onChange={(v?: SurveyFollowUp['marketCategory']) => change(i, { marketCategory: v })} options={projectCategories.map((c) => ({ value: c, label: t(`surveyAdmin.marketCategory.${c}`) }))} />
              <Select allowClear showSearch optionFilterProp="label" disabled={!canWrite} style={{ width: 220 }} placeholder={t('surveyAdmin.sharing.eventId')} value={f.eventId} onChange={(v?: string) => change(i, { eventId: v })} options={(events.data?.items ?? []).map((e) => ({ value: e.id, label: e.title }))} />
              <Input disabled={!canWrite} style={{ width: 320 }} maxLength={200} placeholder={t('surveyAdmin.sharing.note')} value={f.note} onChange={(e) => change(i, { note: e.target.value })} />
            </Space>
          </Card>
        );
      })}
      {error ? <ErrorAlert error={error} /> : null}
      {canWrite ? (
        <Space>
          <Button onClick={() => setFollowUps((fs) => [...fs, { note: '' }])} disabled={followUps.length >= 20}>
            {t('surveyAdmin.sharing.add')}
          </Button>
          <Button type="primary" onClick={() => void save()} data-testid="survey-sharing-save">
            {t('surveyAdmin.sharing.save')}
          </Button>
        </Space>
      ) : null}
    </div>
  );
}
