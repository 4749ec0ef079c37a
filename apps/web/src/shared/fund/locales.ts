import type { Translation } from '../locale-shape';
/** Strings of the fund statement, shown on the console and on the public 账目公开 page. */
export const fundStatementZh = {
  fundStatement: {
    title: '{{fund}} 收支表',
    period: '{{from}} 至 {{to}}',
    opening: '期初余额',
    in: '本期收入',
    out: '本期支出',
    closing: '期末余额',
    detail: '明细',
    count: '笔数',
    amount: '金额',
    custodian: '其中已划转托管账户',
    check: '期初 + 收入 − 支出 = 期末',
    kinds: {
      contributions: '爱心捐赠',
      refunds: '退货冲回',
      breakfasts: '爱心早餐',
      adjustments: '调整',
    },
  },
};
export const fundStatementEn: Translation<typeof fundStatementZh> = {
  fundStatement: {
    title: '{{fund}} statement',
    period: '{{from}} to {{to}}',
    opening: 'Opening balance',
    in: 'In',
    out: 'Out',
    closing: 'Closing balance',
    detail: 'Detail',
    count: 'Count',
    amount: 'Amount',
    custodian: 'Of which held by the custodian',
    check: 'Opening + in − out = closing',
    kinds: {
      contributions: 'Contributions',
      refunds: 'Refunds',
      breakfasts: 'Breakfasts',
      adjustments: 'Adjustments',
    },
  },
};
