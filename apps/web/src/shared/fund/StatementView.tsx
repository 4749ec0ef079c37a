import type { FundStatement } from '@niangjia/contracts';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../format';
import './statement.css';

/** Opening, in, out, closing and the lines behind them; plain markup so both the console and the phone page use it. */
export function StatementView({ statement }: { statement: FundStatement }) {
  const { t } = useTranslation();
  const s = statement;
  return (
    <div className="nj-statement" data-testid="fund-statement">
      <div className="nj-statement-head">
        <div className="nj-statement-title">{t('fundStatement.title', { fund: s.fundName })}</div>
        <div className="nj-statement-period">{t('fundStatement.period', { from: s.from, to: s.to })}</div>
      </div>
      <div className="nj-statement-figures">
        <Figure label={t('fundStatement.opening')} fen={s.openingFen} testId="statement-opening" />
        <Figure label={t('fundStatement.in')} fen={s.inFen} testId="statement-in" tone="in" />
        <Figure label={t('fundStatement.out')} fen={s.outFen} testId="statement-out" tone="out" />
        <Figure label={t('fundStatement.closing')} fen={s.closingFen} testId="statement-closing" strong />
      </div>
      <table className="nj-statement-lines">
        <thead>
          <tr>
            <th>{t('fundStatement.detail')}</th>
            <th>{t('fundStatement.count')}</th>
            <th>{t('fundStatement.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {s.lines.map((line) => (
            <tr key={line.kind}>
              <td>
                {t(`fundStatement.kinds.${line.kind}`, {
                  defaultValue: line.label,
                })}
              </td>
              <td>{line.count.toLocaleString('zh-CN')}</td>
              <td className={line.amountFen < 0 ? 'nj-statement-neg' : undefined}>{formatMoney(line.amountFen)}</td>
            </tr>
          ))}
          <tr className="nj-statement-custodian">
            <td colSpan={2}>{t('fundStatement.custodian')}</td>
            <td>{formatMoney(s.custodianFen)}</td>
          </tr>
        </tbody>
      </table>
      <div className="nj-statement-check">{t('fundStatement.check')}</div>
    </div>
  );
}

function Figure({ label, fen, testId, tone, strong }: { label: string; fen: number; testId: string; tone?: 'in' | 'out'; strong?: boolean }) {
  return (
    <div className={`nj-statement-figure${strong ? ' is-strong' : ''}`}>
      <div className="nj-statement-label">{label}</div>
      <div className={`nj-statement-value${tone ? ` is-${tone}` : ''}`} data-testid={testId} data-fen={fen}>
        {formatMoney(fen)}
      </div>
    </div>
  );
}
