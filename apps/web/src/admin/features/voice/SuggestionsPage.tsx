import type { Suggestion, SuggestionDetail, SuggestionFigures } from '@niangjia/contracts';
import { SUGGESTION_CATEGORIES, SUGGESTION_STATUSES } from '@niangjia/contracts';
import { Button, Card, Col, Descriptions, Drawer, Empty, Form, Image, Input, InputNumber, Radio, Row, Space, Statistic, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../../shared/api';
import { formatCount, formatDate, formatDateTime, formatMoney } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { EnumSelect, PagedList } from '../../components/PagedList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormSubmit } from '../../components/use-form-submit';
import { usePagedList } from '../../components/use-paged-list';
import { useScope } from '../../layout/scope';

const STATUS_COLORS: Record<string, string> = { submitted: 'orange', reviewing: 'blue', forwarded: 'geekblue', adopted: 'green', declined: 'default' };
type Action = 'review' | 'forward' | 'adopt' | 'decline' | 'benefit';
/** What staff can do from each status (the server holds the same rule). */
const ACTIONS: Record<string, Action[]> = {
  submitted: ['review', 'forward', 'adopt', 'decline'],
  reviewing: ['forward', 'adopt', 'decline'],
  forwarded: ['adopt', 'decline'],
  adopted: ['benefit'],
  declined: [],
};

/**
 * 职工之声 ▸ 合理化建议 (/voice/suggestions): members' suggestions to the unions in scope, taken
 * through review, forwarding to the employer, adoption or decline with a note the worker reads, and
 * the benefit and reward; 统计 by period, category and union. `?suggestion=<id>` opens one.
 */
export function SuggestionsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'figures' ? 'figures' : 'list';
  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => setSearch(k === 'list' ? {} : { tab: k }, { replace: true })}
      destroyOnHidden
      items={[
        { key: 'list', label: t('suggestionAdmin.tabs.list'), children: <SuggestionList linkedId={search.get('suggestion')} /> },
        { key: 'figures', label: t('suggestionAdmin.tabs.figures'), children: <SuggestionFiguresTab /> },
      ]}
    />
  );
}

function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="suggestion-status">
      {t(`suggestionAdmin.status.${status}`)}
    </Tag>
  );
}

function SuggestionList({ linkedId }: { linkedId: string | null }) {
  const { t } = useTranslation();
  const { scope } = useScope();
  const [status, setStatus] = useState<string>('');
  const [category, setCategory] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [openId, setOpenId] = useState<string | null>(linkedId);
  useEffect(() => {
    if (linkedId) setOpenId(linkedId);
  }, [linkedId]);
  const paged = usePagedList<Suggestion>('/voice/suggestions', { status: status || undefined, category, q: q || undefined, orgId: scope?.id });
  const list = paged.list;
  return (
    <>
      <PagedList<Suggestion>
        paged={paged}
        id="voice-suggestions"
        filters={
          <>
            <Radio.Group
              optionType="button"
              style={{ display: 'inline-flex', flexWrap: 'wrap', rowGap: 4 }}
              value={status}
              onChange={(e) => (setStatus(e.target.value as string), paged.firstPage())}
              options={[{ value: '', label: t('suggestionAdmin.filter.all') }, ...SUGGESTION_STATUSES.map((s) => ({ value: s, label: t(`suggestionAdmin.status.${s}`) }))]}
              data-testid="suggestion-filter"
            />
            <EnumSelect
              values={SUGGESTION_CATEGORIES}
              labels="suggestionAdmin.category"
              placeholder={t('suggestionAdmin.filter.category')}
              width={140}
              value={category}
              onChange={(v) => (setCategory(v), paged.firstPage())}
            />
            <Input.Search allowClear style={{ width: 240 }} placeholder={t('suggestionAdmin.filter.search')} onSearch={(v) => (setQ(v.trim()), paged.firstPage())} data-testid="suggestion-search" />
          </>
        }
        empty={t('suggestionAdmin.empty')}
        columns={[
          { title: t('suggestionAdmin.col.number'), key: 'number', dataIndex: 'number', width: 100, priority: 2 },
          { title: t('suggestionAdmin.col.title'), key: 'title', dataIndex: 'title', width: 260, ellipsis: true, render: (v: string) => <span data-testid="suggestion-title">{v}</span> },
          { title: t('suggestionAdmin.col.category'), key: 'category', dataIndex: 'category', width: 100, render: (v: string) => t(`suggestionAdmin.category.${v}`) },
          { title: t('suggestionAdmin.col.org'), key: 'org', dataIndex: 'orgName', width: 200, ellipsis: true },
          { title: t('suggestionAdmin.col.submitter'), key: 'submitter', dataIndex: 'submitterName', width: 100, priority: 3, ellipsis: true },
          { title: t('suggestionAdmin.col.createdAt'), key: 'createdAt', dataIndex: 'createdAt', width: 110, priority: 2, render: (v: string) => formatDate(v) },
          { title: t('suggestionAdmin.col.status'), key: 'status', dataIndex: 'status', width: 100, render: (v: string) => <StatusTag status={v} /> },
          {
            title: t('suggestionAdmin.col.benefit'),
            key: 'benefit',
            dataIndex: 'benefitFen',
            width: 120,
            align: 'right',
            priority: 3,
            render: (v: number | null) => (v === null ? '—' : formatMoney(v)),
          },
        ]}
        actions={(s) => (
          <Button type="link" size="small" onClick={() => setOpenId(s.id)} data-testid={`suggestion-open-${s.number}`}>
            {t('suggestionAdmin.detail')}
          </Button>
        )}
      />
      {openId ? <SuggestionDrawer id={openId} onClose={() => setOpenId(null)} onChanged={list.reload} /> : null}
    </>
  );
}

