import { DISBURSE_METHODS, NOMINATION_STATUSES, type Campaign, type DuplicateReview, type Member, type Nomination, type Page } from '@niangjia/contracts';
import { App, Button, Checkbox, Descriptions, Empty, Form, Image, Input, InputNumber, Modal, Radio, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../shared/api';
import { formatMoney } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { listPagination } from '../../components/list-pagination';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { PhotoUpload, photoIdsOf, type UploadedPhoto } from '../../components/PhotoUpload';

const STATUS_COLORS: Record<string, string> = { review: 'magenta', pending: 'orange', awaiting_second: 'purple', approved: 'blue', disbursed: 'cyan', acknowledged: 'green', rejected: 'default' };
const METHODS_OF: Record<string, readonly (typeof DISBURSE_METHODS)[number][]> = { cash: ['transfer', 'in_person'], goods: ['goods_handover'], service: ['service_delivered'] };

/** One campaign: figures, allocations down the tree, nominations with their approval actions, possible duplicates. */
export function CampaignDetail({ id, canWrite, onChanged, tab }: { id: string; canWrite: boolean; onChanged: () => void; tab?: string | null }) {
  const { t } = useTranslation();
  const campaign = useRequest((signal) => api.get<Campaign>(`/assistance/campaigns/${id}`, undefined, { signal }), [id]);
  const c = campaign.data;
  const changed = () => {
    campaign.reload();
    onChanged();
  };
  if (campaign.error) return <ErrorAlert error={campaign.error} onRetry={campaign.reload} />;
  if (!c) return null;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="campaign-detail">
      <Space size={40} wrap>
        <Statistic title={t('campaigns.col.budget')} value={formatMoney(c.budgetFen)} />
        <Statistic title={t('campaigns.col.approved')} value={formatMoney(c.approvedFen)} />
        <Statistic title={t('campaigns.col.disbursed')} value={formatMoney(c.disbursedFen)} />
        <Statistic title={t('campaigns.col.recipients')} value={c.recipients} />
      </Space>
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('campaigns.col.kind')}>{t(`campaigns.kinds.${c.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('campaigns.col.period')}>{`${c.startsOn} ~ ${c.endsOn}`}</Descriptions.Item>
        <Descriptions.Item label={t('campaigns.fields.funding')}>{c.fundingSources.map((f) => `${f.source} ${formatMoney(f.amountFen)}`).join('；')}</Descriptions.Item>
        <Descriptions.Item label={t('campaigns.fields.benefits')}>
          {c.benefits
            .map((b) =>
              b.kind === 'cash' ? `${b.name} ${formatMoney(b.amountFen ?? 0)}` : b.kind === 'goods' ? `${b.name} ${b.quantity ?? 0}${b.unit ?? ''} × ${formatMoney(b.unitValueFen ?? 0)}` : b.name,
            )
            .join('；')}
        </Descriptions.Item>
        <Descriptions.Item label={t('campaigns.fields.second')}>{formatMoney(c.secondApprovalFen)}</Descriptions.Item>
        <Descriptions.Item label={t('campaigns.fields.yearlyLimit')}>{c.yearlyLimitFen === null ? '—' : formatMoney(c.yearlyLimitFen)}</Descriptions.Item>
      </Descriptions>
      <Tabs
        defaultActiveKey={tab === 'reviews' || tab === 'allocations' ? tab : 'nominations'}
        items={[
          { key: 'nominations', label: t('campaigns.tabs.nominations'), children: <NominationsTab campaign={c} canWrite={canWrite} onChanged={changed} /> },
          { key: 'allocations', label: t('campaigns.tabs.allocations'), children: <AllocationsTab campaign={c} canWrite={canWrite} onChanged={changed} /> },
          { key: 'reviews', label: t('campaigns.tabs.reviews'), children: <ReviewsTab campaignId={c.id} canWrite={canWrite} onChanged={changed} /> },
        ]}
      />
    </Space>
  );
}

function AllocationsTab({ campaign, canWrite, onChanged }: { campaign: Campaign; canWrite: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [orgId, setOrgId] = useState<string>();
  const [amount, setAmount] = useState<number | null>(null);
  const names = new Map(campaign.allocations.map((a) => [a.id, a.orgName]));
  const [changing, setChanging] = useState<{ id: string; orgName: string; amount: number | null } | null>(null);
  async function change() {
    if (!changing?.amount) return;
    try {
      await api.put(`/assistance/campaigns/${campaign.id}/allocations/${changing.id}`, { amountFen: Math.round(changing.amount * 100) });
      setChanging(null);
      onChanged();
    } catch (error) {
      void message.error(errorText(error));
    }
  }
  async function allocate() {
    if (!orgId || !amount) return;
    try {
      await api.post(`/assistance/campaigns/${campaign.id}/allocations`, { orgId, amountFen: Math.round(amount * 100) });
      setAmount(null);
      onChanged();
    } catch (error) {
      void message.error(errorText(error));
    }
  }
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {canWrite && campaign.status !== 'closed' ? (
        <Space wrap>
          <OrgTreeSelect roots={me.scopeRoots} value={orgId} onChange={(v) => setOrgId(v)} style={{ width: 280 }} placeholder={t('campaigns.alloc.target')} />
          <InputNumber min={0.01} precision={2} value={amount} onChange={setAmount} placeholder={t('campaigns.fields.amount')} style={{ width: 160 }} />
          <Button type="primary" onClick={() => void allocate()} disabled={!orgId || !amount}>
            {t('campaigns.alloc.submit')}
          </Button>
        </Space>
      ) : null}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={campaign.allocations}
        scroll={{ x: 800 }}
        columns={[
          { title: t('campaigns.alloc.org'), fixed: 'left', width: 240, ellipsis: true, render: (_, a) => (a.parentId ? `${names.get(a.parentId) ?? ''} ▸ ${a.orgName}` : a.orgName) },
          { title: t('campaigns.alloc.amount'), width: 130, align: 'right', render: (_, a) => formatMoney(a.amountFen) },
          { title: t('campaigns.alloc.sub'), width: 130, align: 'right', render: (_, a) => formatMoney(a.subAllocatedFen) },
          { title: t('campaigns.alloc.spent'), width: 130, align: 'right', render: (_, a) => formatMoney(a.spentFen) },
          { title: t('campaigns.alloc.left'), width: 130, align: 'right', render: (_, a) => formatMoney(a.amountFen - a.subAllocatedFen - a.spentFen) },
          ...(canWrite
            ? [
                {
                  title: t('campaigns.col.actions'),
                  key: 'actions',
                  width: 80,
                  fixed: 'right' as const,
                  render: (_: unknown, a: Campaign['allocations'][number]) =>
                    a.canChange ? (
                      <Button type="link" size="small" onClick={() => setChanging({ id: a.id, orgName: a.orgName, amount: a.amountFen / 100 })} data-testid="campaign-share-change">
                        {t('campaigns.alloc.change')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {changing ? (
        <Modal
          open
          title={t('campaigns.alloc.changeTitle', { org: changing.orgName })}
          onCancel={() => setChanging(null)}
          onOk={() => void change()}
          okButtonProps={{ disabled: !changing.amount }}
          okText={t('actions.confirm')}
          cancelText={t('actions.cancel')}
        >
          <InputNumber
            autoFocus
            min={0.01}
            precision={2}
            value={changing.amount}
            onChange={(v) => setChanging({ ...changing, amount: v })}
            style={{ width: 200 }}
            data-testid="campaign-share-amount"
          />
        </Modal>
      ) : null}
    </Space>
  );
}

type Action = { kind: 'reject' | 'disburse' | 'sheet'; n: Nomination };

function NominationsTab({ campaign, canWrite, onChanged }: { campaign: Campaign; canWrite: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<string>('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [q, setQ] = useState('');
  const [nominating, setNominating] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  const list = useRequest(
    (signal) => api.get<Page<Nomination>>(`/assistance/campaigns/${campaign.id}/nominations`, { ...(status ? { status } : {}), ...(q ? { q } : {}), page, pageSize }, { signal }),
    [campaign.id, status, q, page, pageSize],
  );
  const reload = () => {
    list.reload();
    onChanged();
  };
  async function post(n: Nomination, path: 'decide' | 'second', body: Record<string, unknown>) {
    try {
      await api.post(`/assistance/campaign-nominations/${n.id}/${path}`, { ...body, version: n.version });
      void message.success(t('campaigns.nom.done'));
      reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  }
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Radio.Group
          optionType="button"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as string);
            setPage(1);
          }}
          options={[{ value: '', label: t('campaigns.nom.allStatuses') }, ...NOMINATION_STATUSES.map((s) => ({ value: s, label: t(`campaigns.nomStatuses.${s}`) }))]}
        />
        <Input.Search
          allowClear
          maxLength={50}
          style={{ width: 200 }}
          placeholder={t('campaigns.nom.person')}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
        {canWrite && campaign.status === 'open' ? (
          <Button type="primary" onClick={() => setNominating(true)} data-testid="campaign-nominate">
            {t('campaigns.nom.add')}
          </Button>
        ) : null}
      </Space>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <DataTable<Nomination>
        id="campaign-nominations"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          { title: t('campaigns.nom.person'), key: 'person', dataIndex: 'personName', width: 100, priority: 1 },
          { title: t('campaigns.nom.org'), key: 'org', dataIndex: 'orgName', width: 180, ellipsis: true },
          { title: t('campaigns.nom.benefit'), key: 'benefit', width: 140, render: (_, n) => (n.quantity ? `${n.benefitName} ${n.quantity}${n.unit ?? ''}` : n.benefitName) },
          { title: t('campaigns.nom.value'), key: 'value', width: 110, align: 'right', render: (_, n) => formatMoney(n.valueFen) },
          {
            title: t('campaigns.nom.step'),
            key: 'step',
            width: 220,
            ellipsis: true,
            render: (_, n) => n.steps.map((s) => `${s.orgName}${s.approverName ? `（${s.approverName}）` : ''}`).join(' → '),
          },
          {
            title: t('campaigns.nom.status'),
            key: 'status',
            width: 110,
            render: (_, n) => (
              <Space size={2}>
                <Tag color={STATUS_COLORS[n.status]}>{t(`campaigns.nomStatuses.${n.status}`)}</Tag>
                {n.hasSignature ? <Tag>{t('campaigns.nom.signed')}</Tag> : null}
              </Space>
            ),
          },
        ]}
        actions={(n) =>
          canWrite ? (
            <Space size={0}>
              {n.status === 'pending' ? (
                <>
                  <Button type="link" size="small" onClick={() => void post(n, 'decide', { decision: 'approve' })} data-testid="nomination-approve">
                    {t('campaigns.nom.approve')}
                  </Button>
                  <Button type="link" size="small" danger onClick={() => setAction({ kind: 'reject', n })}>
                    {t('campaigns.nom.reject')}
                  </Button>
                </>
              ) : null}
              {n.status === 'awaiting_second' ? (
                <Button type="link" size="small" onClick={() => void post(n, 'second', { decision: 'approve' })} data-testid="nomination-second">
                  {t('campaigns.nom.second')}
                </Button>
              ) : null}
              {n.status === 'approved' ? (
                <Button type="link" size="small" onClick={() => setAction({ kind: 'disburse', n })} data-testid="nomination-disburse">
                  {t('campaigns.nom.disburse')}
                </Button>
              ) : null}
              {n.status === 'disbursed' ? (
                <Button type="link" size="small" onClick={() => setAction({ kind: 'sheet', n })}>
                  {t('campaigns.nom.sheet')}
                </Button>
              ) : null}
              {n.hasSignature ? (
                <Image src={`/api/v1/assistance/campaign-nominations/${n.id}/signature`} width={28} height={28} style={{ objectFit: 'contain', background: '#fff' }} alt={t('campaigns.nom.signed')} />
              ) : null}
              {n.status === 'acknowledged' && n.ackPhotoId ? (
                <Image src={`/api/v1/photos/${n.ackPhotoId}`} width={28} height={28} style={{ objectFit: 'cover' }} alt={t('campaigns.nom.ackSheet')} />
              ) : null}
              {n.status === 'acknowledged' ? <Typography.Text type="secondary">{n.ackVia === 'sheet' ? t('campaigns.nom.ackSheet') : t('campaigns.nom.ackPhone')}</Typography.Text> : null}
            </Space>
          ) : null
        }
      />
      {nominating ? (
        <NominateModal
          campaign={campaign}
          onClose={() => setNominating(false)}
          onDone={() => {
            setNominating(false);
            reload();
          }}
        />
      ) : null}
      {action ? (
        <ActionModal
          action={action}
          onClose={() => setAction(null)}
          onDone={() => {
            setAction(null);
            reload();
          }}
        />
      ) : null}
    </Space>
  );
}

function NominateModal({ campaign, onClose, onDone }: { campaign: Campaign; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ membershipId: string; benefitKey: string; modelWorker?: boolean; note?: string }>();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const find = async (q: string) => {
    if (!q.trim()) return;
    const found = await api.get<Page<Member>>('/members', { q, status: 'active', pageSize: 20 });
    setOptions(found.items.map((m) => ({ value: m.id, label: `${m.person.realName} · ${m.org.name}` })));
  };
  async function submit() {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await api.post(`/assistance/campaigns/${campaign.id}/nominations`, {
        membershipId: v.membershipId,
        benefitKey: v.benefitKey,
        attestations: v.modelWorker ? { modelWorker: true } : {},
        note: v.note ?? '',
      });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal open title={t('campaigns.nom.add')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} okText={t('actions.confirm')} cancelText={t('actions.cancel')}>
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" name="campaignNominate" initialValues={{ benefitKey: campaign.benefits[0]?.key }}>
        <Form.Item name="membershipId" label={t('campaigns.nom.member')} rules={[{ required: true }]}>
          <Select showSearch filterOption={false} onSearch={(q) => void find(q)} options={options} placeholder={t('campaigns.nom.memberSearch')} data-testid="nominate-member" />
        </Form.Item>
        <Form.Item name="benefitKey" label={t('campaigns.nom.benefit')} rules={[{ required: true }]}>
          <Select options={campaign.benefits.map((b) => ({ value: b.key, label: b.name }))} />
        </Form.Item>
        {campaign.eligibility.modelWorker ? (
          <Form.Item name="modelWorker" valuePropName="checked">
            <Checkbox>{t('campaigns.nom.attestModel')}</Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={t('campaigns.nom.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ActionModal({ action, onClose, onDone }: { action: Action; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const n = action.n;
  const methods = METHODS_OF[n.benefitKind] ?? [];
  const [note, setNote] = useState('');
  const [method, setMethod] = useState<string>(methods[0] ?? 'transfer');
  const [reference, setReference] = useState('');
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  async function submit() {
    if (action.kind === 'reject' && !note.trim()) {
      void message.warning(t('campaigns.nom.needNote'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      if (action.kind === 'reject')
        await api.post(`/assistance/campaign-nominations/${n.id}/${n.status === 'awaiting_second' ? 'second' : 'decide'}`, { decision: 'reject', note, version: n.version });
      if (action.kind === 'disburse') await api.post(`/assistance/campaign-nominations/${n.id}/disburse`, { method, reference, version: n.version });
      if (action.kind === 'sheet') await api.post(`/assistance/campaign-nominations/${n.id}/sheet`, { photoId: photoIdsOf(photos)[0], version: n.version });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }
  const title = { reject: t('campaigns.nom.reject'), disburse: t('campaigns.nom.disburse'), sheet: t('campaigns.nom.sheet') }[action.kind];
  return (
    <Modal
      open
      title={`${title} · ${n.personName}`}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okButtonProps={{ disabled: action.kind === 'sheet' && !photoIdsOf(photos).length }}
      okText={t('actions.confirm')}
      cancelText={t('actions.cancel')}
    >
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      {action.kind === 'reject' ? <Input.TextArea rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('campaigns.nom.rejectNote')} /> : null}
      {action.kind === 'disburse' ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Radio.Group value={method} onChange={(e) => setMethod(e.target.value as string)} options={methods.map((m) => ({ value: m, label: t(`campaigns.methods.${m}`) }))} />
          <Input maxLength={100} value={reference} onChange={(e) => setReference(e.target.value)} placeholder={t('campaigns.nom.reference')} data-testid="disburse-reference" />
        </Space>
      ) : null}
      {action.kind === 'sheet' ? <PhotoUpload value={photos} onChange={(update) => setPhotos(update)} max={1} label={t('campaigns.nom.sheet')} onError={(e) => setError(e)} /> : null}
    </Modal>
  );
}

function ReviewsTab({ campaignId, canWrite, onChanged }: { campaignId: string; canWrite: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [decided, setDecided] = useState<'no' | 'yes'>('no');
  const list = useRequest((signal) => api.get<Page<DuplicateReview>>('/assistance/campaign-reviews', { campaignId, decided, pageSize: 100 }, { signal }), [campaignId, decided]);
  async function decide(r: DuplicateReview, decision: 'same' | 'different') {
    try {
      await api.post(`/assistance/campaign-reviews/${r.id}/decide`, { decision });
      list.reload();
      onChanged();
    } catch (error) {
      void message.error(errorText(error));
    }
  }
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Radio.Group
        optionType="button"
        value={decided}
        onChange={(e) => setDecided(e.target.value as 'no' | 'yes')}
        options={[
          { value: 'no', label: t('campaigns.reviews.undecided') },
          { value: 'yes', label: t('campaigns.reviews.decided') },
        ]}
      />
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <DataTable<DuplicateReview>
        id="campaign-reviews"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('campaigns.reviews.empty')} /> }}
        pagination={false}
        columns={[
          { title: t('campaigns.reviews.person'), key: 'person', width: 200, priority: 1, render: (_, r) => `${r.personName} ${r.idNumberMasked} · ${r.orgName}` },
          { title: t('campaigns.reviews.other'), key: 'other', width: 200, render: (_, r) => `${r.otherPersonName} ${r.otherIdNumberMasked} · ${r.otherOrgName}` },
          { title: t('campaigns.reviews.reasons'), key: 'reasons', width: 200, render: (_, r) => r.reasons.map((x) => <Tag key={x}>{t(`campaigns.reviews.reason.${x}`)}</Tag>) },
          {
            title: t('campaigns.nom.status'),
            key: 'decision',
            width: 110,
            render: (_, r) => (r.decision ? `${t(`campaigns.reviews.${r.decision}`)}${r.decidedByName ? ` · ${r.decidedByName}` : ''}` : '—'),
          },
        ]}
        actions={(r) =>
          canWrite && !r.decision ? (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => void decide(r, 'same')} data-testid="review-same">
                {t('campaigns.reviews.same')}
              </Button>
              <Button type="link" size="small" onClick={() => void decide(r, 'different')} data-testid="review-different">
                {t('campaigns.reviews.different')}
              </Button>
            </Space>
          ) : null
        }
      />
    </Space>
  );
}
