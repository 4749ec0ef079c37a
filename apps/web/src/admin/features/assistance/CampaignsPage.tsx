import { CAMPAIGN_BENEFIT_KINDS, CAMPAIGN_KINDS, employmentForms, HARDSHIP_TIERS, type Campaign } from '@niangjia/contracts';
import { Alert, App, Button, Card, Checkbox, DatePicker, Drawer, Empty, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatMoney } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useScope } from '../../layout/scope';
import { CampaignDetail } from './CampaignDetail';

const STATUS_COLORS: Record<string, string> = { draft: 'default', open: 'green', closed: 'blue' };
const toFen = (yuan: number | null | undefined) => Math.round((yuan ?? 0) * 100);

/** 帮扶 ▸ 帮扶活动 (/assistance/campaigns): the campaigns of the scope, and one campaign's allocations, nominations and possible duplicates. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const canWrite = me.permissions.includes('assistance.write');
  const list = useRequest((signal) => api.get<Campaign[]>('/assistance/campaigns', undefined, { signal }), []);
  const [search] = useSearchParams();
  // A link from the bell or the 待办 (`?campaign=<id>&tab=reviews`) opens that campaign on that tab.
  const linked = search.get('campaign');
  const linkedTab = search.get('tab');
  const [openId, setOpenId] = useState<string | null>(linked);
  useEffect(() => {
    if (linked) setOpenId(linked);
  }, [linked, linkedTab]);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Campaign | null>(null);

  async function move(c: Campaign, status: 'open' | 'closed') {
    try {
      await api.post(`/assistance/campaigns/${c.id}/status`, { status, version: c.version });
      list.reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  }

  return (
    <Card
      size="small"
      title={t('campaigns.menu')}
      extra={
        canWrite ? (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="campaign-new">
            {t('campaigns.new')}
          </Button>
        ) : null
      }
    >
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <DataTable<Campaign>
        id="assistance-campaigns"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        locale={{ emptyText: <Empty description={t('campaigns.empty')} /> }}
        pagination={{ pageSize: 20, showTotal: (total) => t('campaigns.total', { total }) }}
        columns={[
          { title: t('campaigns.col.name'), key: 'name', dataIndex: 'name', width: 200, ellipsis: true, priority: 1 },
          { title: t('campaigns.col.kind'), key: 'kind', width: 100, render: (_, c) => t(`campaigns.kinds.${c.kind}`) },
          { title: t('campaigns.col.owner'), key: 'owner', dataIndex: 'orgName', width: 180, ellipsis: true },
          { title: t('campaigns.col.period'), key: 'period', width: 190, render: (_, c) => `${c.startsOn} ~ ${c.endsOn}` },
          { title: t('campaigns.col.budget'), key: 'budget', width: 130, align: 'right', render: (_, c) => formatMoney(c.budgetFen) },
          { title: t('campaigns.col.approved'), key: 'approved', width: 130, align: 'right', render: (_, c) => formatMoney(c.approvedFen) },
          { title: t('campaigns.col.disbursed'), key: 'disbursed', width: 130, align: 'right', priority: 3, render: (_, c) => formatMoney(c.disbursedFen) },
          { title: t('campaigns.col.recipients'), key: 'recipients', dataIndex: 'recipients', width: 100, align: 'right', priority: 3 },
          { title: t('campaigns.col.status'), key: 'status', width: 90, render: (_, c) => <Tag color={STATUS_COLORS[c.status]}>{t(`campaigns.statuses.${c.status}`)}</Tag> },
        ]}
        actions={(c) => (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setOpenId(c.id)} data-testid="campaign-open-detail">
              {t('campaigns.view')}
            </Button>
            {canWrite && c.canEdit ? (
              <Button type="link" size="small" onClick={() => setEditing(c)} data-testid="campaign-edit">
                {t('campaigns.edit')}
              </Button>
            ) : null}
            {canWrite && c.status === 'draft' ? (
              <Button type="link" size="small" onClick={() => void move(c, 'open')} data-testid="campaign-start">
                {t('campaigns.open')}
              </Button>
            ) : null}
            {canWrite && c.status === 'open' ? (
              <Button type="link" size="small" onClick={() => void move(c, 'closed')}>
                {t('campaigns.close')}
              </Button>
            ) : null}
          </Space>
        )}
      />
      {openId ? (
        <Drawer open width={1100} title={list.data?.find((c) => c.id === openId)?.name ?? ''} onClose={() => setOpenId(null)} destroyOnHidden>
          <CampaignDetail key={`${openId}:${linkedTab ?? ''}`} id={openId} canWrite={canWrite} onChanged={list.reload} tab={openId === linked ? linkedTab : null} />
        </Drawer>
      ) : null}
      {editing ? (
        <CreateModal
          campaign={editing}
          onClose={() => setEditing(null)}
          onCreated={() => {
            setEditing(null);
            list.reload();
          }}
        />
      ) : null}
      {creating ? (
        <CreateModal
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            list.reload();
            setOpenId(c.id);
          }}
        />
      ) : null}
    </Card>
  );
}

type BenefitForm = { key: string; kind: 'cash' | 'goods' | 'service'; name: string; amount?: number; quantity?: number; unit?: string; unitValue?: number };
type CreateForm = {
  orgId: string;
  kind: (typeof CAMPAIGN_KINDS)[number];
  name: string;
  period: [Dayjs, Dayjs];
  funding: { source: string; amount: number }[];
  benefits: BenefitForm[];
  tiers?: string[];
  forms?: string[];
  ageMin?: number;
  ageMax?: number;
  sex?: 'male' | 'female';
  modelWorker?: boolean;
  second: number;
  yearlyLimit?: number | null;
};

/** The form's values of an existing campaign (yuan, dates), for 修改. */
function formOf(c: Campaign): Partial<CreateForm> {
  const e = c.eligibility;
  return {
    orgId: c.orgId,
    kind: c.kind,
    name: c.name,
    period: [dayjs(c.startsOn), dayjs(c.endsOn)],
    funding: c.fundingSources.map((f) => ({ source: f.source, amount: f.amountFen / 100 })),
    benefits: c.benefits.map((b) => ({
      key: b.key,
      kind: b.kind,
      name: b.name,
      ...(b.amountFen != null ? { amount: b.amountFen / 100 } : {}),
      ...(b.quantity != null ? { quantity: b.quantity } : {}),
      ...(b.unit ? { unit: b.unit } : {}),
      ...(b.unitValueFen != null ? { unitValue: b.unitValueFen / 100 } : {}),
    })),
    ...(e.hardshipTiers ? { tiers: e.hardshipTiers } : {}),
    ...(e.employmentForms ? { forms: e.employmentForms } : {}),
    ...(e.ageMin != null ? { ageMin: e.ageMin } : {}),
    ...(e.ageMax != null ? { ageMax: e.ageMax } : {}),
    ...(e.sex ? { sex: e.sex } : {}),
    modelWorker: e.modelWorker === true,
    second: c.secondApprovalFen / 100,
    yearlyLimit: c.yearlyLimitFen === null ? null : c.yearlyLimitFen / 100,
  };
}

