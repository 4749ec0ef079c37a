import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobHandler, JobRow, JobRunner } from '../../platform/jobs';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { COVERAGE_JOB, createCoverageService } from './coverage.service';
import { createNetworkService } from './network.service';

let t: TestApp;
let jb: Client;
let gyq: Client;
let jbId: string;

beforeAll(async () => {
  t = await createTestApp();
  jb = await t.login('jb.admin');
  gyq = await t.login('gyq.admin');
  jbId = await t.orgId('JB');
});
afterAll(() => t.close());

async function waitForRun(client: Client, id: string) {
  for (const deadline = Date.now() + 600_000; Date.now() < deadline; ) {
    await t.app.jobs.drain();
    const res = await client.get(`/api/v1/coverage-runs/${id}`);
    if (res.body.status === 'succeeded' || res.body.status === 'failed') return res;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('run did not finish');
}

const point = (lng: number, lat: number, weight: unknown) => ({
  type: 'Feature',
  properties: { weight },
  geometry: { type: 'Point', coordinates: [lng, lat] },
});

describe('coverage runs', () => {
  it('lists the seeded runs over the synthetic grid, newest first, with what changed', async () => {
    const res = await jb.get(`/api/v1/coverage-runs?areaOrgId=${jbId}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    const [latest, earlier] = res.body.items;
    expect(latest.status).toBe('succeeded');
    expect(latest.network.isSynthetic).toBe(true);
    expect(latest.lengthShare).toBeGreaterThan(0);
    expect(latest.lengthShare).toBeLessThan(1);
    expect(latest.change.previousRunId).toBe(earlier.id);
    expect(latest.change.stationsAdded.length).toBe(latest.stationCount - earlier.stationCount);
    expect(latest.change.lengthShareDelta).toBeCloseTo(latest.lengthShare - earlier.lengthShare, 10);
    expect(earlier.change).toBeNull();
    const areas = await jb.get('/api/v1/coverage-areas');
    expect(areas.body.items.map((a: { org: { code: string } }) => a.org.code)).toEqual(['JB']);
  });

  it('a synthetic network never gives a worker walking minutes', async () => {
    const res = await t.anon.get('/api/v1/positions/nearest?lng=106.53&lat=29.58&limit=3');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((i: { estimated: boolean }) => i.estimated)).toBe(true);
  });

  it('starts a run as a job, stores figures and layers, and audits the start', async () => {
    const { n } = (
      await t.database.query<{ n: number }>(
        "select count(*)::int as n from position p join org o on o.id = p.org_id where p.status = 'open' and o.path like (select path from org where code = 'JB') || '%'",
      )
    )[0]!;
    const started = await jb.post('/api/v1/coverage-runs', {
      areaOrgId: jbId,
      minutes: 10,
      candidates: 3,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    // The runner may already have taken the job: any state is right here, the test waits below.
    expect(['queued', 'running', 'succeeded']).toContain(started.body.status);
    expect(started.body).toMatchObject({
      minutes: 10,
      speedKmh: 4.5,
      candidateCount: 3,
      stationCount: n,
    });
    const done = await waitForRun(jb, started.body.id);
    expect(done.body.status, JSON.stringify(done.body)).toBe('succeeded');
    expect(done.body.progress).toBe(1);
    expect(done.body.cutoffMetres).toBe(750);
    expect(done.body.coveredLengthM).toBeCloseTo(done.body.lengthShare * done.body.totalLengthM, 3);
    expect(done.body.candidates).toHaveLength(3);
    expect(done.body.candidates[0].gainMetres).toBeGreaterThanOrEqual(done.body.candidates[2].gainMetres);
    // 10 minutes reach less street than the seeded 15-minute run.
    const seeded = (await jb.get(`/api/v1/coverage-runs?areaOrgId=${jbId}`)).body.items.find((r: { minutes: number }) => r.minutes === 15);
    expect(done.body.lengthShare).toBeLessThan(seeded.lengthShare);
    const layers = await jb.get(`/api/v1/coverage-runs/${started.body.id}/layers`);
    expect(layers.status).toBe(200);
    expect(layers.body.isochrones.features[0].geometry.coordinates.length).toBeGreaterThan(0);
    expect(layers.body.uncovered.geometry.coordinates.length).toBeGreaterThan(0);
    expect(layers.body.candidates.features).toHaveLength(3);
    expect(layers.body.positions.features).toHaveLength(n);
    // Computed in a worker thread, not on the thread that serves the requests (this one).
    const [job] = await t.database.query<{ result: { computedOnThread: number; lengthShare: number } }>('select j.result from job j join coverage_run r on r.job_id = j.id where r.id = $1', [started.body.id]);
    expect(job!.result.lengthShare).toBe(done.body.lengthShare);
    expect(job!.result.computedOnThread).toEqual(expect.any(Number));
    expect(job!.result.computedOnThread).not.toBe(threadId);
    const audit = await t.database.query<{
      action: string;
      actor_name: string;
    }>('select action, actor_name from audit_entry where entity_id = $1', [started.body.id]);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'coverage.run_start',
        actor_name: 'jb.admin',
      }),
    ]);
  });

  it('measures the weight within reach of an uploaded point layer', async () => {
    const [station] = await t.database.query<{ lng: number; lat: number }>("select lng, lat from position where code = 'JB-SC'");
    // 10 at the district service centre (covered); 30 in Beijing (beyond any street: not covered).
    const geojson = {
      type: 'FeatureCollection',
      features: [point(station!.lng, station!.lat, 10), point(116.4, 39.9, 30)],
    };
    const layer = await jb.post('/api/v1/coverage-weight-layers', {
      areaOrgId: jbId,
      name: '测试人口',
      geojson,
    });
    expect(layer.status, JSON.stringify(layer.body)).toBe(201);
    expect(layer.body).toMatchObject({ pointCount: 2, totalWeight: 40 });
    const started = await jb.post('/api/v1/coverage-runs', {
      areaOrgId: jbId,
      candidates: 0,
      weightLayerId: layer.body.id,
    });
    const done = await waitForRun(jb, started.body.id);
    expect(done.body).toMatchObject({
      status: 'succeeded',
      totalWeight: 40,
      coveredWeight: 10,
      weightShare: 0.25,
      weightLayer: { id: layer.body.id, name: '测试人口' },
    });
  });

  it('takes a layer larger than the default body limit', async () => {
    const features = Array.from({ length: 15_000 }, (_, i) => point(106.5 + (i % 150) * 0.002, 29.56 + Math.floor(i / 150) * 0.001, 1 + (i % 7)));
    const body = { areaOrgId: jbId, name: '大图层', geojson: { type: 'FeatureCollection', features } };
    expect(JSON.stringify(body).length).toBeGreaterThan(t.config.bodyLimit);
    const res = await jb.post('/api/v1/coverage-weight-layers', body);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201);
    expect(res.body.pointCount).toBe(15_000);
  });

  it('refuses a bad weight layer with the place of each problem', async () => {
    const bad = await jb.post('/api/v1/coverage-weight-layers', {
      areaOrgId: jbId,
      name: 'x',
      geojson: {
        type: 'FeatureCollection',
        features: [point(106.5, 29.6, 1), point(106.5, 29.6, '12'), point(200, 29.6, 1)],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.code).toBe('COVERAGE_WEIGHT_LAYER_INVALID');
    expect(bad.body.errors).toEqual([
      {
        path: 'geojson.features[1].properties.weight',
        message: 'properties.weight 应为非负数',
      },
      {
        path: 'geojson.features[2].geometry.coordinates',
        message: expect.stringContaining('经度'),
      },
    ]);
    const notGeo = await jb.withLang('en').post('/api/v1/coverage-weight-layers', {
      areaOrgId: jbId,
      name: 'x',
      geojson: { type: 'Feature' },
    });
    expect(notGeo.status).toBe(400);
    expect(notGeo.body.errors).toEqual([
      {
        path: 'geojson.type',
        message: 'must be an object with type FeatureCollection and a features array',
      },
    ]);
    const { n } = (await t.database.query<{ n: number }>("select count(*)::int as n from coverage_weight_layer where name = 'x'"))[0]!;
    expect(n).toBe(0);
  });

  it('keeps runs to the caller scope and needs a network', async () => {
    const [run] = (await jb.get(`/api/v1/coverage-runs?areaOrgId=${jbId}`)).body.items;
    expect((await gyq.get(`/api/v1/coverage-runs/${run.id}`)).status).toBe(404);
    expect((await gyq.get(`/api/v1/coverage-runs/${run.id}/layers`)).status).toBe(404);
    expect((await gyq.get(`/api/v1/coverage-runs?areaOrgId=${jbId}`)).status).toBe(404);
    expect((await gyq.get('/api/v1/coverage-runs')).body.items).toEqual([]);
    expect((await gyq.post('/api/v1/coverage-runs', { areaOrgId: jbId })).status).toBe(404);
    const noNetwork = await gyq.post('/api/v1/coverage-runs', {
      areaOrgId: await t.orgId('JB-GYQ'),
    });
    expect(noNetwork.status).toBe(409);
    expect(noNetwork.body.code).toBe('COVERAGE_NO_NETWORK');
    expect(noNetwork.body.detail).toContain('--area JB-GYQ');
    expect((await t.anon.get('/api/v1/coverage-runs')).status).toBe(401);
  });

  it('refuses a weight layer of another area', async () => {
    const gyqId = await t.orgId('JB-GYQ');
    const layer = await gyq.post('/api/v1/coverage-weight-layers', {
      areaOrgId: gyqId,
      name: '观音桥',
      geojson: {
        type: 'FeatureCollection',
        features: [point(106.53, 29.58, 5)],
      },
    });
    expect(layer.status).toBe(201);
    const res = await jb.post('/api/v1/coverage-runs', {
      areaOrgId: jbId,
      weightLayerId: layer.body.id,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('COVERAGE_WEIGHT_LAYER_AREA');
  });

  it('fails a run with COVERAGE_NO_NETWORK when its network is deleted while it computes', async () => {
    // A copy of the district's network for 观音桥 (the district's is needed by the next test).
    const gyqId = await t.orgId('JB-GYQ');
    await t.database.query(
      `insert into street_network (org_id, name, source_file, format, node_count, edge_count, length_m, min_lng, min_lat, max_lng, max_lat, graph, is_synthetic)
       select $1, name, source_file, format, node_count, edge_count, length_m, min_lng, min_lat, max_lng, max_lat, graph, is_synthetic from street_network where org_id = $2`,
      [gyqId, jbId],
    );
    const real = createNetworkService({ db: t.database.db });
    const handlers = new Map<string, JobHandler>();
    createCoverageService({
      db: t.database.db,
      jobs: { register: (kind: string, handler: JobHandler) => handlers.set(kind, handler) } as unknown as JobRunner,
      // The network goes away right after the run has loaded its graph.
      networks: {
        ...real,
        loadGraph: async (id: string) => {
          const graph = await real.loadGraph(id);
          await t.database.query('delete from street_network where id = $1', [id]);
          return graph;
        },
      },
    });
    await t.app.jobs.stop();
    try {
      const started = await gyq.post('/api/v1/coverage-runs', { areaOrgId: gyqId, candidates: 0 });
      expect(started.status).toBe(202);
      const [queued] = await t.database.query<{ payload: unknown }>('select j.payload from job j join coverage_run r on r.job_id = j.id where r.id = $1', [started.body.id]);
      const run = handlers.get(COVERAGE_JOB)!({ job: { payload: queued!.payload } as JobRow, progress: async () => undefined });
      await expect(run).rejects.toMatchObject({ code: 'COVERAGE_NO_NETWORK' });
      const [row] = await t.database.query<{ status: string; length_share: number | null }>('select status, length_share from coverage_run where id = $1', [started.body.id]);
      expect(row).toEqual({ status: 'failed', length_share: null });
    } finally {
      await t.app.jobs.start();
    }
  });

  it('fails the job with the error its worker thread threw, retried then dead as before', async () => {
    await t.app.jobs.stop();
    const started = await jb.post('/api/v1/coverage-runs', { areaOrgId: jbId, candidates: 0 });
    expect(started.status).toBe(202);
    // A stored run whose positions are not a list: the computation throws in the worker.
    await t.database.query(`update coverage_run set positions = '{"broken": true}'::jsonb where id = $1`, [started.body.id]);
    const jobOf = async () =>
      (await t.database.query<{ status: string; attempts: number; error: string | null }>('select j.status, j.attempts, j.error from job j join coverage_run r on r.job_id = j.id where r.id = $1', [started.body.id]))[0]!;
    await t.app.jobs.start();
    for (const deadline = Date.now() + 600_000; Date.now() < deadline && (await jobOf()).attempts < 1; ) await new Promise((r) => setTimeout(r, 50));
    for (const deadline = Date.now() + 600_000; Date.now() < deadline && (await jobOf()).status === 'running'; ) await new Promise((r) => setTimeout(r, 50));
    // Not an AppError: retried later (maxAttempts 2), with the worker's message kept.
    expect(await jobOf()).toEqual({ status: 'queued', attempts: 1, error: 'input.positions.map is not a function' });
    await t.database.query('update job set run_at = now() where id = (select job_id from coverage_run where id = $1)', [started.body.id]);
    const done = await waitForRun(jb, started.body.id);
    expect(done.body).toMatchObject({ status: 'failed', error: { code: 'INTERNAL' }, lengthShare: null });
    expect(await jobOf()).toEqual({ status: 'dead', attempts: 2, error: 'input.positions.map is not a function' });
  });

  it('shows a run failed only once its job has recorded why', async () => {
    await t.app.jobs.stop();
    try {
      const started = await jb.post('/api/v1/coverage-runs', { areaOrgId: jbId, candidates: 0 });
      // The moment between the handler marking its run failed and the runner recording the job's error.
      await t.database.query("update coverage_run set status = 'failed' where id = $1", [started.body.id]);
      await t.database.query("update job set status = 'running' where id = (select job_id from coverage_run where id = $1)", [started.body.id]);
      expect((await jb.get(`/api/v1/coverage-runs/${started.body.id}`)).body).toMatchObject({ status: 'running', error: null });
      await t.database.query("update job set status = 'failed', error_code = 'COVERAGE_NO_NETWORK' where id = (select job_id from coverage_run where id = $1)", [started.body.id]);
      expect((await jb.get(`/api/v1/coverage-runs/${started.body.id}`)).body).toMatchObject({ status: 'failed', error: { code: 'COVERAGE_NO_NETWORK' } });
    } finally {
      await t.app.jobs.start();
    }
  });

  it('marks a run failed, with the reason, when its network is gone before it runs', async () => {
    // The runner is stopped so the network is surely deleted before the job starts.
    await t.app.jobs.stop();
    const started = await jb.post('/api/v1/coverage-runs', { areaOrgId: jbId, candidates: 0 });
    expect(started.status).toBe(202);
    await t.database.query('delete from street_network where org_id = $1', [jbId]);
    await t.app.jobs.start();
    const done = await waitForRun(jb, started.body.id);
    expect(done.body).toMatchObject({ status: 'failed', error: { code: 'COVERAGE_NO_NETWORK', title: '该区域还没有路网，无法计算服务圈' }, lengthShare: null });
    // The earlier runs keep their results (their network reference is cleared).
    const runs = (await jb.get(`/api/v1/coverage-runs?areaOrgId=${jbId}`)).body.items;
    expect(runs.filter((r: { status: string }) => r.status === 'succeeded').length).toBeGreaterThanOrEqual(2);
    expect((await jb.get(`/api/v1/coverage-runs/${runs.at(-1).id}/layers`)).body.isochrones.features).toHaveLength(1);
  });
});
