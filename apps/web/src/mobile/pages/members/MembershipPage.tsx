import type { MyMembership } from '@niangjia/contracts';
import { Button, Dialog, List, NavBar, Result, Skeleton, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';

const RESULT_STATUS = { applied: 'waiting', active: 'success', rejected: 'error', suspended: 'warning', left: 'info', withdrawn: 'info' } as const;

/** Where my application stands: 审核中 / 已通过 (member number) / 未通过 with the reason and 重新申请. */
export function MembershipPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useRequest((signal) => api.get<MyMembership>('/members/me', undefined, { signal }), []);
  const m = mine.data?.membership;
  const [withdrawing, setWithdrawing] = useState(false);

  // Taking back a pending application (wrong union, changed mind): asked once, then the page shows 已撤回.
  const withdraw = async () => {
    if (!m) return;
    const ok = await Dialog.confirm({ content: t('membership.withdrawConfirm'), confirmText: t('membership.withdrawOk'), cancelText: t('actions.cancel') });
    if (!ok) return;
    setWithdrawing(true);
    try {
      await api.post('/members/me/application/withdraw', { version: m.version });
      Toast.show({ icon: 'success', content: t('membership.withdrawDone') });
    } catch (e) {
      Toast.show({ content: errorText(e) });
    } finally {
      setWithdrawing(false);
      mine.reload();
    }
  };

  return (
    <>
      <NavBar onBack={() => navigate('/me')} style={{ background: '#fff' }}>
        {t('membership.title')}
      </NavBar>
      {mine.error ? (
        <div style={{ padding: '0 12px' }}>
          <ErrorNotice error={mine.error} />
          <Button block onClick={mine.reload}>{t('actions.retry')}</Button>
        </div>
      ) : null}
      {mine.loading && !mine.data ? (
        <section className="nj-section" style={{ padding: 20 }}>
          <Skeleton.Title animated />
          <Skeleton.Paragraph lineCount={4} animated />
        </section>
      ) : !mine.data ? null : !m ? (
        <>
          <Result status="info" title={t('membership.none')} description={t('membership.noneText')} className="nj-result" />
          <div style={{ padding: '0 12px' }}>
            <Button block color="primary" size="large" onClick={() => navigate('/join')}>{t('membership.apply')}</Button>
          </div>
        </>
      ) : (
        <>
          <Result
            className="nj-result"
            status={RESULT_STATUS[m.status]}
            title={<span data-testid="membership-status">{t(`membership.${m.status}`)}</span>}
            description={
              <>
                {t(`membership.${m.status}Text`, { union: m.org.name })}
                {m.status === 'rejected' && m.rejectedReason && (
                  <strong style={{ display: 'block', marginTop: 8, color: '#a8071a' }} data-testid="rejected-reason">
                    {t('membership.reason', { reason: m.rejectedReason })}
                  </strong>
                )}
              </>
            }
          />
          <List mode="card" style={{ margin: 12 }}>
            <List.Item extra={m.org.name}>{t('membership.union')}</List.Item>
            {m.memberNumber && <List.Item extra={<span data-testid="member-number">{m.memberNumber}</span>}>{t('membership.memberNumber')}</List.Item>}
            <List.Item extra={formatDateTime(m.appliedAt)}>{t('membership.appliedAt')}</List.Item>
            {m.joinedAt && <List.Item extra={formatDate(m.joinedAt)}>{t('membership.joinedAt')}</List.Item>}
          </List>
          <div style={{ padding: '0 12px 24px', display: 'grid', gap: 10 }}>
            {m.status === 'active' && <Button block color="primary" size="large" onClick={() => navigate('/me/card')}>{t('membership.viewCard')}</Button>}
            {(m.status === 'rejected' || m.status === 'left' || m.status === 'withdrawn') && (
              <Button block color="primary" size="large" onClick={() => navigate('/join')}>{t('membership.reapply')}</Button>
            )}
            {m.status === 'applied' && <Button block size="large" loading={mine.loading} onClick={mine.reload}>{t('membership.refresh')}</Button>}
            {m.status === 'applied' && (
              <Button block fill="none" size="large" loading={withdrawing} onClick={() => void withdraw()} data-testid="withdraw-application">
                {t('membership.withdraw')}
              </Button>
            )}
          </div>
        </>
      )}
    </>
  );
}
