import type { LiaisonProblem } from '@niangjia/contracts';
import { Button, Card, Descriptions, Drawer, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { PagedList } from '../../components/PagedList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormSubmit } from '../../components/use-form-submit';
import { usePagedList } from '../../components/use-paged-list';
import { useScope } from '../../layout/scope';
import { useCadres } from './LiaisonPage';

const STATUS_COLORS: Record<string, string> = { open: 'orange', in_progress: 'blue', resolved: 'green' };
const FILTERS = ['open', 'overdue', 'in_progress', 'resolved', ''] as const;

function StatusTags({ p }: { p: LiaisonProblem }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[p.status]} data-testid="liaison-problem-status">
        {t(`liaisonAdmin.status.${p.status}`)}
      </Tag>
      {p.isOverdue ? <Tag color="red">{t('liaisonAdmin.overdueTag')}</Tag> : null}
    </Space>
  );
}

/** 问题清单: problems found on visits, open first by due date; the overdue list per cadre (filter) and per union (the header scope). */
export function LiaisonProblems({ linkedId }: { linkedId: string | null }) {
  const { t } = useTranslation();
  const { scope } = useScope();
  const cadres = useCadres();
  const [status, setStatus] = useState<(typeof FILTERS)[number]>('open');
  const [cadreId, setCadreId] = useState<string | undefined>();
  const [ownerId, setOwnerId] = useState<string | undefined>();
  const [openId, setOpenId] = useState<string | null>(linkedId);
  useEffect(() => {
    if (linkedId) setOpenId(linkedId);
  }, [linkedId]);
  const paged = usePagedList<LiaisonProblem>('/voice/liaison/problems', { status: status || undefined, cadreId, ownerId, orgId: scope?.id });
  const list = paged.list;
  return (
    <>
      <PagedList<LiaisonProblem>
        paged={paged}
        id="liaison-problems"
        filters={
          <>
            <Radio.Group
              optionType="button"
              style={{ display: 'inline-flex', flexWrap: 'wrap', rowGap: 4 }}
              value={status}
              onChange={(e) => (setStatus(e.target.value as (typeof FILTERS)[number]), paged.firstPage())}
              options={FILTERS.map((f) => ({
                value: f,
                label: f === '' ? t('liaisonAdmin.filter.all') : f === 'open' ? t('liaisonAdmin.filter.open') : f === 'overdue' ? t('liaisonAdmin.filter.overdue') : t(`liaisonAdmin.status.${f}`),
              }))}
              data-testid="liaison-problem-filter"
            />
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: 220 }}
              placeholder={t('liaisonAdmin.filter.cadre')}
              options={cadres.options}
              value={cadreId}
              onChange={(v) => (setCadreId(v), paged.firstPage())}
            />
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: 220 }}
              placeholder={t('liaisonAdmin.filter.owner')}
              options={cadres.options}
              value={ownerId}
              onChange={(v) => (setOwnerId(v), paged.firstPage())}
            />
          </>
        }
        empty={t('liaisonAdmin.empty.problems')}
        columns={[
          { title: t('liaisonAdmin.col.number'), key: 'number', dataIndex: 'number', width: 100, priority: 1 },
          {
            title: t('liaisonAdmin.col.description'),
            key: 'description',
            dataIndex: 'description',
            width: 260,
            ellipsis: true,
            render: (v: string) => <span data-testid="liaison-problem-text">{v}</span>,
          },
          { title: t('liaisonAdmin.col.org'), key: 'org', dataIndex: 'orgName', width: 180, ellipsis: true },
          { title: t('liaisonAdmin.col.owner'), key: 'owner', dataIndex: 'ownerName', width: 150, ellipsis: true },
          { title: t('liaisonAdmin.col.dueOn'), key: 'dueOn', dataIndex: 'dueOn', width: 110 },
          { title: t('liaisonAdmin.col.state'), key: 'status', width: 150, render: (_: unknown, p) => <StatusTags p={p} /> },
          { title: t('liaisonAdmin.col.cadre'), key: 'cadre', dataIndex: 'cadreName', width: 150, priority: 3, ellipsis: true },
          { title: t('liaisonAdmin.col.visitedOn'), key: 'visitedOn', dataIndex: 'visitedOn', width: 110, priority: 3 },
        ]}
        actions={(p) => (
          <Button type="link" size="small" onClick={() => setOpenId(p.id)} data-testid={`liaison-open-${p.number}`}>
            {t('liaisonAdmin.detail')}
          </Button>
        )}
      />
      {openId ? <ProblemDrawer id={openId} onClose={() => setOpenId(null)} onChanged={list.reload} /> : null}
    </>
  );
}

type Mode = 'progress' | 'resolve' | 'reopen' | 'change';

function ProblemDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const cadres = useCadres();
  const detail = useRequest((signal) => api.get<LiaisonProblem>(`/voice/liaison/problems/${id}`, undefined, { signal }), [id]);
  const [mode, setMode] = useState<Mode | null>(null);
  const [form] = Form.useForm<{ note?: string; ownerId?: string; dueOn?: string }>();
  const { submit: send, saving, error, setError } = useFormSubmit(form, { fields: ['note', 'ownerId', 'dueOn'], success: t('liaisonAdmin.saved') });
  const p = detail.data;
  const canAct = !!p && (me.permissions.includes('voice.write') || p.ownerId === me.user.id || p.cadreId === me.user.id);

  const submit = async () => {
    if (!p || !mode) return;
    await send(async (v) => {
      const saved =
        mode === 'change'
          ? await api.put<LiaisonProblem>(`/voice/liaison/problems/${p.id}`, { version: p.version, ...(v.ownerId ? { ownerId: v.ownerId } : {}), ...(v.dueOn ? { dueOn: v.dueOn } : {}) })
          : await api.post<LiaisonProblem>(`/voice/liaison/problems/${p.id}/${mode}`, { version: p.version, note: v.note });
      detail.setData(saved);
      setMode(null);
      form.resetFields();
      onChanged();
    });
  };
  const button = (m: Mode, primary = false) => (
    <Button
      type={primary ? 'primary' : 'default'}
      onClick={() => {
        setMode(m);
        setError(null);
        form.resetFields();
        if (m === 'change' && p) form.setFieldsValue({ ownerId: p.ownerId, dueOn: p.dueOn });
      }}
      data-testid={`liaison-${m}`}
    >
      {t(`liaisonAdmin.problem.${m}`)}
    </Button>
  );

  return (
    <Drawer open width={560} title={p ? t('liaisonAdmin.problem.title', { number: p.number }) : ''} onClose={onClose} destroyOnHidden>
      {detail.error ? <ErrorAlert error={detail.error} onRetry={detail.reload} /> : null}
      {p ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('liaisonAdmin.problem.found', { cadre: p.cadreName, org: p.orgName, date: p.visitedOn })}</Typography.Text>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('liaisonAdmin.col.state')}>
              <StatusTags p={p} />
            </Descriptions.Item>
            <Descriptions.Item label={t('liaisonAdmin.col.description')}>
              <span style={{ whiteSpace: 'pre-wrap' }} data-testid="liaison-detail-text">
                {p.description}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('liaisonAdmin.col.owner')}>{p.ownerName}</Descriptions.Item>
            <Descriptions.Item label={t('liaisonAdmin.col.dueOn')}>{p.dueOn}</Descriptions.Item>
            <Descriptions.Item label={t('liaisonAdmin.problem.latestNote')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{p.latestNote ?? '—'}</span>
            </Descriptions.Item>
            {p.resolvedAt ? <Descriptions.Item label={t('liaisonAdmin.status.resolved')}>{formatDateTime(p.resolvedAt)}</Descriptions.Item> : null}
          </Descriptions>
          {canAct ? (
            <Space wrap>
              {p.status !== 'resolved' ? (
                <>
                  {button('resolve', true)}
                  {button('progress')}
                  {button('change')}
                </>
              ) : (
                button('reopen')
              )}
            </Space>
          ) : null}
          {mode ? (
            <Card size="small" title={t(`liaisonAdmin.problem.${mode}`)}>
              {error ? <ErrorAlert error={error} /> : null}
              <Form form={form} layout="vertical">
                {mode === 'change' ? (
                  <>
                    <Form.Item name="ownerId" label={t('liaisonAdmin.col.owner')}>
                      <Select showSearch optionFilterProp="label" options={cadres.options} />
                    </Form.Item>
                    <Form.Item name="dueOn" label={t('liaisonAdmin.col.dueOn')}>
                      <Input type="date" min={formatDate(new Date())} style={{ width: 180 }} />
                    </Form.Item>
                  </>
                ) : (
                  <Form.Item
                    name="note"
                    label={t('liaisonAdmin.problem.note')}
                    rules={[{ required: true, whitespace: true, message: t('liaisonAdmin.form.required', { field: t('liaisonAdmin.problem.note') }) }]}
                  >
                    <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('liaisonAdmin.problem.notePlaceholder')} data-testid="liaison-note" />
                  </Form.Item>
                )}
                <Space>
                  <Button type="primary" loading={saving} onClick={submit} data-testid="liaison-step-save">
                    {t('liaisonAdmin.problem.save')}
                  </Button>
                  <Button onClick={() => setMode(null)}>{t('liaisonAdmin.problem.cancel')}</Button>
                </Space>
              </Form>
            </Card>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  );
}
