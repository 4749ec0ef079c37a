import type { FacilityStandard, Inspection, Rubric, RubricCriterion } from '@niangjia/contracts';
import { Alert, App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/form-errors';
import { SEVEN_STANDARD } from '../../../shared/positions';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isUploading, PhotoUpload, photoIdsOf, type UploadedPhoto } from '../../components/PhotoUpload';

const todayInShanghai = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

type Target = {
  id: string;
  name: string;
  orgId: string;
  facilities?: string[];
};

/** 检查打分: points for each inspector-scored criterion of the rubric, notes and photos. */
export function InspectionModal({ target, onClose, onSaved }: { target: Target; onClose: () => void; onSaved: (i: Inspection) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const rubric = useRequest((signal) => api.get<Rubric>('/stars/rubric', { orgId: target.orgId }, { signal }), [target.orgId]);
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  // Missing items are read against the station's own standard (its district's, else 七个一), as the stars are.
  const standard = useRequest((signal) => api.get<FacilityStandard>(`/facility-standards/${target.orgId}`, undefined, { signal }), [target.orgId]);
  const standardKeys: readonly string[] = standard.data?.items.map((i) => i.key) ?? SEVEN_STANDARD;
  const missing = target.facilities ? standardKeys.filter((f) => !target.facilities!.includes(f)) : [];

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const saved = await api.post<Inspection>('/stars/inspections', {
        positionId: target.id,
        inspectedOn: values.inspectedOn as string,
        scores: values.scores ?? {},
        notes: values.notes || undefined,
        photoIds: photoIdsOf(photos),
      });
      message.success(t('starsAdmin.saved'));
      onSaved(saved);
    } catch (e) {
      const rest = applyServerErrors(form, e, ['inspectedOn', 'scores', 'notes']);
      if (rest.length || !(e instanceof Error)) setError(e);
    } finally {
      setSaving(false);
    }
  };

  const scored = (c: RubricCriterion) => c.source === 'inspector' || c.source === 'access';
  return (
    <Modal
      open
      title={t('starsAdmin.inspectTitle', { name: target.name })}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okButtonProps={{ disabled: isUploading(photos) }}
      okText={t('actions.confirm')}
      cancelText={t('actions.cancel')}
      width={620}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('starsAdmin.inspectHint')}</Typography.Paragraph>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('starsAdmin.missingWarn', {
            items: missing.map((f) => t(`positions.facilities.${f}`)).join('、'),
          })}
          data-testid="inspect-missing"
        />
      )}
      {rubric.error ? <ErrorAlert error={rubric.error} onRetry={rubric.reload} /> : null}
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="horizontal" labelCol={{ span: 7 }} initialValues={{ inspectedOn: todayInShanghai() }}>
        <Form.Item name="inspectedOn" label={t('starsAdmin.fields.inspectedOn')} rules={[{ required: true }]}>
          <Input type="date" max={todayInShanghai()} style={{ width: 180 }} />
        </Form.Item>
        {rubric.data?.criteria.map((c) =>
          scored(c) ? (
            <Form.Item
              key={c.key}
              name={['scores', c.key]}
              label={`${c.name}（${c.weight}%）`}
              rules={[
                {
                  required: true,
                  message: t('positionsAdmin.required', { field: c.name }),
                },
              ]}
              extra={c.source === 'access' ? t('starsAdmin.accessFallback') : undefined}
            >
              <InputNumber min={0} max={c.maxPoints} step={0.5} addonAfter={`/ ${c.maxPoints}`} style={{ width: 160 }} aria-label={c.name} />
            </Form.Item>
          ) : (
            <Form.Item key={c.key} label={`${c.name}（${c.weight}%）`}>
              <Typography.Text type="secondary">
                {c.source === 'facilities'
                  ? t('starsAdmin.autoFacilities', {
                      have: standardKeys.length - missing.length,
                      total: standardKeys.length,
                    })
                  : t('starsAdmin.autoRatings')}
              </Typography.Text>
            </Form.Item>
          ),
        )}
        <Form.Item name="notes" label={t('starsAdmin.fields.notes')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label={t('starsAdmin.fields.photos')} extra={t('starsAdmin.photoHint')}>
          <PhotoUpload value={photos} onChange={setPhotos} label={t('starsAdmin.addPhotos')} onError={setError} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
