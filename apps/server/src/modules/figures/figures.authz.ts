import type { AuthzCases } from '../../test/security/authz';

const onOrg = (p: { streetId: string }) => ({ query: { org: p.streetId } });
const onKey = (p: { streetId: string }) => ({ params: { key: 'access.entries' }, query: { org: p.streetId } });

/** Authorisation cases of 数据中心, the yearly report, the public screen and the system page (test/security/authz-matrix.int.test.ts). */
export const figuresAuthz: AuthzCases = {
  'GET /api/v1/indicators': { own: 'the catalogue of indicator definitions: the same for everyone, with no figures in it' },
  'GET /api/v1/indicators/values': { lists: true, foreign: onOrg },
  'GET /api/v1/indicators/values.xlsx': { lists: true, foreign: onOrg },
  'GET /api/v1/indicators/{key}/breakdown': { lists: { params: { key: 'access.entries' } }, foreign: onKey },
  'GET /api/v1/indicators/{key}/breakdown.xlsx': { lists: { params: { key: 'access.entries' } }, foreign: onKey },
  'GET /api/v1/indicators/{key}/trend': { foreign: onKey },
  'GET /api/v1/indicators/{key}/targets': { lists: { params: { key: 'access.entries' } }, foreign: onKey },
  'PUT /api/v1/indicators/{key}/targets': { foreign: (p) => ({ params: { key: 'access.entries' }, body: { org: p.streetId, year: 2031, value: 1000 } }) },
  'GET /api/v1/figures/yearly-report.pdf': { foreign: onOrg },
  'GET /api/v1/public/screen': { open: 'the district big screen: totals only, nothing personal, no sign-in (a wall display)' },
  'GET /api/v1/public/screen/map': { open: 'the big screen’s map: the district outline and the public stations' },
  'GET /api/v1/public/screen/stream': { open: 'the big screen’s live totals', stream: 'an event stream of the same public totals as GET /api/v1/public/screen' },
  'GET /api/v1/system/status': { own: 'the platform’s own health; only the platform admin holds system.read (the 403s are checked)' },
  'POST /api/v1/system/indicator-verifications': { own: 'a platform-wide check of the rollups; only the platform admin holds system.read (the 403s are checked)' },
};
