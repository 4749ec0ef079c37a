import { DownloadOutlined, DownOutlined } from '@ant-design/icons';
import type { ApproveMembersBatchResult, Member, Page } from '@niangjia/contracts';
import { Alert, App, Button, Card, DatePicker, Dropdown, Empty, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listPagination } from '../../components/list-pagination';
import { FilterActions } from '../../components/FilterActions';
import { useNavigate, useParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDate, formatDateTime } from '../../../shared/format';
import { EMPLOYMENT_FORMS, MEMBERSHIP_STATUSES, STATUS_COLORS } from '../../../shared/members';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useScope } from '../../layout/scope';
import { MemberActions } from './MemberActions';
import { MemberDrawer } from './MemberDrawer';
import { RevealCell } from './RevealCell';

type Filters = { q?: string; orgId?: string; status?: string; employmentForm?: string; isMigrant?: string; isHardship?: string; joinedFrom?: string; joinedTo?: string };
type FormValues = {
  q?: string;
  orgId?: string;
  status?: string;
  employmentForm?: string;
  isMigrant?: string;
  isHardship?: string;
  joined?: [{ format: (f: string) => string } | null, { format: (f: string) => string } | null] | null;
};

/**
 * 会员管理 (/members) and 入会审批 (/members/applications): the members of unions in the header
 * scope (or a chosen org's subtree), filtered; the detail opens in a drawer at /members/:id.
 */
