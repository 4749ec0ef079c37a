import type { Referral } from '@niangjia/contracts';
import { Alert, App, Button, Card, Empty, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { formatMoney } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';

/** 维权 ▸ 转办接收 (/rights/referrals): cases referred to the unions you manage; no party details until accepted. */
export function ReferralsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const list = useRequest((signal) => api.get<Referral[]>('/rights/referrals/incoming', undefined, { signal }), []);
  const respond = (r: Referral, decision: 'accept' | 'return') =>
    modal.confirm({
      title: decision === 'accept' ? t('rights.referrals.accept') : t('rights.referrals.return'),
      content: `${r.caseNumber} · ${r.fromOrg.name}`,
      onOk: async () => {
        try {
          const res = await api.post<{ caseId: string }>(`/rights/referrals/${r.id}/respond`, { decision, version: r.version });
          message.success(decision === 'accept' ? t('rights.referrals.accepted') : t('rights.referrals.returned'));
          if (decision === 'accept') void navigate(`/rights/cases/${res.caseId}`);
          else list.reload();
        } catch (e) {
          message.error(e instanceof Error ? e.message : String(e));
        }
      },
    });
  return (
    <Card title={t('rights.referrals.title')}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('rights.referrals.hint')} />
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<Referral>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t('rights.referrals.empty')} /> }}
        columns={[
          { title: t('rights.cases.number'), dataIndex: 'caseNumber', width: 190 },
          { title: t('rights.referrals.from'), key: 'f', width: 170, render: (_: unknown, r) => r.fromOrg.name },
          { title: t('rights.referrals.kind'), dataIndex: 'kind', width: 90, render: (k: string) => <Tag color="purple">{t(`rights.stages.${k}`)}</Tag> },
          { title: t('rights.referrals.category'), dataIndex: 'category', width: 110, render: (c: string) => t(`rights.categories.${c}`) },
          { title: t('rights.referrals.claimed'), dataIndex: 'claimedFen', width: 120, align: 'right', render: (v: number) => formatMoney(v) },
          { title: t('rights.referrals.referredOn'), dataIndex: 'referredOn', width: 110 },
          { title: t('rights.referrals.note'), dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '—' },
          {
            title: t('rights.common.actions'),
            key: 'a',
            width: 150,
            fixed: 'right',
            render: (_: unknown, r) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => respond(r, 'accept')} data-testid={`accept-${r.caseNumber}`}>
                  {t('rights.referrals.accept')}
                </Button>
                <Button type="link" size="small" danger onClick={() => respond(r, 'return')}>
                  {t('rights.referrals.return')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
