import type { FundStatement } from '@niangjia/contracts';
import { Button, CapsuleTabs, NavBar, Skeleton } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../../shared/api';
import { StatementView } from '../../../shared/fund/StatementView';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';
import './fund.css';
import { rangeOf, type Period } from './accounts-range';

/** 账目公开 (/m/fund/accounts): the fund's statement for a period, public, no sign-in, no personal data. */
export function AccountsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const given = params.get('from') && params.get('to') ? { from: params.get('from') ?? '', to: params.get('to') ?? '' } : null;
  const [period, setPeriod] = useState<Period | 'given'>(given ? 'given' : 'month');
  const range = period === 'given' && given ? given : rangeOf(period === 'given' ? 'month' : period);
  const statement = useRequest((signal) => api.get<FundStatement>('/public/fund/statement', range, { signal, skipAuthRedirect: true }), [range.from, range.to]);

  return (
    <>
      <NavBar backIcon={false} style={{ background: '#fff' }}>
        {t('accounts.title')}
      </NavBar>
      <p className="nj-accounts-intro" style={{ marginTop: 12 }}>
        {t('accounts.intro')}
      </p>
      <CapsuleTabs activeKey={period === 'given' ? '' : period} onChange={(k) => setPeriod(k as Period)}>
        {(['month', 'lastMonth', 'year', 'all'] as const).map((p) => (
          <CapsuleTabs.Tab key={p} title={t(`accounts.periods.${p}`)} />
        ))}
      </CapsuleTabs>
      <div className="nj-accounts-box">
        {statement.error ? (
          <>
            <ErrorNotice error={statement.error} />
            <Button block onClick={statement.reload}>
              {t('actions.retry')}
            </Button>
          </>
        ) : statement.data ? (
          <StatementView statement={statement.data} />
        ) : (
          <>
            <Skeleton.Title animated />
            <Skeleton.Paragraph lineCount={6} animated />
          </>
        )}
      </div>
      <div style={{ padding: '0 12px 24px' }}>
        <a href="/screen/fund" style={{ display: 'block', textAlign: 'center', fontSize: 15 }}>
          {t('accounts.screen')}
        </a>
      </div>
    </>
  );
}
