import type { CaseDetail } from '@niangjia/contracts';
import { App, Button, Descriptions, Form, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { formatDateTime, formatMoney } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { CaseTabProps } from './CaseDetailPage';

/** 基本信息: the summary, the parties (ID numbers masked) and the claims. */
export function BasicTab({ c }: CaseTabProps) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('rights.consultations.category')}>{t(`rights.categories.${c.category}`)}</Descriptions.Item>
        <Descriptions.Item label={t('rights.cases.stage')}>{t(`rights.stages.${c.stage}`)}</Descriptions.Item>
        <Descriptions.Item label={t('rights.cases.summary')} span={2}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{c.summary}</Typography.Paragraph>
        </Descriptions.Item>
        {c.decisionNote && (
          <Descriptions.Item label={t('rights.cases.decision')} span={2}>
            {c.decisionNote}
          </Descriptions.Item>
        )}
        {c.outcomeNote && (
          <Descriptions.Item label={t('rights.cases.outcome')} span={2}>
            {c.outcomeNote}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        title={() => t('rights.cases.parties')}
        dataSource={c.parties}
        scroll={{ x: 900 }}
        columns={[
          { title: '', dataIndex: 'role', width: 150, render: (r: string) => (r === 'applicant' ? t('rights.cases.applicant') : t('rights.cases.respondent')) },
          { title: t('rights.cases.name'), dataIndex: 'name', width: 220, render: (v: string, p) => <span data-testid={`party-${p.role}`}>{v} {p.isMember && <Tag color="red">{t('rights.cases.member')}</Tag>}</span> },
          { title: t('rights.cases.idNumber'), dataIndex: 'idNumberMasked', width: 190, render: (v: string | null) => v ?? '—' },
          { title: t('rights.consultations.phone'), dataIndex: 'phoneMasked', width: 130, render: (v: string | null) => v ?? '—' },
          { title: t('rights.cases.creditCode'), dataIndex: 'creditCode', width: 190, render: (v: string | null) => v ?? '—' },
          { title: t('rights.cases.legalRep'), dataIndex: 'legalRepresentative', width: 110, render: (v: string | null) => v ?? '—' },
        ]}
      />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        title={() => t('rights.cases.claims')}
        dataSource={c.claims}
        columns={[
          { title: t('rights.cases.claimType'), dataIndex: 'type', render: (v: string) => t(`rights.claimTypes.${v}`) },
          { title: t('rights.cases.claimDesc'), dataIndex: 'description', render: (v: string | null) => v ?? '—' },
          { title: t('rights.cases.claimed'), dataIndex: 'amountFen', align: 'right', render: (v: number) => formatMoney(v) },
          { title: t('rights.cases.agreedAmount'), dataIndex: 'agreedFen', align: 'right', render: (v: number | null) => (v === null ? '—' : formatMoney(v)) },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              {t('rights.cases.claimedTotal')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {formatMoney(c.claimedFen)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              {formatMoney(c.agreedFen)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Space>
  );
}

/** 人员: who may see the case; managers add staff. */
export function MembersTab({ c, onChange }: CaseTabProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isAdding, setAdding] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {error ? <ErrorAlert error={error} /> : null}
      <Table
        size="small"
        rowKey="userId"
        pagination={false}
        title={() => t('rights.cases.members')}
        dataSource={c.members}
        columns={[
          { title: t('rights.cases.name'), dataIndex: 'name' },
          { title: '', dataIndex: 'role', render: (r: string) => <Tag>{t(`rights.memberRoles.${r}`)}</Tag> },
          { title: t('rights.common.date'), dataIndex: 'addedAt', render: (v: string) => formatDateTime(v) },
          {
            title: t('rights.common.actions'),
            key: 'a',
            render: (_: unknown, m) =>
              c.can.manage && m.role !== 'mediator' ? (
                <Button
                  type="link"
                  size="small"
                  danger
                  onClick={async () => {
                    try {
                      await api.delete(`/rights/cases/${c.id}/members/${m.userId}`);
                      onChange(await api.get<CaseDetail>(`/rights/cases/${c.id}`));
                    } catch (e) {
                      setError(e);
                    }
                  }}
                >
                  {t('rights.cases.removeMember')}
                </Button>
              ) : null,
          },
        ]}
      />
      {c.can.manage && <Button onClick={() => setAdding(true)}>{t('rights.cases.addMember')}</Button>}
      {isAdding && (
        <AddMemberModal
          c={c}
          onClose={() => setAdding(false)}
          onDone={(next) => {
            setAdding(false);
            onChange(next);
            message.success(t('rights.cases.saved'));
          }}
        />
      )}
    </Space>
  );
}

function AddMemberModal({ c, onClose, onDone }: { c: CaseDetail; onClose: () => void; onDone: (next: CaseDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ userId: string }>();
  const staff = useRequest((signal) => api.get<{ id: string; name: string }[]>(`/rights/cases/${c.id}/mediators`, undefined, { signal }), [c.id]);
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      open
      title={t('rights.cases.addMember')}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          onDone(await api.post<CaseDetail>(`/rights/cases/${c.id}/members`, v));
        } catch (e) {
          setError(e);
        }
      }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item name="userId" rules={[{ required: true }]}>
          <Select options={(staff.data ?? []).filter((u) => !c.members.some((m) => m.userId === u.id)).map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
