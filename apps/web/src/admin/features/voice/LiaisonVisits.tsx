import type { LiaisonAssignment, LiaisonVisit } from '@niangjia/contracts';
import { MAX_VISIT_PHOTOS, MAX_VISIT_PROBLEMS } from '@niangjia/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Image, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { formatDate } from '../../../shared/format';
import { PagedList } from '../../components/PagedList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormSubmit } from '../../components/use-form-submit';
import { usePagedList } from '../../components/use-paged-list';
import { isUploading, PhotoUpload, photoIdsOf, type UploadedPhoto } from '../../components/PhotoUpload';
import { useScope } from '../../layout/scope';
import { useCadres } from './LiaisonPage';

const today = () => formatDate(new Date());
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** 走访记录: visits to unions in scope, latest first; one assignment's when chosen from 联系安排. */
export function LiaisonVisits({ assignmentId, onClearAssignment }: { assignmentId: string | undefined; onClearAssignment: () => void }) {
  const { t } = useTranslation();
  const { scope } = useScope();
  const cadres = useCadres();
  const [cadreId, setCadreId] = useState<string | undefined>();
  const paged = usePagedList<LiaisonVisit>('/voice/liaison/visits', { assignmentId, cadreId, orgId: assignmentId ? undefined : scope?.id });
  const list = paged.list;
  return (
    <PagedList<LiaisonVisit>
      paged={paged}
      id="liaison-visits"
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
          {assignmentId ? (
            <Tag closable onClose={onClearAssignment}>
              {list.data?.items[0] ? `${list.data.items[0].cadreName} → ${list.data.items[0].orgName}` : t('liaisonAdmin.form.assignment')}
            </Tag>
          ) : null}
        </>
      }
      empty={t('liaisonAdmin.empty.visits')}
      columns={[
        { title: t('liaisonAdmin.col.visitedOn'), key: 'visitedOn', dataIndex: 'visitedOn', width: 110, priority: 1 },
        { title: t('liaisonAdmin.col.cadre'), key: 'cadre', dataIndex: 'cadreName', width: 160, ellipsis: true },
        { title: t('liaisonAdmin.col.org'), key: 'org', dataIndex: 'orgName', width: 190, ellipsis: true },
        {
          title: t('liaisonAdmin.col.summary'),
          key: 'summary',
          dataIndex: 'summary',
          width: 360,
          render: (v: string) => (
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 2, expandable: 'collapsible' }} data-testid="liaison-visit-summary">
              {v}
            </Typography.Paragraph>
          ),
        },
        { title: t('liaisonAdmin.col.problems'), key: 'problems', dataIndex: 'problems', width: 90, align: 'right' },
        {
          title: t('liaisonAdmin.col.photos'),
          key: 'photos',
          width: 150,
          priority: 3,
          render: (_: unknown, v) =>
            v.photoIds.length ? (
              <Image.PreviewGroup>
                <Space size={4}>
                  {v.photoIds.slice(0, 3).map((id) => (
                    <Image key={id} src={`/api/v1/photos/${id}`} width={40} height={40} style={{ objectFit: 'cover' }} alt="" />
                  ))}
                </Space>
              </Image.PreviewGroup>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}

type ProblemRow = { description?: string; ownerId?: string; dueOn?: string };
type VisitForm = { visitedOn: string; summary?: string; problems: ProblemRow[] };

/** 记录走访: the day, what was seen and said, photos, and the problems found, each with an owner and a due date. */
export function VisitModal({ assignment, onClose, onSaved }: { assignment: LiaisonAssignment; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const cadres = useCadres();
  const [form] = Form.useForm<VisitForm>();
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const { submit: send, saving, error, setError } = useFormSubmit(form, { fields: ['visitedOn', 'summary', 'problems'], success: t('liaisonAdmin.saved') });
  const submit = async () => {
    await send(async (v) => {
      await api.post('/voice/liaison/visits', {
        assignmentId: assignment.id,
        visitedOn: v.visitedOn,
        summary: v.summary,
        photoIds: photoIdsOf(photos),
        problems: (v.problems ?? []).map((p) => ({ description: p.description, dueOn: p.dueOn, ...(p.ownerId ? { ownerId: p.ownerId } : {}) })),
      });
      onSaved();
    });
  };
  const required = (field: string) => [{ required: true, whitespace: true, message: t('liaisonAdmin.form.required', { field }) }];
  return (
    <Modal
      open
      width={680}
      title={`${t('liaisonAdmin.logVisit')} · ${assignment.orgName}`}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      okButtonProps={{ disabled: isUploading(photos), 'data-testid': 'liaison-visit-save' }}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ visitedOn: today(), problems: [] }}>
        <Form.Item name="visitedOn" label={t('liaisonAdmin.form.visitedOn')} rules={required(t('liaisonAdmin.form.visitedOn'))}>
          <Input type="date" max={today()} min={assignment.startedOn} style={{ width: 180 }} data-testid="liaison-form-date" />
        </Form.Item>
        <Form.Item name="summary" label={t('liaisonAdmin.form.summary')} rules={required(t('liaisonAdmin.form.summary'))}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('liaisonAdmin.form.summaryPlaceholder')} data-testid="liaison-form-summary" />
        </Form.Item>
        <Form.Item label={t('liaisonAdmin.col.photos')}>
          <PhotoUpload value={photos} onChange={setPhotos} max={MAX_VISIT_PHOTOS} label={t('liaisonAdmin.form.photos')} onError={setError} />
        </Form.Item>
        <Typography.Text strong>{t('liaisonAdmin.form.problems')}</Typography.Text>
        <Form.List name="problems">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
              {fields.map((field) => (
                <Card
                  key={field.key}
                  size="small"
                  extra={
                    <Button type="link" size="small" danger onClick={() => remove(field.name)}>
                      {t('liaisonAdmin.form.removeProblem')}
                    </Button>
                  }
                >
                  <Form.Item name={[field.name, 'description']} label={t('liaisonAdmin.form.problem')} rules={required(t('liaisonAdmin.form.problem'))}>
                    <Input maxLength={500} data-testid="liaison-form-problem" />
                  </Form.Item>
                  <Space wrap align="start">
                    <Form.Item name={[field.name, 'ownerId']} label={t('liaisonAdmin.form.owner')}>
                      <Select allowClear showSearch optionFilterProp="label" style={{ width: 300 }} options={cadres.options} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'dueOn']} label={t('liaisonAdmin.form.dueOn')} rules={required(t('liaisonAdmin.form.dueOn'))}>
                      <Input type="date" min={today()} style={{ width: 180 }} />
                    </Form.Item>
                  </Space>
                </Card>
              ))}
              {fields.length < MAX_VISIT_PROBLEMS ? (
                <Button icon={<PlusOutlined />} onClick={() => add({ dueOn: addDays(today(), 14) })} data-testid="liaison-form-add-problem">
                  {t('liaisonAdmin.form.addProblem')}
                </Button>
              ) : null}
            </Space>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
