import type { MemberDetail } from '@niangjia/contracts';
import { Descriptions, Drawer, Empty, Skeleton, Space, Tabs, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../shared/api';
import { formatDate, formatDateTime } from '../../../shared/format';
import { STATUS_COLORS } from '../../../shared/members';
import { useRegisters } from '../../../shared/registers';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { AuditTable } from '../../components/AuditTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MemberActions } from './MemberActions';
import { MemberPhoto } from './MemberPhoto';
import { RevealCell } from './RevealCell';

const HISTORY_COLORS: Record<string, string> = { applied: 'blue', approved: 'green', rejected: 'red', transferred: 'purple', suspended: 'orange', resumed: 'green', left: 'gray', edited: 'gray', withdrawn: 'gray' };

/** One member: tabs 基本信息 / 历史 / 审计, with the actions of their status (/members/:id). */
export function MemberDrawer({ memberId, onClose, onChanged }: { memberId: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const registers = useRegisters();
  const me = useMe();
  const canReveal = me.permissions.includes('member.reveal');
  const detail = useRequest((signal) => api.get<MemberDetail>(`/members/${memberId}`, undefined, { signal }), [memberId]);
  const m = detail.data;
  const notFound = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 403);

  const field = (v: string | null | undefined) => v || <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>;
  const yesNo = (v: boolean) => (v ? t('members.yes') : t('members.no'));

  return (
    <Drawer
      open
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={
        m ? (
          <Space wrap>
            <span data-testid="member-title">{m.person.realName}</span>
            <Tag color={STATUS_COLORS[m.status]}>{t(`members.status.${m.status}`)}</Tag>
            {m.memberNumber && <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{m.memberNumber}</Typography.Text>}
          </Space>
        ) : (
          t('members.detail')
        )
      }
      extra={
        m ? (
          <MemberActions
            member={m}
            variant="drawer"
            onChanged={(saved) => {
              if (saved) detail.setData(saved);
              else detail.reload();
              onChanged();
            }}
            onStale={() => {
              detail.reload();
              onChanged();
            }}
          />
        ) : null
      }
    >
      {detail.error ? <ErrorAlert error={detail.error} onRetry={notFound ? undefined : detail.reload} /> : null}
      {!m ? (
        notFound ? null : <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Tabs
          items={[
            {
              key: 'info',
              label: t('members.tabs.info'),
              children: (
                <Descriptions column={2} size="small" bordered>
                  <Descriptions.Item label={t('members.fields.realName')}>{m.person.realName}</Descriptions.Item>
                  <Descriptions.Item label={t('members.fields.realNameVerified')}>
                    {m.person.isRealNameVerified ? <Tag color="green">{t('members.verified')}</Tag> : <Tag>{t('members.notVerified')}</Tag>}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('members.fields.idNumber')} span={2}>
                    <RevealCell key={`${m.id}-id-${m.person.version}`} memberId={m.id} field="idNumber" masked={m.person.idNumberMasked} canReveal={canReveal} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('members.fields.phone')} span={2}>
                    <RevealCell key={`${m.id}-phone-${m.person.version}`} memberId={m.id} field="phone" masked={m.person.phoneMasked} canReveal={canReveal} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('members.fields.sex')}>{t(`members.sex.${m.person.sex}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('members.fields.org')} span={2}>{m.org.name}</Descriptions.Item>
                  <Descriptions.Item label={t('members.fields.memberNumber')}>{field(m.memberNumber)}</Descriptions.Item>
                  <Descriptions.Item label={t('members.fields.status')}>
                    <Tag color={STATUS_COLORS[m.status]}>{t(`members.status.${m.status}`)}</Tag>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('members.fields.employmentForm')}>{t(`members.employmentForms.${m.person.employmentForm}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('members.fields.isMigrant')}>{yesNo(m.person.isMigrant)}</Descriptions.Item>
                  <Descriptions.Item label={t('members.fields.employerName')} span={2}>{field(m.person.employerName)}</Descriptions.Item>
                  <Descriptions.Item label={t('members.fields.employerCreditCode')}>{field(m.person.employerCreditCode)}</Descriptions.Item>
                  <Descriptions.Item label={t('members.fields.industry')}>{field(m.person.industry)}</Descriptions.Item>
                  <Descriptions.Item label={t('members.fields.homeStreetCode')}>{field(m.person.homeStreetCode)}</Descriptions.Item>
                  <Descriptions.Item label={t('members.fields.ethnicity')}>{field(registers.label('ethnicity', m.person.ethnicity))}</Descriptions.Item>
                  <Descriptions.Item label={t('members.fields.politicalStatus')}>{field(registers.label('politicalStatus', m.person.politicalStatus))}</Descriptions.Item>
                  <Descriptions.Item label={t('members.fields.education')}>{field(registers.label('education', m.person.education))}</Descriptions.Item>
                  <Descriptions.Item label={t('members.fields.isHardship')}>{m.person.isHardship ? <Tag color="orange">{t('members.yes')}</Tag> : t('members.no')}</Descriptions.Item>
                  <Descriptions.Item label={t('members.fields.hukouPlace')} span={2}>{field(m.person.hukouPlace)}</Descriptions.Item>
                  <Descriptions.Item label={t('members.photo.label')} span={2}>
                    <MemberPhoto
                      key={m.id}
                      member={m}
                      canWrite={me.permissions.includes('member.write')}
                      onChanged={(saved) => {
                        detail.setData(saved);
                        onChanged();
                      }}
                    />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('members.fields.hasAccount')}>{yesNo(m.person.hasAccount)}</Descriptions.Item>
                  <Descriptions.Item label={t('members.fields.source')}>
                    {t(`members.source.${m.source}`, { defaultValue: m.source })}
                    {m.via ? <Typography.Text type="secondary" data-testid="member-via">{` · ${viaText(m.via, t)}`}</Typography.Text> : null}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('members.fields.appliedAt')}>{formatDateTime(m.appliedAt)}</Descriptions.Item>
                  <Descriptions.Item label={t('members.fields.joinedAt')}>{formatDate(m.joinedAt)}</Descriptions.Item>
                  {m.leftAt && <Descriptions.Item label={t('members.fields.leftAt')}>{formatDate(m.leftAt)}</Descriptions.Item>}
                  {m.rejectedReason && (
                    <Descriptions.Item label={t('members.fields.rejectedReason')} span={2}>{m.rejectedReason}</Descriptions.Item>
                  )}
                  <Descriptions.Item label={t('common.updatedAt')} span={2}>
                    {formatDateTime(m.updatedAt)}
                  </Descriptions.Item>
                </Descriptions>
              ),
            },
            {
              key: 'history',
              label: t('members.tabs.history'),
              children: m.history.length ? (
                <Timeline
                  style={{ marginTop: 8 }}
                  items={[...m.history].reverse().map((e) => ({
                    color: HISTORY_COLORS[e.kind] ?? 'gray',
                    content: (
                      <div data-testid="member-history-item">
                        <Typography.Text strong>{t(`members.history.${e.kind}`)}</Typography.Text>
                        <Typography.Text type="secondary"> · {formatDateTime(e.at)}</Typography.Text>
                        {e.kind === 'transferred' && e.fromOrg && e.toOrg ? (
                          <div>{t('members.history.from', { from: e.fromOrg.name, to: e.toOrg.name })}</div>
                        ) : e.toOrg && e.kind === 'applied' ? (
                          <div>{e.toOrg.name}</div>
                        ) : null}
                        {e.reason && <div>{t('members.history.reason', { reason: e.reason })}</div>}
                        {e.actorName && <div><Typography.Text type="secondary">{t('members.history.by', { name: e.actorName })}</Typography.Text></div>}
                      </div>
                    ),
                  }))}
                />
              ) : (
                <Empty description={t('members.emptyHistory')} />
              ),
            },
            ...(me.permissions.includes('audit.read')
              ? [{ key: 'audit', label: t('members.tabs.audit'), children: <AuditTable compact query={{ entityType: 'member', entityId: m.id }} emptyText={t('members.emptyAudit')} /> }]
              : []),
          ]}
        />
      )}
    </Drawer>
  );
}

/** `ceremony:CODE` → 入会仪式 CODE; `point:CODE` → 入会点 CODE. */
function viaText(via: string, t: (key: string, o?: Record<string, string>) => string): string {
  const [kind, code = ''] = via.split(':');
  return kind === 'ceremony' || kind === 'point' ? t(`members.via.${kind}`, { code }) : via;
}
