import type { AuthzCases } from '../../test/security/authz';
import { XLSX_TYPE } from '../../test/security/authz-world';

const range = { from: '2026-01-01', to: '2026-01-31' };
const report = (extra: Record<string, string> = {}): AuthzCases[string] => ({ lists: { query: { ...range, ...extra } }, foreign: (p) => ({ query: { ...range, ...extra, orgId: p.streetId } }) });
const onCard = (body: (version: number) => Record<string, unknown>): AuthzCases[string] => ({
  foreign: async (p) => {
    const card = await p.card();
    return { params: { id: card.id }, body: body(card.version) };
  },
});
const onShop = (body: (version: number) => Record<string, unknown>): AuthzCases[string] => ({
  foreign: async (p) => {
    const shop = await p.shop();
    return { params: { id: shop.id }, body: body(shop.version) };
  },
});

/** Authorisation cases of the charity fund (test/security/authz-matrix.int.test.ts). */
export const fundAuthz: AuthzCases = {
  'GET /api/v1/funds': { lists: true },
  'PATCH /api/v1/funds/{id}': {
    // 江北's fund is the street place's district fund: 观音桥 staff may not edit it.
    foreign: async (p) => ({ params: { id: await p.fundId() }, body: { version: 1, breakfastsPerDay: 1 } }),
  },
  'GET /api/v1/fund-shops': { lists: { query: { pageSize: 100 } }, foreign: async (p) => ({ query: { positionId: (await p.position()).id } }), status: 'hidden' },
  'GET /api/v1/fund-shops/{id}': { foreign: async (p) => ({ params: { id: (await p.shop()).id } }) },
  // A position out of scope is FUND_POSITION_INVALID on the field, as for one that does not exist.
  'POST /api/v1/fund-shops': { status: 400, foreign: async (p) => ({ body: { code: `MX-NEW-${p.name.toUpperCase()}`, name: '矩阵新小卖部', positionId: (await p.position()).id, operatorName: '矩阵运营公司' } }) },
  'PATCH /api/v1/fund-shops/{id}': onShop((version) => ({ version, name: '矩阵改名小卖部' })),
  'POST /api/v1/fund-shops/{id}/rules': { foreign: async (p) => ({ params: { id: (await p.shop()).id }, body: { kind: 'fixed', fixedFen: 10, effectiveFrom: '2027-01-01' } }) },
  'GET /api/v1/pos-terminals': { lists: { query: { pageSize: 100 } }, foreign: async (p) => ({ query: { shopId: (await p.terminal()).shopId } }), status: 'hidden' },
  'POST /api/v1/pos-terminals': { foreign: async (p) => ({ body: { shopId: (await p.shop()).id, name: '矩阵新收银机' } }) },
  'POST /api/v1/pos-terminals/{id}/rotate': { foreign: async (p) => ({ params: { id: (await p.terminal()).id } }) },
  'POST /api/v1/pos-terminals/{id}/revoke': { foreign: async (p) => ({ params: { id: (await p.terminal()).id } }) },

  'GET /api/v1/breakfast-cards': { lists: { query: { pageSize: 100 } } },
  'POST /api/v1/breakfast-cards': { own: 'issues into the fund of the caller’s own scope (no fund can be named)' },
  'GET /api/v1/breakfast-cards/{id}': { foreign: async (p) => ({ params: { id: (await p.card()).id } }) },
  'GET /api/v1/breakfast-cards/{id}/redemptions': { foreign: async (p) => ({ params: { id: (await p.card()).id } }) },
  'POST /api/v1/breakfast-cards/{id}/suspend': onCard((version) => ({ version, reason: '矩阵测试' })),
  'POST /api/v1/breakfast-cards/{id}/resume': onCard((version) => ({ version })),
  'POST /api/v1/breakfast-cards/{id}/reissue': onCard((version) => ({ version, reason: '矩阵测试' })),
  'GET /api/v1/breakfast-cards/imports/template': { own: 'the blank template, the same for everyone' },
  'POST /api/v1/breakfast-cards/imports': { foreign: (p, w) => ({ query: { orgId: p.districtId, fileName: `foreign-${p.name}.xlsx` }, raw: { contentType: XLSX_TYPE, data: w.files.cardTemplate } }) },
  'GET /api/v1/breakfast-cards/imports/{id}': { foreign: async (p) => ({ params: { id: (await p.cardImport()).id } }) },
  'GET /api/v1/breakfast-cards/imports/{id}/report': { foreign: async (p) => ({ params: { id: (await p.cardImport()).id } }) },
  'POST /api/v1/breakfast-cards/imports/{id}/commit': {
    foreign: async (p) => {
      const batch = await p.cardImport();
      return { params: { id: batch.id }, body: { version: batch.version, mode: 'only_valid' } };
    },
  },
  'GET /api/v1/me/breakfast-cards': { own: 'the signed-in worker’s own cards (matched by their phone)' },

  'GET /api/v1/fund-custodian/transfers': { lists: { query: { pageSize: 100 } } },
  'POST /api/v1/fund-custodian/transfers': { own: 'records a transfer of the fund in the caller’s own scope' },
  'GET /api/v1/fund-custodian/statements': { lists: { query: { pageSize: 100 } } },
  'POST /api/v1/fund-custodian/statements': { foreign: (p) => ({ query: { orgId: p.districtId }, raw: { contentType: 'text/csv', data: Buffer.from(`date,reference,amount_fen,description\n2026-01-05,MX-${p.name},100,矩阵测试\n`) } }) },
  'GET /api/v1/fund-custodian/reconciliation': report(),
  'GET /api/v1/fund-reports/contributions': report(),
  'GET /api/v1/fund-reports/contributions.xlsx': report(),
  'GET /api/v1/fund-reports/breakfasts': report(),
  'GET /api/v1/fund-reports/breakfasts.xlsx': report(),
  'GET /api/v1/fund-reports/statement': report(),
  'GET /api/v1/fund-reports/statement.xlsx': report(),

  'GET /api/v1/public/fund/summary': { open: 'the public fund screen: totals' },
  'GET /api/v1/public/fund/stream': { open: 'the public fund screen: live totals', stream: 'public totals only, as /public/fund/summary' },
  'GET /api/v1/public/fund/statement': { open: 'the published accounts (账目公开)' },
  'POST /api/v1/pos/sales': { open: 'signed by the terminal’s key, not a session (pos.int.test.ts)' },
  'POST /api/v1/pos/refunds': { open: 'signed by the terminal’s key, not a session (pos.int.test.ts)' },
  'POST /api/v1/pos/breakfast-redemptions': { open: 'signed by the terminal’s key, not a session (pos.int.test.ts)' },
};