/** 新建活动, or 修改 when given a campaign (an open one keeps its start, benefits and conditions: shown, not editable). */
function CreateModal({ campaign, onClose, onCreated }: { campaign?: Campaign; onClose: () => void; onCreated: (c: Campaign) => void }) {
  const isOpen = campaign?.status === 'open';
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const [form] = Form.useForm<CreateForm>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const kinds = Form.useWatch('benefits', form) ?? [];

  async function submit() {
    const v = await form.validateFields();
    const fundingSources = v.funding.map((f) => ({ source: f.source, amountFen: toFen(f.amount) }));
    const eligibility = {
      ...(v.tiers?.length ? { hardshipTiers: v.tiers } : {}),
      ...(v.forms?.length ? { employmentForms: v.forms } : {}),
      ...(v.ageMin != null ? { ageMin: v.ageMin } : {}),
      ...(v.ageMax != null ? { ageMax: v.ageMax } : {}),
      ...(v.sex ? { sex: v.sex } : {}),
      ...(v.modelWorker ? { modelWorker: true } : {}),
    };
    const benefits = (v.benefits ?? []).map((b) =>
      b.kind === 'cash'
        ? { key: b.key, kind: b.kind, name: b.name, amountFen: toFen(b.amount) }
        : b.kind === 'goods'
          ? { key: b.key, kind: b.kind, name: b.name, quantity: b.quantity, unit: b.unit, unitValueFen: toFen(b.unitValue) }
          : { key: b.key, kind: b.kind, name: b.name, unitValueFen: toFen(b.unitValue) },
    );
    setSaving(true);
    setError(null);
    try {
      if (campaign) {
        // Rules the form does not show (industries, subtrees) are kept as they are.
        const kept = {
          ...(campaign.eligibility.industries ? { industries: campaign.eligibility.industries } : {}),
          ...(campaign.eligibility.orgSubtreeIds ? { orgSubtreeIds: campaign.eligibility.orgSubtreeIds } : {}),
        };
        const updated = await api.put<Campaign>(`/assistance/campaigns/${campaign.id}`, {
          name: v.name,
          startsOn: isOpen ? campaign.startsOn : v.period[0].format('YYYY-MM-DD'),
          endsOn: v.period[1].format('YYYY-MM-DD'),
          budgetFen: fundingSources.reduce((s, f) => s + f.amountFen, 0),
          fundingSources,
          benefits: isOpen ? campaign.benefits : benefits,
          eligibility: isOpen ? campaign.eligibility : { ...kept, ...eligibility },
          secondApprovalFen: toFen(v.second),
          yearlyLimitFen: v.yearlyLimit ? toFen(v.yearlyLimit) : null,
          version: campaign.version,
        });
        onCreated(updated);
        return;
      }
      const created = await api.post<Campaign>('/assistance/campaigns', {
        orgId: v.orgId,
        kind: v.kind,
        name: v.name,
        startsOn: v.period[0].format('YYYY-MM-DD'),
        endsOn: v.period[1].format('YYYY-MM-DD'),
        budgetFen: fundingSources.reduce((s, f) => s + f.amountFen, 0),
        fundingSources,
        benefits,
        eligibility,
        secondApprovalFen: toFen(v.second),
        yearlyLimitFen: v.yearlyLimit ? toFen(v.yearlyLimit) : null,
      });
      onCreated(created);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      width={760}
      title={campaign ? t('campaigns.editTitle') : t('campaigns.new')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={t('actions.confirm')}
      cancelText={t('actions.cancel')}
      styles={{ body: { maxHeight: 560, overflowY: 'auto' } }}
    >
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        name="campaignCreate"
        layout="vertical"
        initialValues={
          campaign ? formOf(campaign) : { orgId: scope?.id, kind: 'winter', funding: [{ source: '', amount: undefined }], benefits: [{ key: 'cash', kind: 'cash', name: '慰问金' }], second: 1000 }
        }
      >
        <Space wrap align="start">
          {campaign ? (
            <Form.Item label={t('campaigns.fields.owner')}>
              <Input value={campaign.orgName} disabled style={{ width: 260 }} />
            </Form.Item>
          ) : (
            <Form.Item name="orgId" label={t('campaigns.fields.owner')} rules={[{ required: true }]}>
              <OrgTreeSelect roots={me.scopeRoots} valueLabel={scope?.name} style={{ width: 260 }} />
            </Form.Item>
          )}
          <Form.Item name="kind" label={t('campaigns.fields.kind')} rules={[{ required: true }]}>
            <Select style={{ width: 140 }} disabled={!!campaign} options={CAMPAIGN_KINDS.map((k) => ({ value: k, label: t(`campaigns.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="period" label={t('campaigns.fields.period')} rules={[{ required: true }]}>
            <DatePicker.RangePicker disabled={[isOpen, false]} />
          </Form.Item>
        </Space>
        <Form.Item name="name" label={t('campaigns.fields.name')} rules={[{ required: true, max: 100 }]}>
          <Input maxLength={100} data-testid="campaign-name" />
        </Form.Item>
        <Form.Item label={t('campaigns.fields.funding')} required>
          <Form.List name="funding">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start">
                    <Form.Item name={[f.name, 'source']} rules={[{ required: true }]}>
                      <Input placeholder={t('campaigns.fields.source')} style={{ width: 240 }} maxLength={60} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'amount']} rules={[{ required: true }]}>
                      <InputNumber min={0.01} precision={2} placeholder={t('campaigns.fields.amount')} style={{ width: 180 }} />
                    </Form.Item>
                    {fields.length > 1 ? <Button onClick={() => remove(f.name)}>−</Button> : null}
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ source: '' })}>
                  {t('campaigns.fields.addFunding')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        {isOpen ? (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('campaigns.fixedWhenOpen')} data-testid="campaign-fixed-when-open" />
        ) : (
          <>
            <Form.Item label={t('campaigns.fields.benefits')} required>
              <Form.List name="benefits">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f, i) => (
                      <Space key={f.key} align="start" wrap>
                        <Form.Item name={[f.name, 'key']} rules={[{ required: true, pattern: /^[a-z0-9_-]{1,20}$/ }]}>
                          <Input placeholder={t('campaigns.fields.benefitKey')} style={{ width: 90 }} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]}>
                          <Select style={{ width: 90 }} options={CAMPAIGN_BENEFIT_KINDS.map((k) => ({ value: k, label: t(`campaigns.benefitKinds.${k}`) }))} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                          <Input placeholder={t('campaigns.fields.benefitName')} style={{ width: 130 }} maxLength={60} />
                        </Form.Item>
                        {kinds[i]?.kind === 'cash' ? (
                          <Form.Item name={[f.name, 'amount']} rules={[{ required: true }]}>
                            <InputNumber min={0.01} precision={2} placeholder={t('campaigns.fields.cashAmount')} style={{ width: 150 }} />
                          </Form.Item>
                        ) : null}
                        {kinds[i]?.kind === 'goods' ? (
                          <>
                            <Form.Item name={[f.name, 'quantity']} rules={[{ required: true }]}>
                              <InputNumber min={1} precision={0} placeholder={t('campaigns.fields.quantity')} style={{ width: 100 }} />
                            </Form.Item>
                            <Form.Item name={[f.name, 'unit']} rules={[{ required: true }]}>
                              <Input placeholder={t('campaigns.fields.unit')} style={{ width: 60 }} maxLength={10} />
                            </Form.Item>
                          </>
                        ) : null}
                        {kinds[i]?.kind !== 'cash' ? (
                          <Form.Item name={[f.name, 'unitValue']} rules={[{ required: kinds[i]?.kind === 'goods' }]}>
                            <InputNumber min={0} precision={2} placeholder={t('campaigns.fields.unitValue')} style={{ width: 120 }} />
                          </Form.Item>
                        ) : null}
                        {fields.length > 1 ? <Button onClick={() => remove(f.name)}>−</Button> : null}
                      </Space>
                    ))}
                    <Button type="dashed" onClick={() => add({ kind: 'goods' })}>
                      {t('campaigns.fields.addBenefit')}
                    </Button>
                  </>
                )}
              </Form.List>
            </Form.Item>
            <Form.Item label={t('campaigns.fields.eligibility')} style={{ marginBottom: 0 }}>
              <Space wrap align="start">
                <Form.Item name="tiers">
                  <Select
                    mode="multiple"
                    allowClear
                    placeholder={t('campaigns.fields.tiers')}
                    style={{ width: 220 }}
                    options={HARDSHIP_TIERS.map((k) => ({ value: k, label: t(`campaigns.tiers.${k}`) }))}
                  />
                </Form.Item>
                <Form.Item name="forms">
                  <Select
                    mode="multiple"
                    allowClear
                    placeholder={t('campaigns.fields.forms')}
                    style={{ width: 260 }}
                    options={employmentForms.map((k) => ({ value: k, label: t(`members.employmentForms.${k}`) }))}
                  />
                </Form.Item>
                <Form.Item name="ageMin">
                  <InputNumber min={0} max={120} placeholder={t('campaigns.fields.ageMin')} style={{ width: 100 }} />
                </Form.Item>
                <Form.Item name="ageMax">
                  <InputNumber min={0} max={120} placeholder={t('campaigns.fields.ageMax')} style={{ width: 100 }} />
                </Form.Item>
                <Form.Item name="sex">
                  <Select allowClear placeholder={t('campaigns.fields.sex')} style={{ width: 90 }} options={(['male', 'female'] as const).map((k) => ({ value: k, label: t(`campaigns.sex.${k}`) }))} />
                </Form.Item>
              </Space>
              <Form.Item name="modelWorker" valuePropName="checked">
                <Checkbox>{t('campaigns.fields.modelWorker')}</Checkbox>
              </Form.Item>
            </Form.Item>
          </>
        )}
        <Space wrap align="start">
          <Form.Item name="second" label={t('campaigns.fields.second')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="yearlyLimit" label={t('campaigns.fields.yearlyLimit')}>
            <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
