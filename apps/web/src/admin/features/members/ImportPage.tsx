import type { MemberImport } from '@niangjia/contracts';
import { Descriptions, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../shared/session';
import { ImportFlow } from '../../components/import/ImportFlow';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useScope } from '../../layout/scope';

/** 集中入会: the shared Excel import flow, into one union and its subtree. */
export function ImportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const [orgId, setOrgId] = useState<string | undefined>(scope?.id);

  return (
    <ImportFlow<MemberImport>
      ns="members.import"
      basePath="/members/imports"
      templateFileName="member-import-template.xlsx"
      reportFileName="member-import-report.xlsx"
      uploadQuery={{ orgId }}
      canUpload={!!orgId}
      formItems={
        <Form.Item label={t('members.import.org')} extra={t('members.import.orgHint')} required>
          <OrgTreeSelect roots={me.scopeRoots} value={orgId} valueLabel={scope?.name} onChange={(v) => setOrgId(v)} style={{ width: '100%' }} />
        </Form.Item>
      }
      describe={(batch) => <Descriptions.Item label={t('members.fields.org')}>{batch.org.name}</Descriptions.Item>}
      extraColumns={[
        {
          title: t('members.fields.realName'),
          dataIndex: 'name',
          width: 120,
          render: (v: string | null) => v ?? '—',
        },
        {
          title: t('members.fields.idNumber'),
          dataIndex: 'idNumberMasked',
          width: 190,
          render: (v: string | null) => v ?? '—',
        },
      ]}
    />
  );
}
