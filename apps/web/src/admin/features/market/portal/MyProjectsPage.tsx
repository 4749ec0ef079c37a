import { PlusOutlined } from '@ant-design/icons';
import type { Project, ProjectDetail } from '@niangjia/contracts';
import { priceUnits, projectCategories, projectFormats, targetGroups } from '@niangjia/contracts/market-domain';
import { Alert, App, Button, Card, Checkbox, Empty, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, errorText } from '../../../../shared/api';
import { applyServerErrors } from '../../../../shared/form-errors';
import { useRequest } from '../../../../shared/use-request';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FileUploader, priceText, StatusTag } from '../parts';

type Values = { title: string; category: string; description: string; targetGroups: string[]; formats: string[]; price: number; priceUnit: string; capacity: number; durationMinutes: number; allowsSelfOrder: boolean; photoIds: string[]; attachmentIds: string[] };
const FIELDS = ['title', 'category', 'description', 'targetGroups', 'formats', 'price', 'priceUnit', 'capacity', 'durationMinutes', 'allowsSelfOrder', 'photoIds', 'attachmentIds'];

/** 服务商平台 ▸ 我的项目 (/portal/projects): drafts, versions and submission for review. */
export function MyProjectsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useRequest((signal) => api.get<{ items: Project[] }>('/market/my-projects', undefined, { signal }), []);
  const [editing, setEditing] = useState<Project | 'new' | null>(null);
  const submit = async (p: Project) => {
    try {
      await api.post(`/market/my-projects/${p.id}/submit`, { version: p.version });
      message.success(t('market.portal.projects.submitted'));
      list.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Card
      title={t('market.menu.portalProjects')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('market.portal.projects.add')}
        </Button>
      }
    >
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<Project>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t('market.portal.projects.empty')} /> }}
        columns={[
          { title: t('market.projects.fields.code'), dataIndex: 'code', width: 120 },
          { title: t('market.projects.fields.title'), key: 'title', width: 240, ellipsis: { showTitle: true }, render: (_: unknown, p) => p.latest.title },
          { title: t('market.projects.fields.price'), key: 'price', width: 160, render: (_: unknown, p) => priceText(t, p.latest.priceFen, p.latest.priceUnit) },
          { title: t('market.projects.fields.latest'), key: 'v', width: 170, render: (_: unknown, p) => <Space size={4}>{t('market.common.version', { n: p.latest.number })}<StatusTag kind="versionStatus" value={p.latest.status} /></Space> },
          { title: t('market.projects.listed'), dataIndex: 'isListed', width: 90, render: (v: boolean) => (v ? t('market.common.yes') : '—') },
          { title: t('market.projects.fields.openOrders'), dataIndex: 'openOrders', width: 100, align: 'right' },
          {
            title: t('common.actions'),
            key: 'a',
            width: 170,
            fixed: 'right',
            render: (_: unknown, p) => (
              <Space size={0}>
                <Button type="link" size="small" disabled={p.latest.status === 'pending'} onClick={() => setEditing(p)}>
                  {t('market.portal.projects.edit')}
                </Button>
                {(p.latest.status === 'draft' || p.latest.status === 'returned') && (
                  <Button type="link" size="small" onClick={() => void submit(p)}>
                    {t('market.portal.projects.submit')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <ProjectEditor
          project={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </Card>
  );
}

function ProjectEditor({ project, onClose, onSaved }: { project: Project | null; onClose: () => void; onSaved: (p: ProjectDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const v = project?.latest;
  const save = async (values: Values) => {
    setBusy(true);
    setError(null);
    const { price, ...rest } = values;
    const body = { ...rest, priceFen: Math.round(price * 100) };
    try {
      const saved = project ? await api.put<ProjectDetail>(`/market/my-projects/${project.id}/draft`, { ...body, version: project.version }) : await api.post<ProjectDetail>('/market/my-projects', body);
      message.success(t('market.common.saved'));
      onSaved(saved);
    } catch (e) {
      const unplaced = applyServerErrors(form, e, FIELDS, { priceFen: 'price' });
      if (!(e instanceof ApiError) || !e.errors.length || unplaced.length) setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open width={760} title={project ? t('market.portal.projects.editorTitle') : t('market.portal.projects.newTitle')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okText={t('common.save')} cancelText={t('actions.cancel')} styles={{ body: { maxHeight: '62vh', overflowY: 'auto' } }}>
      {project?.latest.status === 'approved' && <Alert type="info" showIcon title={t('market.portal.projects.newVersionNote')} style={{ marginBottom: 12 }} />}
      {project?.latest.status === 'returned' && <Alert type="warning" showIcon title={t('market.portal.projects.returnedNote', { reason: project.latest.reviewReason ?? '' })} style={{ marginBottom: 12 }} />}
      {error ? <ErrorAlert error={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={
          v
            ? { ...v, price: v.priceFen / 100 }
            : { category: 'skills', formats: ['on_site'], targetGroups: ['all_workers'], priceUnit: 'session', price: 1000, capacity: 30, durationMinutes: 120, allowsSelfOrder: false, photoIds: [], attachmentIds: [] }
        }
      >
        <Form.Item name="title" label={t('market.projects.fields.title')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="category" label={t('market.projects.fields.category')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={projectCategories.map((c) => ({ value: c, label: t(`marketTerms.category.${c}`) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('market.projects.fields.description')} rules={[{ required: true, min: 10 }]}>
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="targetGroups" label={t('market.projects.fields.groups')}>
          <Checkbox.Group options={targetGroups.map((g) => ({ value: g, label: t(`marketTerms.group.${g}`) }))} />
        </Form.Item>
        <Form.Item name="formats" label={t('market.projects.fields.formats')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group options={projectFormats.map((f) => ({ value: f, label: t(`marketTerms.format.${f}`) }))} />
        </Form.Item>
        <Space size={12} wrap>
          <Form.Item name="price" label={t('market.projects.fields.price')} rules={[{ required: true }]} extra={t('marketTerms.free') + ' = 0'}>
            <InputNumber min={0} precision={2} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="priceUnit" label=" ">
            <Select style={{ width: 110 }} options={priceUnits.map((u) => ({ value: u, label: t(`marketTerms.unit.${u}`) }))} />
          </Form.Item>
          <Form.Item name="capacity" label={t('market.projects.fields.capacity')} rules={[{ required: true }]}>
            <InputNumber min={1} max={10000} />
          </Form.Item>
          <Form.Item name="durationMinutes" label={t('market.projects.fields.duration')} rules={[{ required: true }]}>
            <InputNumber min={10} max={10080} addonAfter="min" />
          </Form.Item>
        </Space>
        <Form.Item name="allowsSelfOrder" label={t('market.projects.fields.selfOrder')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="photoIds" label={t('market.projects.fields.photos')} extra={t('market.portal.projects.uploadHint')}>
          <FileUploader accept="image/jpeg,image/png,image/webp" testId="photo-input" />
        </Form.Item>
        <Form.Item name="attachmentIds" label={t('market.projects.fields.attachments')}>
          <FileUploader accept="application/pdf,image/jpeg,image/png,image/webp" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
