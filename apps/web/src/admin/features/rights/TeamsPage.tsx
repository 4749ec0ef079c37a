import type { Page, TeamMember } from '@niangjia/contracts';
import { teamRoles } from '@niangjia/contracts/rights-domain';
import { Button, Card, Col, Empty, Form, Input, Modal, Row, Segmented, Select, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/form-errors';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { listPagination } from '../../components/list-pagination';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useScope } from '../../layout/scope';

/** 维权 ▸ 三员队伍 (/rights/teams): the rosters of supervisors, informants and legal supervisors. */
export function TeamsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const [role, setRole] = useState<string>('supervisor');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [isAdding, setAdding] = useState(false);
  const counts = useRequest((signal) => api.get<Record<string, number>>('/rights/team-members/counts', { orgId: scope?.id }, { signal }), [scope?.id]);
  const list = useRequest((signal) => api.get<Page<TeamMember>>('/rights/team-members', { role, q, orgId: scope?.id, page, pageSize }, { signal }), [role, q, scope?.id, page, pageSize]);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={12}>
        {teamRoles.map((r) => (
          <Col span={8} key={r}>
            <Card size="small">
              <Statistic title={t(`rights.teamRoles.${r}`)} value={counts.data?.[r] ?? 0} valueRender={() => <span data-testid={`team-${r}`}>{counts.data?.[r] ?? 0}</span>} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        title={t('rights.teams.title')}
        extra={
          <Space>
            <Segmented value={role} onChange={(v) => (setRole(v), setPage(1))} options={teamRoles.map((r) => ({ value: r, label: t(`rights.teamRoles.${r}`) }))} />
            <Input.Search allowClear placeholder={t('rights.teams.name')} onSearch={(v) => (setQ(v), setPage(1))} style={{ width: 180 }} />
            {me.permissions.includes('rights.write') && (
              <Button type="primary" onClick={() => setAdding(true)}>
                {t('rights.teams.add')}
              </Button>
            )}
          </Space>
        }
      >
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <Table<TeamMember>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('rights.teams.empty')} /> }}
          pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => (setPage(p), setPageSize(s)))}
          columns={[
            { title: t('rights.teams.name'), dataIndex: 'name', width: 120 },
            { title: t('rights.teams.phone'), dataIndex: 'phoneMasked', width: 130 },
            { title: t('rights.common.org'), key: 'o', width: 170, render: (_: unknown, m) => m.org.name },
            { title: t('rights.teams.employer'), dataIndex: 'employerName', ellipsis: true },
            { title: t('rights.teams.since'), dataIndex: 'sinceOn', width: 110 },
            { title: t('rights.teams.status'), dataIndex: 'status', width: 80, render: (s: string) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`rights.teams.${s}`)}</Tag> },
          ]}
        />
      </Card>
      {isAdding && <AddMemberModal role={role} onClose={() => setAdding(false)} onDone={() => (setAdding(false), list.reload(), counts.reload())} />}
    </Space>
  );
}

function AddMemberModal({ role, onClose, onDone }: { role: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      open
      title={t('rights.teams.add')}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          await api.post('/rights/team-members', Object.fromEntries(Object.entries(v).filter(([, x]) => x)));
          onDone();
        } catch (e) {
          setError(e);
          applyServerErrors(form, e, ['orgId', 'role', 'name', 'phone', 'employerName']);
        }
      }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ orgId: scope?.id, role }}>
        <Form.Item name="orgId" label={t('rights.common.org')} rules={[{ required: true }]}>
          <OrgTreeSelect roots={me.scopeRoots} />
        </Form.Item>
        <Form.Item name="role" label={t('rights.teams.role')}>
          <Select options={teamRoles.map((r) => ({ value: r, label: t(`rights.teamRoles.${r}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('rights.teams.name')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="phone" label={t('rights.teams.phone')} rules={[{ pattern: /^1[3-9]\d{9}$/ }]}>
          <Input maxLength={11} />
        </Form.Item>
        <Form.Item name="employerName" label={t('rights.teams.employer')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
