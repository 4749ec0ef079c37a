import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness';
import { tileImageSource } from '../../platform/security-headers';

// Issue 9.1: a strict Content-Security-Policy on every HTML and API answer, framing refused except
// for the public screens, X-Frame-Options for older browsers.

let t: TestApp;
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'nj-dist-'));
beforeAll(async () => {
  for (const face of ['index', 'admin', 'm', 'screen', 'p']) fs.writeFileSync(path.join(dist, `${face}.html`), `<!doctype html><title>${face}</title>`);
  fs.writeFileSync(path.join(dist, 'app.js'), 'console.log(1)');
  t = await createTestApp({
    webDistDir: dist,
    map: { tileUrl: 'https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}', tileCrs: 'gcj02' },
    security: { frameAncestors: ['https://portal.example.org'] },
  });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const directives = (csp: unknown) =>
  Object.fromEntries(
    String(csp)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

describe('security headers', () => {
  it('console, worker and signage pages: scripts from our origin only, never framed', async () => {
    for (const url of ['/', '/admin', '/admin/users', '/m/stations', '/p/JB-RS-WHL']) {
      const res = await t.anon.get(url);
      expect(res.status, url).toBe(200);
      const csp = directives(res.headers['content-security-policy']);
      expect(csp['script-src'], url).toEqual(["'self'"]);
      expect(csp['object-src']).toEqual(["'none'"]);
      expect(csp['base-uri']).toEqual(["'none'"]);
      expect(csp['frame-ancestors'], url).toEqual(["'none'"]);
      expect(csp['img-src']).toContain('https://*.is.autonavi.com');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('the public screens may be framed by the configured portal only', async () => {
    const res = await t.anon.get('/screen/fund?layout=shop');
    expect(directives(res.headers['content-security-policy'])['frame-ancestors']).toEqual(["'self'", 'https://portal.example.org']);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('API answers, errors and files are data: nothing in them loads or runs', async () => {
    for (const res of [await t.anon.get('/api/health'), await t.anon.get('/api/v1/orgs'), await t.anon.get('/api/v1/nope'), await t.anon.get('/app.js')]) {
      const csp = directives(res.headers['content-security-policy']);
      expect(csp['default-src']).toEqual(["'none'"]);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('derives the tile host for img-src from the URL template', () => {
    expect(tileImageSource('https://webrd0{s}.is.autonavi.com/appmaptile?x={x}')).toBe('https://*.is.autonavi.com');
    expect(tileImageSource('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://*.tile.openstreetmap.org');
    expect(tileImageSource('http://tiles.example.org:8080/{z}/{x}/{y}.png')).toBe('http://tiles.example.org:8080');
    expect(tileImageSource('')).toBeNull();
    expect(tileImageSource('javascript:alert(1)')).toBeNull();
  });
});
