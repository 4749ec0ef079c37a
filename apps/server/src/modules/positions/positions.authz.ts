import type { AuthzCases } from '../../test/security/authz';

const onPosition = (more: (p: { id: string; version: number; code: string }) => Record<string, unknown> = () => ({})): AuthzCases[string] => ({
  foreign: async (place) => {
    const p = await place.position();
    return { params: { id: p.id }, ...more(p) };
  },
});

/** Authorisation cases of positions, their spreadsheets, coverage and facility standards (test/security/authz-matrix.int.test.ts). */
export const positionsAuthz: AuthzCases = {
  'GET /api/v1/positions/map-layers': { open: 'the district outline and tile settings the maps draw' },
  'GET /api/v1/positions/nearest': { open: 'a worker (or anyone) finds the nearest open station' },
  'GET /api/v1/positions/map-points': { open: 'the worker map shows every open station before locating (what nearest answers one by one)' },
  'GET /api/v1/positions/map-context': { foreign: (p) => ({ query: { orgId: p.streetId } }) },
  'GET /api/v1/positions/places': { foreign: (p) => ({ query: { q: '街道', orgId: p.streetId } }) },
  'GET /api/v1/positions': { lists: { query: { pageSize: 100 } }, foreign: (p) => ({ query: { orgId: p.streetId } }) },
  'GET /api/v1/positions/{id}': onPosition(),
  'POST /api/v1/positions': {
    // An org out of scope is "does not exist or is outside your scope" on the field, as for none at all.
    status: 400,
    foreign: (p) => ({
      body: {
        code: `MX-NEW-${p.name.toUpperCase()}`,
        name: '矩阵新驿站',
        type: 'rest_station',
        orgId: p.streetId,
        address: '矩阵路 1 号',
        location: { lng: 106.6, lat: 29.6, crs: 'wgs84' },
        schedule: { is24h: true, weekly: [[], [], [], [], [], [], []], exceptions: [] },
        serves: [],
        facilities: [],
        status: 'open',
      },
    }),
  },
  'PATCH /api/v1/positions/{id}': onPosition((p) => ({ body: { version: p.version, name: `${p.code}改名` } })),
  'GET /api/v1/positions/{id}/checklist': onPosition(),
  'GET /api/v1/positions/export': { lists: true, foreign: (p) => ({ query: { orgId: p.streetId } }) },
  'GET /api/v1/positions/imports/template': { own: 'the blank template, the same for everyone' },
  'POST /api/v1/positions/imports': { own: 'an upload is the uploader’s batch; the org of each row is checked at commit (positions.import.int.test.ts)' },
  'GET /api/v1/positions/imports/{id}': { foreign: async (p) => ({ params: { id: (await p.positionImport()).id } }) },
  'GET /api/v1/positions/imports/{id}/report': { foreign: async (p) => ({ params: { id: (await p.positionImport()).id } }) },
  'POST /api/v1/positions/imports/{id}/commit': { foreign: async (p) => ({ params: { id: (await p.positionImport()).id }, body: { mode: 'only_valid' } }) },

  'GET /api/v1/coverage-areas': { lists: true },
  'GET /api/v1/coverage-runs': { lists: true, foreign: (p) => ({ query: { areaOrgId: p.districtId } }) },
  'POST /api/v1/coverage-runs': { foreign: (p) => ({ body: { areaOrgId: p.districtId } }) },
  'GET /api/v1/coverage-runs/{id}': { foreign: async (p) => ({ params: { id: (await p.coverageRun()).id } }) },
  'GET /api/v1/coverage-runs/{id}/layers': { foreign: async (p) => ({ params: { id: (await p.coverageRun()).id } }) },
  'GET /api/v1/coverage-weight-layers': { foreign: (p) => ({ query: { areaOrgId: p.districtId } }) },
  'POST /api/v1/coverage-weight-layers': { foreign: (p) => ({ body: { areaOrgId: p.districtId, name: '矩阵人口', geojson: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [106.6, 29.6] }, properties: { weight: 10 } }] } } }) },

  'GET /api/v1/facility-standards/shortfalls': { lists: { query: { pageSize: 100 } }, foreign: (p) => ({ query: { orgId: p.streetId } }) },
  'GET /api/v1/facility-standards/{orgId}': { foreign: (p) => ({ params: { orgId: p.districtId } }) },
  'PUT /api/v1/facility-standards/{orgId}': { foreign: (p) => ({ params: { orgId: p.districtId }, body: { name: '矩阵标准', items: [{ key: 'kettle' }] } }) },
  'DELETE /api/v1/facility-standards/{orgId}': { foreign: async (p) => ({ params: { orgId: await p.standard() } }) },
};

