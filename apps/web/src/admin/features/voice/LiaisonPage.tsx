import type { LiaisonAssignment, LiaisonCadre } from '@niangjia/contracts';
import { LIAISON_KINDS } from '@niangjia/contracts';
import { App, Button, Checkbox, Form, Input, Modal, Popconfirm, Radio, Select, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { PagedList } from '../../components/PagedList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormSubmit } from '../../components/use-form-submit';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { usePagedList } from '../../components/use-paged-list';
import { useScope } from '../../layout/scope';
import { LiaisonFigures } from './LiaisonFigures';
import { LiaisonProblems } from './LiaisonProblems';
import { LiaisonVisits, VisitModal } from './LiaisonVisits';

const TABS = ['assignments', 'visits', 'problems', 'figures'] as const;

/** Union staff in scope: cadres to assign and owners of problems. */
export function useCadres() {
  const list = useRequest((signal) => api.get<{ items: LiaisonCadre[] }>('/voice/liaison/cadres', undefined, { signal }), []);
  const options = (list.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.displayName}（${c.orgName}）` }));
  return { items: list.data?.items ?? [], options };
}

/**
 * 职工之声 ▸ 对口联系 (/voice/liaison): cadres assigned to the unions below them (包片 / 对口联系),
 * their visits with notes, photos and the problems found, the problems tracked until resolved,
 * and the figures per cadre and per union. `?tab=problems&problem=<id>` opens one problem.
 */
export function LiaisonPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(search.get('tab') ?? '') ? (search.get('tab') as (typeof TABS)[number]) : 'assignments';
  const [visitsOf, setVisitsOf] = useState<string | undefined>();
  const go = (next: string) => setSearch(next === 'assignments' ? {} : { tab: next }, { replace: true });
  return (
    <Tabs
      activeKey={tab}
      onChange={go}
      destroyOnHidden
      items={[
        {
          key: 'assignments',
          label: t('liaisonAdmin.tabs.assignments'),
          children: (
            <AssignmentsTab
              onShowVisits={(id) => {
                setVisitsOf(id);
                go('visits');
              }}
            />
          ),
        },
        { key: 'visits', label: t('liaisonAdmin.tabs.visits'), children: <LiaisonVisits assignmentId={visitsOf} onClearAssignment={() => setVisitsOf(undefined)} /> },
        { key: 'problems', label: t('liaisonAdmin.tabs.problems'), children: <LiaisonProblems linkedId={search.get('problem')} /> },
        { key: 'figures', label: t('liaisonAdmin.tabs.figures'), children: <LiaisonFigures /> },
      ]}
    />
  );
}

function AssignmentsTab({ onShowVisits }: { onShowVisits: (assignmentId: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const { scope } = useScope();
  const canWrite = me.permissions.includes('voice.write');
  const cadres = useCadres();
  const [cadreId, setCadreId] = useState<string | undefined>();
  const [activeOnly, setActiveOnly] = useState(true);
  const [adding, setAdding] = useState(false);
  const [visiting, setVisiting] = useState<LiaisonAssignment | null>(null);
  const paged = usePagedList<LiaisonAssignment>('/voice/liaison/assignments', { cadreId, orgId: scope?.id, isActive: activeOnly ? 'true' : undefined });
  const list = paged.list;
  const end = async (a: LiaisonAssignment) => {
    try {
      await api.post(`/voice/liaison/assignments/${a.id}/end`, { version: a.version });
      list.reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <>
      <PagedList<LiaisonAssignment>
        paged={paged}
        id="liaison-assignments"
        filters={
          <>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: 240 }}
              placeholder={t('liaisonAdmin.filter.cadre')}
              options={cadres.options}
              value={cadreId}
              onChange={(v) => (setCadreId(v), paged.firstPage())}
            />
            <Checkbox checked={activeOnly} onChange={(e) => (setActiveOnly(e.target.checked), paged.firstPage())}>
              {t('liaisonAdmin.filter.active')}
            </Checkbox>
          </>
        }
        extra={
          canWrite ? (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="liaison-new-assignment">
              {t('liaisonAdmin.newAssignment')}
            </Button>
          ) : null
        }
        empty={t('liaisonAdmin.empty.assignments')}
        columns={[
          { title: t('liaisonAdmin.col.cadre'), key: 'cadre', dataIndex: 'cadreName', width: 170, priority: 1, ellipsis: true },
          { title: t('liaisonAdmin.col.org'), key: 'org', dataIndex: 'orgName', width: 200, ellipsis: true, render: (v: string) => <span data-testid="liaison-assignment-org">{v}</span> },
          { title: t('liaisonAdmin.col.kind'), key: 'kind', width: 100, render: (_: unknown, a) => <Tag>{t(`liaisonAdmin.kind.${a.kind}`)}</Tag> },
          { title: t('liaisonAdmin.col.since'), key: 'since', dataIndex: 'startedOn', width: 110 },
          { title: t('liaisonAdmin.col.visits'), key: 'visits', dataIndex: 'visits', width: 90, align: 'right' },
          { title: t('liaisonAdmin.col.lastVisit'), key: 'lastVisit', width: 110, render: (_: unknown, a) => a.lastVisitOn ?? '—' },
          {
            title: t('liaisonAdmin.col.openProblems'),
            key: 'open',
            width: 130,
            render: (_: unknown, a) => (
              <Space size={4}>
                {a.openProblems}
                {a.overdueProblems ? <Tag color="red">{`${t('liaisonAdmin.col.overdue')} ${a.overdueProblems}`}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('liaisonAdmin.col.state'),
            key: 'state',
            width: 150,
            priority: 3,
            render: (_: unknown, a) => (a.endedOn ? <Tag>{t('liaisonAdmin.ended', { date: a.endedOn })}</Tag> : <Tag color="green">{t('liaisonAdmin.active')}</Tag>),
          },
          { title: t('liaisonAdmin.form.note'), key: 'note', dataIndex: 'note', width: 180, priority: 3, ellipsis: true, render: (v: string | null) => v ?? '' },
        ]}
        actions={(a) => (
          <Space size={0}>
            {!a.endedOn && (canWrite || a.cadreId === me.user.id) ? (
              <Button type="link" size="small" onClick={() => setVisiting(a)} data-testid="liaison-log-visit">
                {t('liaisonAdmin.logVisit')}
              </Button>
            ) : null}
            <Button type="link" size="small" onClick={() => onShowVisits(a.id)}>
              {t('liaisonAdmin.showVisits')}
            </Button>
            {canWrite && !a.endedOn ? (
              <Popconfirm title={t('liaisonAdmin.endConfirm')} onConfirm={() => end(a)}>
                <Button type="link" size="small" danger>
                  {t('liaisonAdmin.end')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        )}
      />
      {adding ? <AssignmentModal cadres={cadres.options} onClose={() => setAdding(false)} onSaved={() => (setAdding(false), list.reload())} /> : null}
      {visiting ? <VisitModal assignment={visiting} onClose={() => setVisiting(null)} onSaved={() => (setVisiting(null), list.reload())} /> : null}
    </>
  );
}

type AssignmentForm = { cadreId?: string; orgId?: string; kind: 'area' | 'pair'; note?: string };

function AssignmentModal({ cadres, onClose, onSaved }: { cadres: { value: string; label: string }[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<AssignmentForm>();
  const { submit: send, saving, error } = useFormSubmit(form, { fields: ['cadreId', 'orgId', 'kind', 'note'], success: t('liaisonAdmin.saved') });
  const submit = async () => {
    await send(async (v) => {
      await api.post('/voice/liaison/assignments', { cadreId: v.cadreId, orgId: v.orgId, kind: v.kind, ...(v.note ? { note: v.note } : {}) });
      onSaved();
    });
  };
  const required = (field: string) => [{ required: true, message: t('liaisonAdmin.form.required', { field }) }];
  return (
    <Modal open title={t('liaisonAdmin.newAssignment')} onCancel={onClose} onOk={submit} confirmLoading={saving} okButtonProps={{ 'data-testid': 'liaison-assignment-save' }} destroyOnHidden>
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ kind: 'area' }}>
        <Form.Item name="cadreId" label={t('liaisonAdmin.form.cadre')} rules={required(t('liaisonAdmin.form.cadre'))}>
          <Select showSearch optionFilterProp="label" options={cadres} data-testid="liaison-form-cadre" />
        </Form.Item>
        <Form.Item name="orgId" label={t('liaisonAdmin.form.org')} rules={required(t('liaisonAdmin.form.org'))}>
          <OrgTreeSelect roots={me.scopeRoots} style={{ width: '100%' }} id="liaison-form-org" />
        </Form.Item>
        <Form.Item name="kind" label={t('liaisonAdmin.form.kind')}>
          <Radio.Group optionType="button" options={LIAISON_KINDS.map((k) => ({ value: k, label: t(`liaisonAdmin.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('liaisonAdmin.form.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
