import type { MemberImport } from '@niangjia/contracts';
import { Descriptions, Form, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../shared/session';
import { ImportFlow } from '../../components/import/ImportFlow';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useScope } from '../../layout/scope';
import { ImportHistory } from './ImportHistory';

/** 集中入会: the shared Excel import flow, into one union and its subtree, above the 导入记录 of past batches. */
export function ImportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const [orgId, setOrgId] = useState<string | undefined>(scope?.id);
  // Bumped when a check or commit finishes, so the history shows the batch's new status.
  const [settledAt, setSettledAt] = useState(0);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ImportFlow<MemberImport>
        onSettled={() => setSettledAt(Date.now())}
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
      <ImportHistory refreshKey={settledAt} />
    </Space>
  );
}
