import { providerTypes } from '@niangjia/contracts/market-domain';
import { checkCreditCode } from '@niangjia/contracts/domain';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FileUploader } from '../parts';

export type ProviderValues = { orgId?: string; name: string; creditCode: string; type: string; contactName: string; contactPhone: string; address?: string; intro?: string; qualificationFileIds?: string[] };
export const PROVIDER_FIELDS = ['orgId', 'name', 'creditCode', 'type', 'contactName', 'contactPhone', 'address', 'intro', 'qualificationFileIds', 'serviceAreaOrgIds'];

/** The organisation's details: registration and the provider's own edits. GB 32100 is checked as they type. */
export function ProviderFormFields({ districts }: { districts?: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  return (
    <>
      {districts && (
        <Form.Item name="orgId" label={t('market.register.district')} rules={[{ required: true }]}>
          <Select options={districts.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('market.providers.fields.name')} rules={[{ required: true, min: 2 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label={t('market.providers.fields.creditCode')}
        normalize={(v: string) => v?.toUpperCase().trim()}
        rules={[
          { required: true },
          {
            validator: async (_, v: string) => {
              const problem = v ? checkCreditCode(v) : null;
              if (problem) throw new Error(t(`market.creditCode.${problem}`));
            },
          },
        ]}
      >
        <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item name="type" label={t('market.providers.fields.type')} rules={[{ required: true }]}>
        <Select options={providerTypes.map((v) => ({ value: v, label: t(`marketTerms.providerType.${v}`) }))} />
      </Form.Item>
      <Form.Item name="contactName" label={t('market.providers.fields.contact')} rules={[{ required: true, min: 2 }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('market.providers.fields.phone')} rules={[{ required: true, pattern: /^1[3-9]\d{9}$/ }]}>
        <Input maxLength={11} inputMode="numeric" />
      </Form.Item>
      <Form.Item name="address" label={t('market.providers.fields.address')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="intro" label={t('market.providers.fields.intro')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="qualificationFileIds" label={t('market.providers.fields.qualifications')} extra={t('market.portal.projects.uploadHint')}>
        <FileUploader accept="application/pdf,image/jpeg,image/png,image/webp" testId="qualification-input" />
      </Form.Item>
    </>
  );
}
