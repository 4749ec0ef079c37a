import type { Provider } from '@niangjia/contracts';
import { Alert, App, Button, Card, Descriptions, Form, Result, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../../../shared/api';
import { applyServerErrors } from '../../../../shared/form-errors';
import { useMe } from '../../../../shared/session';
import { useRequest } from '../../../../shared/use-request';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FileList, StatusTag } from '../parts';
import { PROVIDER_FIELDS, ProviderFormFields, type ProviderValues } from './ProviderForm';

const ALERT: Record<string, 'info' | 'warning' | 'success' | 'error'> = { pending: 'info', returned: 'warning', approved: 'success', suspended: 'error' };

/** 服务商平台 ▸ 我的机构 (/portal): the provider's record, its review status, and its own edits. */
export function PortalHomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const mine = useRequest((signal) => api.get<{ provider: Provider | null }>('/market/my-provider', undefined, { signal }), []);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<ProviderValues>();
  const [error, setError] = useState<unknown>(null);
  const p = mine.data?.provider;
  if (mine.error) return <ErrorAlert error={mine.error} onRetry={mine.reload} />;
  if (mine.data && !p) return <Result status="info" title={t('market.portal.noProvider')} extra={<Button type="primary" onClick={() => navigate('/register')}>{t('market.portal.register')}</Button>} />;
  if (!p) return null;

  const save = async (v: ProviderValues) => {
    setError(null);
    try {
      const saved = await api.put<Provider>('/market/my-provider', { ...v, version: p.version, qualificationFileIds: v.qualificationFileIds ?? [], address: v.address || null, intro: v.intro || null });
      mine.setData({ provider: saved });
      message.success(t('market.common.saved'));
      setEditing(false);
    } catch (e) {
      const unplaced = applyServerErrors(form, e, PROVIDER_FIELDS);
      if (!(e instanceof ApiError) || !e.errors.length || unplaced.length) setError(e);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 960 }}>
      <Alert type={ALERT[p.status]} showIcon title={t('market.portal.welcome', { name: me.user.displayName })} description={t(`market.portal.status.${p.status}`, { reason: p.reviewReason ?? '' })} data-testid="provider-status" />
      <Card
        title={p.name}
        extra={
          !editing && p.status !== 'suspended' ? (
            <Button onClick={() => setEditing(true)}>{t('market.portal.edit')}</Button>
          ) : null
        }
      >
        {editing ? (
          <>
            {error ? <ErrorAlert error={error} /> : null}
            <Form form={form} layout="vertical" initialValues={{ ...p, address: p.address ?? undefined, intro: p.intro ?? undefined, qualificationFileIds: p.qualifications.map((f) => f.id) }} onFinish={(v) => void save(v)} style={{ maxWidth: 560 }}>
              <ProviderFormFields />
              <Space>
                <Button type="primary" htmlType="submit">
                  {p.status === 'returned' ? t('market.portal.resubmit') : t('common.save')}
                </Button>
                <Button onClick={() => setEditing(false)}>{t('actions.cancel')}</Button>
              </Space>
            </Form>
          </>
        ) : (
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('market.providers.fields.creditCode')}>{p.creditCode}</Descriptions.Item>
            <Descriptions.Item label={t('market.providers.fields.type')}>{t(`marketTerms.providerType.${p.type}`)}</Descriptions.Item>
            <Descriptions.Item label={t('market.providers.fields.contact')}>{p.contactName}</Descriptions.Item>
            <Descriptions.Item label={t('market.providers.fields.phone')}>{p.contactPhone}</Descriptions.Item>
            <Descriptions.Item label={t('market.providers.fields.district')}>{p.org.name}</Descriptions.Item>
            <Descriptions.Item label={t('market.common.status')}>
              <StatusTag kind="providerStatus" value={p.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('market.providers.fields.address')} span={2}>
              {p.address ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('market.providers.fields.intro')} span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{p.intro ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('market.providers.fields.qualifications')} span={2}>
              <FileList files={p.qualifications} />
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
    </Space>
  );
}