type StepForm = { note?: string; forwardedTo?: string; benefitYuan?: number | null; hours?: number | null; rewardYuan?: number | null };
const toFen = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? undefined : Math.round(yuan * 100));

function SuggestionDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const detail = useRequest((signal) => api.get<SuggestionDetail>(`/voice/suggestions/${id}`, undefined, { signal }), [id]);
  const [action, setAction] = useState<Action | null>(null);
  const [form] = Form.useForm<StepForm>();
  const { submit: send, saving, error, setError } = useFormSubmit(form, { fields: ['note', 'forwardedTo'], success: t('suggestionAdmin.saved') });
  const s = detail.data;
  const canWrite = me.permissions.includes('voice.write');

  const submit = async () => {
    if (!s || !action) return;
    await send(async (v) => {
      const saved = await api.post<SuggestionDetail>(`/voice/suggestions/${s.id}/${action}`, {
        version: s.version,
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        ...(v.forwardedTo?.trim() ? { forwardedTo: v.forwardedTo.trim() } : {}),
        ...(toFen(v.benefitYuan) !== undefined ? { benefitFen: toFen(v.benefitYuan) } : {}),
        ...(v.hours !== null && v.hours !== undefined ? { benefitHours: v.hours } : {}),
        ...(toFen(v.rewardYuan) !== undefined ? { rewardFen: toFen(v.rewardYuan) } : {}),
      });
      detail.setData(saved);
      setAction(null);
      form.resetFields();
      onChanged();
    });
  };
  const required = (field: string) => [{ required: true, whitespace: true, message: t('suggestionAdmin.action.required', { field }) }];

  return (
    <Drawer open width={600} title={s ? t('suggestionAdmin.drawer.title', { number: s.number }) : ''} onClose={onClose} destroyOnHidden>
      {detail.error ? <ErrorAlert error={detail.error} onRetry={detail.reload} /> : null}
      {s ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="suggestion-detail-title">
            {s.title}
          </Typography.Title>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('suggestionAdmin.col.status')}>
              <StatusTag status={s.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('suggestionAdmin.col.category')}>{t(`suggestionAdmin.category.${s.category}`)}</Descriptions.Item>
            <Descriptions.Item label={t('suggestionAdmin.col.submitter')}>
              {s.submitterName}（{s.orgName}）
            </Descriptions.Item>
            <Descriptions.Item label={t('suggestionAdmin.drawer.body')}>
              <span style={{ whiteSpace: 'pre-wrap' }} data-testid="suggestion-detail-body">
                {s.body}
              </span>
            </Descriptions.Item>
            {s.forwardedTo ? <Descriptions.Item label={t('suggestionAdmin.drawer.forwardedTo')}>{s.forwardedTo}</Descriptions.Item> : null}
            {s.status === 'adopted' ? (
              <>
                <Descriptions.Item label={t('suggestionAdmin.col.benefit')}>{formatMoney(s.benefitFen)}</Descriptions.Item>
                <Descriptions.Item label={t('suggestionAdmin.col.hours')}>{s.benefitHours ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('suggestionAdmin.col.reward')}>{formatMoney(s.rewardFen)}</Descriptions.Item>
              </>
            ) : null}
            {s.photoIds.length ? (
              <Descriptions.Item label={t('suggestionAdmin.drawer.photos')}>
                <Image.PreviewGroup>
                  <Space wrap>
                    {s.photoIds.map((p) => (
                      <Image key={p} src={`/api/v1/photos/${p}`} width={72} height={72} style={{ objectFit: 'cover' }} alt="" />
                    ))}
                  </Space>
                </Image.PreviewGroup>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Card size="small" title={t('suggestionAdmin.drawer.steps')}>
            <Timeline
              items={s.steps.map((st) => ({
                children: (
                  <div data-testid="suggestion-step">
                    <Typography.Text strong>{t(`suggestionAdmin.step.${st.kind}`)}</Typography.Text>{' '}
                    <Typography.Text type="secondary">
                      {formatDateTime(st.at)}
                      {st.actorName ? ` · ${st.actorName}` : ''}
                    </Typography.Text>
                    {st.note ? <div style={{ whiteSpace: 'pre-wrap' }}>{st.note}</div> : null}
                  </div>
                ),
              }))}
            />
          </Card>
          {canWrite && (ACTIONS[s.status] ?? []).length ? (
            <Space wrap>
              {(ACTIONS[s.status] ?? []).map((a, i) => (
                <Button
                  key={a}
                  type={i === 0 ? 'primary' : 'default'}
                  danger={a === 'decline'}
                  onClick={() => {
                    setAction(a);
                    setError(null);
                    form.resetFields();
                    if (a === 'benefit')
                      form.setFieldsValue({ benefitYuan: s.benefitFen === null ? null : s.benefitFen / 100, hours: s.benefitHours, rewardYuan: s.rewardFen === null ? null : s.rewardFen / 100 });
                  }}
                  data-testid={`suggestion-${a}`}
                >
                  {t(`suggestionAdmin.action.${a}`)}
                </Button>
              ))}
            </Space>
          ) : null}
          {action ? (
            <Card size="small" title={t(`suggestionAdmin.action.${action}`)}>
              {error ? <ErrorAlert error={error} /> : null}
              <Form form={form} layout="vertical">
                {action === 'forward' ? (
                  <Form.Item name="forwardedTo" label={t('suggestionAdmin.action.forwardedTo')} rules={required(t('suggestionAdmin.action.forwardedTo'))}>
                    <Input maxLength={100} data-testid="suggestion-forwarded-to" />
                  </Form.Item>
                ) : null}
                {action === 'adopt' || action === 'benefit' ? (
                  <Space wrap>
                    <Form.Item name="benefitYuan" label={t('suggestionAdmin.action.benefitYuan')}>
                      <InputNumber min={0} max={100_000_000} precision={2} prefix="¥" style={{ width: 180 }} data-testid="suggestion-benefit" />
                    </Form.Item>
                    <Form.Item name="hours" label={t('suggestionAdmin.action.hours')}>
                      <InputNumber min={0} max={10_000_000} precision={0} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name="rewardYuan" label={t('suggestionAdmin.action.rewardYuan')}>
                      <InputNumber min={0} max={100_000_000} precision={2} prefix="¥" style={{ width: 160 }} data-testid="suggestion-reward" />
                    </Form.Item>
                  </Space>
                ) : null}
                {action !== 'benefit' ? (
                  <Form.Item name="note" label={t('suggestionAdmin.action.note')} rules={action === 'decline' ? required(t('suggestionAdmin.action.note')) : []}>
                    <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('suggestionAdmin.action.notePlaceholder')} data-testid="suggestion-note" />
                  </Form.Item>
                ) : null}
                <Space>
                  <Button type="primary" loading={saving} onClick={submit} data-testid="suggestion-step-save">
                    {t('suggestionAdmin.action.save')}
                  </Button>
                  <Button onClick={() => setAction(null)}>{t('suggestionAdmin.action.cancel')}</Button>
                </Space>
              </Form>
            </Card>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  );
}

type Counts = SuggestionFigures['byCategory'][number];
const rate = (c: { submitted: number; adopted: number }) => (c.submitted ? `${Math.round((c.adopted / c.submitted) * 1000) / 10}%` : '—');

/** 统计: made and adopted, benefit and reward in the period, by category and by union. */
function SuggestionFiguresTab() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const today = formatDate(new Date());
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const figures = useRequest((signal) => api.get<SuggestionFigures>('/voice/suggestions/figures', { from, to, orgId: scope?.id }, { signal }), [from, to, scope?.id], !!from && !!to && from <= to);
  const f = figures.data;
  const countColumns = [
    { title: t('suggestionAdmin.col.submitted'), dataIndex: 'submitted', width: 90, align: 'right' as const, render: formatCount },
    { title: t('suggestionAdmin.col.adopted'), dataIndex: 'adopted', width: 90, align: 'right' as const, render: formatCount },
    { title: t('suggestionAdmin.col.benefit'), dataIndex: 'benefitFen', width: 150, align: 'right' as const, render: formatMoney },
    { title: t('suggestionAdmin.col.hours'), dataIndex: 'benefitHours', width: 100, align: 'right' as const, render: formatCount },
    { title: t('suggestionAdmin.col.reward'), dataIndex: 'rewardFen', width: 130, align: 'right' as const, render: formatMoney },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>{t('suggestionAdmin.filter.period')}</Typography.Text>
        <Input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} style={{ width: 170 }} />
        <span>–</span>
        <Input type="date" value={to} min={from} max={today} onChange={(e) => setTo(e.target.value)} style={{ width: 170 }} />
        <Typography.Text type="secondary">{t('suggestionAdmin.figures.hint')}</Typography.Text>
      </Space>
      {figures.error ? <ErrorAlert error={figures.error} onRetry={figures.reload} /> : null}
      <Row gutter={[16, 16]}>
        {(
          [
            ['submitted', formatCount(f?.totals.submitted)],
            ['adopted', `${formatCount(f?.totals.adopted)}${f ? `（${rate(f.totals)}）` : ''}`],
            ['benefit', formatMoney(f?.totals.benefitFen)],
            ['reward', formatMoney(f?.totals.rewardFen)],
            ['open', formatCount(f?.totals.open)],
          ] as const
        ).map(([key, value]) => (
          <Col key={key} xs={12} md={8} xl={4}>
            <Card size="small" loading={figures.loading && !f}>
              <Statistic title={t(`suggestionAdmin.figures.${key}`)} value={value} data-testid={`suggestion-figure-${key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('suggestionAdmin.figures.byCategory')}>
        <Table<Counts>
          size="small"
          rowKey="category"
          loading={figures.loading}
          dataSource={f?.byCategory ?? []}
          pagination={false}
          scroll={{ x: 760 }}
          columns={[
            { title: t('suggestionAdmin.col.category'), dataIndex: 'category', width: 120, fixed: 'left', render: (v: string) => t(`suggestionAdmin.category.${v}`) },
            ...countColumns,
            { title: t('suggestionAdmin.col.adoptionRate'), key: 'rate', width: 90, align: 'right', render: (_: unknown, c: Counts) => rate(c) },
          ]}
        />
      </Card>
      <Card size="small" title={t('suggestionAdmin.figures.byOrg')}>
        <Table<SuggestionFigures['byOrg'][number]>
          size="small"
          rowKey="orgId"
          loading={figures.loading}
          dataSource={f?.byOrg ?? []}
          pagination={false}
          scroll={{ x: 840 }}
          locale={{ emptyText: <Empty /> }}
          columns={[{ title: t('suggestionAdmin.col.org'), dataIndex: 'orgName', width: 220, fixed: 'left', ellipsis: true }, ...countColumns]}
        />
      </Card>
    </Space>
  );
}