export function MembersPage({ mode }: { mode: 'all' | 'applications' }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useMe();
  const { scope } = useScope();
  const { memberId } = useParams();
  const navigate = useNavigate();
  const canReveal = me.permissions.includes('member.reveal');
  const applications = mode === 'applications';
  const base = applications ? '/members/applications' : '/members';
  const [filterForm] = Form.useForm<FormValues>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);

  const list = useRequest(
    (signal) => api.get<Page<Member>>(applications ? '/members/applications' : '/members', { ...filters, orgId: filters.orgId ?? scope?.id, page, pageSize }, { signal }),
    [mode, JSON.stringify(filters), scope?.id, page, pageSize],
  );

  const hasFilters = Object.values(filters).some(Boolean);

  // 批量通过: the selected applications, each with the version on screen; the ones not yet
  // real-name verified are named before staff confirm (approving verifies them).
  const canBatch = applications && me.permissions.includes('member.write');
  const [selected, setSelected] = useState<Member[]>([]);
  const [approving, setApproving] = useState(false);
  const approveSelected = () => {
    const unverified = selected.filter((m) => !m.person.isRealNameVerified);
    modal.confirm({
      title: t('members.batch.title', { count: selected.length }),
      width: 520,
      content: (
        <Space orientation="vertical">
          <Typography.Text>{t('members.batch.hint')}</Typography.Text>
          {unverified.length > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="batch-unverified"
              title={t('members.batch.unverified', {
                count: unverified.length,
                names: unverified
                  .slice(0, 10)
                  .map((m) => m.person.realName)
                  .join('、') + (unverified.length > 10 ? '…' : ''),
              })}
            />
          )}
        </Space>
      ),
      okText: t('members.batch.approve'),
      cancelText: t('actions.cancel'),
      onOk: async () => {
        setApproving(true);
        try {
          const result = await api.post<ApproveMembersBatchResult>('/members/approve-batch', { items: selected.map((m) => ({ id: m.id, version: m.version })) });
          if (result.approved.length) message.success(t('members.batch.done', { count: result.approved.length }));
          if (result.failed.length) {
            const names = new Map(selected.map((m) => [m.id, m.person.realName]));
            modal.warning({
              title: t('members.batch.failed', { count: result.failed.length }),
              content: (
                <ul style={{ paddingInlineStart: 18, margin: 0 }}>
                  {result.failed.map((f) => (
                    <li key={f.id}>{t('members.batch.failedItem', { name: names.get(f.id) ?? '', message: f.message })}</li>
                  ))}
                </ul>
              ),
            });
          }
          setSelected([]);
          list.reload();
        } catch (e) {
          message.error(errorText(e));
        } finally {
          setApproving(false);
        }
      },
    });
  };
  const [exporting, setExporting] = useState(false);
  const exportXlsx = async (reveal: boolean) => {
    setExporting(true);
    try {
      await api.download('/members/export', { ...filters, orgId: filters.orgId ?? scope?.id, ...(reveal ? { reveal: 'true' } : {}) }, 'members.xlsx');
      message.success(t('members.exportDone'));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setExporting(false);
    }
  };
  const apply = (v: FormValues) => {
    const next: Filters = {};
    if (v.q?.trim()) next.q = v.q.trim();
    if (v.orgId) next.orgId = v.orgId;
    if (v.status) next.status = v.status;
    if (v.employmentForm) next.employmentForm = v.employmentForm;
    if (v.isMigrant) next.isMigrant = v.isMigrant;
    if (v.isHardship) next.isHardship = v.isHardship;
    const [from, to] = v.joined ?? [];
    if (from) next.joinedFrom = from.format('YYYY-MM-DD');
    if (to) next.joinedTo = to.format('YYYY-MM-DD');
    setFilters(next);
    setPage(1);
  };

  const yesNo = [
    { value: 'true', label: t('members.filters.yes') },
    { value: 'false', label: t('members.filters.no') },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Form form={filterForm} layout="inline" onFinish={apply} style={{ rowGap: 12 }}>
          <Form.Item name="q" label={t('members.filters.keyword')} tooltip={t('members.filters.keywordHint')}>
            <Input placeholder={t('members.filters.keywordPlaceholder')} allowClear style={{ width: 280 }} />
          </Form.Item>
          <Form.Item name="orgId" label={t('members.filters.org')}>
            <OrgTreeSelect roots={me.scopeRoots} allowClear placeholder={t('members.filters.orgPlaceholder', { scope: scope?.name ?? '' })} style={{ width: 240 }} />
          </Form.Item>
          {!applications && (
            <Form.Item name="status" label={t('members.filters.status')}>
              <Select allowClear style={{ width: 120 }} placeholder={t('common.all')} options={MEMBERSHIP_STATUSES.map((s) => ({ value: s, label: t(`members.status.${s}`) }))} />
            </Form.Item>
          )}
          <Form.Item name="employmentForm" label={t('members.filters.employmentForm')}>
            <Select allowClear style={{ width: 150 }} placeholder={t('common.all')} options={EMPLOYMENT_FORMS.map((f) => ({ value: f, label: t(`members.employmentForms.${f}`) }))} />
          </Form.Item>
          <Form.Item name="isMigrant" label={t('members.filters.migrant')}>
            <Select allowClear style={{ width: 90 }} placeholder={t('common.all')} options={yesNo} />
          </Form.Item>
          {!applications && (
            <Form.Item name="isHardship" label={t('members.filters.hardship')}>
              <Select allowClear style={{ width: 90 }} placeholder={t('common.all')} options={yesNo} />
            </Form.Item>
          )}
          {!applications && (
            <Form.Item name="joined" label={t('members.filters.joined')}>
              <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 260 }} />
            </Form.Item>
          )}
          <FilterActions
            onReset={() => {
              filterForm.resetFields();
              setFilters({});
              setPage(1);
            }}
          />
        </Form>
      </Card>
      <Card
        title={
          <Space>
            {applications ? t('members.applicationsTitle') : t('members.title')}
            {scope && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
                {t('members.scopeNote', { scope: scope.name })}
              </Typography.Text>
            )}
          </Space>
        }
        extra={
          !applications && (
            <Space>
              {me.permissions.includes('member.write') && <Button onClick={() => navigate('/members/imports')}>{t('menu.memberImport')}</Button>}
              {canReveal ? (
                <Dropdown.Button
                  icon={<DownOutlined />}
                  loading={exporting}
                  onClick={() => void exportXlsx(false)}
                  menu={{ items: [{ key: 'reveal', label: t('members.exportReveal') }], onClick: () => void exportXlsx(true) }}
                >
                  <DownloadOutlined /> {t('members.export')}
                </Dropdown.Button>
              ) : (
                <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx(false)}>
                  {t('members.export')}
                </Button>
              )}
            </Space>
          )
        }
      >
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <DataTable<Member>
          id={applications ? 'member-applications' : 'members'}
          rowKey="id"
          rowSelection={canBatch ? { selectedRowKeys: selected.map((m) => m.id), onChange: (_keys, rows) => setSelected(rows), preserveSelectedRowKeys: true } : undefined}
          toolbar={
            canBatch ? (
              <Space>
                <Button type="primary" disabled={!selected.length} loading={approving} onClick={approveSelected} data-testid="approve-batch">
                  {t('members.batch.approve')}
                </Button>
                {selected.length > 0 && <Typography.Text type="secondary">{t('members.batch.selected', { count: selected.length })}</Typography.Text>}
              </Space>
            ) : undefined
          }
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={hasFilters ? t('members.emptyFiltered') : applications ? t('members.emptyApplications') : t('members.empty')} /> }}
          pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => {
            setPage(p);
            setPageSize(s);
          })}
          columns={[
            {
              title: t('members.fields.realName'),
              key: 'realName',
              dataIndex: ['person', 'realName'],
              width: 96,
              priority: 1,
              render: (v: string, m) => <a onClick={() => navigate(`${base}/${m.id}`)}>{v}</a>,
            },
            { title: t('members.fields.memberNumber'), key: 'memberNumber', dataIndex: 'memberNumber', width: 150, priority: applications ? 3 : 2, render: (v: string | null) => v ?? '—' },
            {
              title: t('members.fields.idNumber'),
              key: 'id',
              width: 210,
              render: (_: unknown, m) => <RevealCell key={m.id} memberId={m.id} field="idNumber" masked={m.person.idNumberMasked} canReveal={canReveal} />,
            },
            {
              title: t('members.fields.phone'),
              key: 'phone',
              width: 160,
              render: (_: unknown, m) => <RevealCell key={m.id} memberId={m.id} field="phone" masked={m.person.phoneMasked} canReveal={canReveal} />,
            },
            { title: t('members.fields.org'), key: 'org', dataIndex: ['org', 'name'], width: 200, ellipsis: true },
            {
              title: t('members.fields.employmentForm'),
              key: 'employmentForm',
              dataIndex: ['person', 'employmentForm'],
              width: 150,
              priority: 3,
              render: (v: string, m) => (
                <Space size={4} style={{ whiteSpace: 'nowrap' }}>
                  {t(`members.employmentForms.${v}`)}
                  {m.person.isMigrant && <Tag style={{ marginInlineEnd: 0 }}>{t('members.filters.migrant')}</Tag>}
                  {m.person.isHardship && (
                    <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                      {t('members.filters.hardship')}
                    </Tag>
                  )}
                </Space>
              ),
            },
            { title: t('members.fields.status'), key: 'status', dataIndex: 'status', width: 90, render: (v: Member['status']) => <Tag color={STATUS_COLORS[v]}>{t(`members.status.${v}`)}</Tag> },
            applications
              ? { title: t('members.fields.appliedAt'), key: 'appliedAt', dataIndex: 'appliedAt', width: 150, render: (v: string) => formatDateTime(v) }
              : { title: t('members.fields.joinedAt'), key: 'joinedAt', dataIndex: 'joinedAt', width: 110, priority: 3, render: (v: string | null) => formatDate(v) },
          ]}
          actions={(m) => (
            <>
              <Button type="link" size="small" onClick={() => navigate(`${base}/${m.id}`)}>
                {t('members.actions.detail')}
              </Button>
              <MemberActions member={m} variant="row" onChanged={() => list.reload()} onStale={list.reload} />
            </>
          )}
        />
      </Card>
      {memberId && <MemberDrawer memberId={memberId} onClose={() => navigate(base)} onChanged={list.reload} />}
    </Space>
  );
}
