import type { Page, Project, ProjectDetail, ProjectVersion } from '@niangjia/contracts';
import { projectCategories } from '@niangjia/contracts/market-domain';
import { Alert, App, Button, Card, Checkbox, Collapse, Descriptions, Drawer, Empty, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterActions } from '../../components/FilterActions';
import { listPagination } from '../../components/list-pagination';
import { useScope } from '../../layout/scope';
import { FileList, priceText, StatusTag, TrackRecordCard } from './parts';

type Filters = { q?: string; category?: string; isPending?: boolean; isListed?: string };

/** 服务超市 ▸ 服务项目 (/market/projects): versions waiting for review, the library's admissions. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const { projectId } = useParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({ isPending: true });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useRequest(
    (signal) => api.get<Page<Project>>('/market/projects', { q: filters.q, category: filters.category, isListed: filters.isListed, isPending: filters.isPending ? 'true' : undefined, orgId: scope?.id, page, pageSize }, { signal }),
    [JSON.stringify(filters), scope?.id, page, pageSize],
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Form
          form={form}
          layout="inline"
          style={{ rowGap: 12 }}
          initialValues={{ isPending: true }}
          onFinish={(v) => {
            setFilters({ q: v.q?.trim() || undefined, category: v.category || undefined, isPending: v.isPending, isListed: v.isListed || undefined });
            setPage(1);
          }}
        >
          <Form.Item name="q" label={t('market.common.keyword')}>
            <Input allowClear placeholder={t('market.projects.keywordPlaceholder')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="category" label={t('market.projects.fields.category')}>
            <Select allowClear style={{ width: 120 }} placeholder={t('common.all')} options={projectCategories.map((v) => ({ value: v, label: t(`marketTerms.category.${v}`) }))} />
          </Form.Item>
          <Form.Item name="isListed" label={t('market.projects.listed')}>
            <Select
              allowClear
              style={{ width: 110 }}
              placeholder={t('common.all')}
              options={[
                { value: 'true', label: t('market.projects.listed') },
                { value: 'false', label: t('market.projects.notListed') },
              ]}
            />
          </Form.Item>
          <Form.Item name="isPending" valuePropName="checked">
            <Checkbox>{t('market.projects.pendingOnly')}</Checkbox>
          </Form.Item>
          <FilterActions
            onReset={() => {
              form.resetFields();
              setFilters({ isPending: true });
              setPage(1);
            }}
          />
        </Form>
      </Card>
      <Card title={t('market.projects.title')}>
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <Table<Project>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1150 }}
          locale={{ emptyText: <Empty description={t('market.projects.empty')} /> }}
          pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => {
            setPage(p);
            setPageSize(s);
          })}
          columns={[
            { title: t('market.projects.fields.code'), dataIndex: 'code', width: 120 },
            { title: t('market.projects.fields.title'), key: 'title', width: 240, fixed: 'left', ellipsis: { showTitle: true }, render: (_: unknown, p) => <a onClick={() => navigate(`/market/projects/${p.id}`)}>{(p.current ?? p.latest).title}</a> },
            { title: t('market.projects.fields.provider'), dataIndex: ['provider', 'name'], width: 200, ellipsis: { showTitle: true } },
            { title: t('market.projects.fields.category'), key: 'category', width: 90, render: (_: unknown, p) => t(`marketTerms.category.${p.latest.category}`) },
            { title: t('market.projects.fields.price'), key: 'price', width: 150, render: (_: unknown, p) => priceText(t, (p.current ?? p.latest).priceFen, (p.current ?? p.latest).priceUnit) },
            { title: t('market.projects.fields.latest'), key: 'latest', width: 140, render: (_: unknown, p) => <Space size={4}>{t('market.common.version', { n: p.latest.number })}<StatusTag kind="versionStatus" value={p.latest.status} /></Space> },
            { title: t('market.projects.listed'), dataIndex: 'isListed', width: 90, render: (v: boolean) => (v ? <Tag color="green">{t('market.projects.listed')}</Tag> : '—') },
            { title: t('market.projects.fields.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => formatDateTime(v) },
            { title: t('common.actions'), key: 'a', width: 80, fixed: 'right', render: (_: unknown, p) => <Button type="link" size="small" onClick={() => navigate(`/market/projects/${p.id}`)}>{t('market.common.detail')}</Button> },
          ]}
        />
      </Card>
      {projectId && <ProjectDrawer id={projectId} onClose={() => navigate('/market/projects')} onChanged={list.reload} />}
    </Space>
  );
}

/** A version's fields, for the drawer and the provider's portal. */
export function VersionDescriptions({ v, current }: { v: ProjectVersion; current?: ProjectVersion | null }) {
  const { t } = useTranslation();
  // Fields that differ from the version in force are marked, so a reviewer sees what changed.
  const changed = (k: keyof ProjectVersion) => (current && current.id !== v.id && JSON.stringify(current[k]) !== JSON.stringify(v[k]) ? { style: { background: '#fff7e6' } } : {});
  return (
    <Descriptions column={2} bordered size="small">
      <Descriptions.Item label={t('market.projects.fields.title')} span={2} {...changed('title')}>{v.title}</Descriptions.Item>
      <Descriptions.Item label={t('market.projects.fields.category')} {...changed('category')}>{t(`marketTerms.category.${v.category}`)}</Descriptions.Item>
      <Descriptions.Item label={t('market.projects.fields.price')} {...changed('priceFen')}>{priceText(t, v.priceFen, v.priceUnit)}</Descriptions.Item>
      <Descriptions.Item label={t('market.projects.fields.formats')} {...changed('formats')}>{v.formats.map((f) => t(`marketTerms.format.${f}`)).join('、')}</Descriptions.Item>
      <Descriptions.Item label={t('market.projects.fields.groups')} {...changed('targetGroups')}>{v.targetGroups.map((g) => t(`marketTerms.group.${g}`)).join('、') || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('market.projects.fields.capacity')} {...changed('capacity')}>{t('marketTerms.capacity', { n: v.capacity })}</Descriptions.Item>
      <Descriptions.Item label={t('market.projects.fields.duration')} {...changed('durationMinutes')}>{t('marketTerms.minutes', { n: v.durationMinutes })}</Descriptions.Item>
      <Descriptions.Item label={t('market.projects.fields.selfOrder')} span={2}>{v.allowsSelfOrder ? t('market.common.yes') : t('market.common.no')}</Descriptions.Item>
      <Descriptions.Item label={t('market.projects.fields.description')} span={2} {...changed('description')}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{v.description}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('market.projects.fields.photos')} span={2}>
        <FileList ids={v.photoIds} />
      </Descriptions.Item>
      <Descriptions.Item label={t('market.projects.fields.attachments')} span={2}>
        <FileList files={v.attachmentIds.map((id) => ({ id, name: null, contentType: 'application/pdf', size: 0, createdAt: '' }))} />
      </Descriptions.Item>
    </Descriptions>
  );
}

function ProjectDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const detail = useRequest((signal) => api.get<ProjectDetail>(`/market/projects/${id}`, undefined, { signal }), [id]);
  const [returning, setReturning] = useState(false);
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const p = detail.data;
  const pending = p?.versions.find((v) => v.status === 'pending');
  const canWrite = me.permissions.includes('market.write');

  const run = async (fn: () => Promise<ProjectDetail>, done: string) => {
    try {
      detail.setData(await fn());
      message.success(done);
      setReturning(false);
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const review = (decision: 'approve' | 'return', reason?: string) =>
    run(() => api.post<ProjectDetail>(`/market/projects/${id}/review`, { versionId: pending!.id, decision, ...(reason ? { reason } : {}) }), t('market.common.saved'));

  return (
    <Drawer
      open
      onClose={onClose}
      size={820}
      title={p ? `${(p.current ?? p.latest).title}（${p.code}）` : t('market.common.detail')}
      extra={
        p && canWrite ? (
          <Space>
            {pending && (
              <>
                <Button type="primary" onClick={() => void review('approve')}>
                  {t('market.projects.review.approve')}
                </Button>
                <Button onClick={() => setReturning(true)}>{t('market.projects.review.return')}</Button>
              </>
            )}
            {p.current && (
              <Button onClick={() => void run(() => api.post<ProjectDetail>(`/market/projects/${id}/listing`, { version: p.version, isListed: !p.isListed }), p.isListed ? t('market.projects.listing.removed') : t('market.projects.listing.added'))}>
                {p.isListed ? t('market.projects.listing.remove') : t('market.projects.listing.add')}
              </Button>
            )}
          </Space>
        ) : null
      }
    >
      {detail.error ? <ErrorAlert error={detail.error} onRetry={detail.reload} /> : null}
      {p && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('market.projects.fields.provider')}>{p.provider.name}</Descriptions.Item>
            <Descriptions.Item label={t('market.common.status')}>
              <StatusTag kind="projectStatus" value={p.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('market.projects.fields.openOrders')}>{p.openOrders}</Descriptions.Item>
          </Descriptions>
          {pending && <Alert type="warning" showIcon title={t('market.projects.review.pendingNote', { n: pending.number })} description={p.current ? t('market.projects.compare') : undefined} />}
          <VersionDescriptions v={pending ?? p.current ?? p.latest} current={p.current} />
          <Collapse
            items={[
              {
                key: 'versions',
                label: t('market.projects.versions'),
                children: (
                  <Table<ProjectVersion>
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={p.versions}
                    columns={[
                      { title: '#', dataIndex: 'number', width: 50 },
                      { title: t('market.projects.fields.title'), dataIndex: 'title', ellipsis: true },
                      { title: t('market.projects.fields.price'), key: 'price', width: 150, render: (_: unknown, v) => priceText(t, v.priceFen, v.priceUnit) },
                      { title: t('market.common.status'), dataIndex: 'status', width: 100, render: (v: string) => <StatusTag kind="versionStatus" value={v} /> },
                      { title: t('market.common.reason'), dataIndex: 'reviewReason', width: 160, ellipsis: true, render: (v: string | null) => v ?? '—' },
                      { title: t('common.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
                    ]}
                  />
                ),
              },
            ]}
          />
          {p.trackRecord && <TrackRecordCard record={p.trackRecord} />}
        </Space>
      )}
      <Modal
        open={returning}
        title={t('market.projects.review.returnTitle', { n: pending?.number ?? '' })}
        onCancel={() => setReturning(false)}
        onOk={() => void reasonForm.validateFields().then((v) => review('return', v.reason))}
        okText={t('actions.confirm')}
        cancelText={t('actions.cancel')}
        destroyOnHidden
      >
        <Form form={reasonForm} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('market.common.reason')} rules={[{ required: true, message: t('market.common.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} placeholder={t('market.providers.review.reasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
