import type { HardshipThreshold } from '@niangjia/contracts';
import { App, Descriptions, Form, InputNumber, Modal, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { formatMoney } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';

/**
 * 困难标准: the income per head (a month) under which a household counts as in hardship. It is set
 * per district; any union reads the one of its district. Staff pick a union to see what applies
 * there, and a district's staff set it (a street's is refused by the server, in words).
 */
export function ThresholdModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const canWrite = me.permissions.includes('assistance.write');
  const [orgId, setOrgId] = useState<string | undefined>(me.scopeRoots[0]?.id);
  const [yuan, setYuan] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const current = useRequest((signal) => (orgId ? api.get<HardshipThreshold | null>('/assistance/hardship/threshold', { orgId }, { signal }) : Promise.resolve(null)), [orgId]);
  const save = async () => {
    if (!orgId || yuan === null) return;
    setSaving(true);
    setError(null);
    try {
      await api.put<HardshipThreshold>(`/assistance/hardship/threshold?orgId=${encodeURIComponent(orgId)}`, { monthlyFenPerHead: Math.round(yuan * 100) });
      message.success(t('hardship.thresholdForm.saved'));
      setYuan(null);
      current.reload();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  const applies = current.data;
  return (
    <Modal
      open
      title={t('hardship.thresholdForm.title')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('actions.confirm')}
      okButtonProps={{ disabled: yuan === null || !orgId, 'data-testid': 'threshold-save' }}
      confirmLoading={saving}
      cancelText={t('actions.cancel')}
      {...(canWrite ? {} : { footer: null })}
    >
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form layout="vertical" name="hardshipThreshold">
        <Form.Item label={t('hardship.thresholdForm.org')} extra={t('hardship.thresholdForm.orgHint')}>
          <OrgTreeSelect roots={me.scopeRoots} value={orgId} onChange={(v) => setOrgId(v)} style={{ width: '100%' }} />
        </Form.Item>
        <Spin spinning={current.loading}>
          {current.error ? <ErrorAlert error={current.error} onRetry={current.reload} /> : null}
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('hardship.thresholdForm.applies')}>
              <span data-testid="threshold-current">{applies ? t('hardship.thresholdForm.perHead', { amount: formatMoney(applies.monthlyFenPerHead) }) : t('hardship.thresholdForm.none')}</span>
            </Descriptions.Item>
            {applies ? (
              <Descriptions.Item label={t('hardship.thresholdForm.setBy')}>
                {applies.orgName}
                {applies.isOwn ? null : <Typography.Text type="secondary">{t('hardship.thresholdForm.inherited')}</Typography.Text>}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Spin>
        {canWrite ? (
          <Form.Item label={t('hardship.thresholdForm.newValue')}>
            <InputNumber
              min={0.01}
              max={100000}
              precision={2}
              value={yuan}
              onChange={(v) => setYuan(v)}
              addonAfter={t('hardship.thresholdForm.unit')}
              style={{ width: 240 }}
              data-testid="threshold-input"
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
