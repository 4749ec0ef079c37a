// The GB 32100 rule lives in the shared contracts so the console can check as staff type.
export { checkCreditCode, creditCodeCheckChar, type CreditCodeProblem } from '@niangjia/contracts/domain';
