import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../harness';
import type { AuthzCases, Place, Req, RouteCase, World } from './authz';
import { buildWorld, holds, identifiersOf, send, type Actor } from './authz-world';
import { ABSENT_ID, loadOperations, type Operation } from './openapi-operations';

// Issue 9.9: a route × role authorisation matrix generated from the OpenAPI document. Every
// /api/v1 operation is called by every kind of caller — anonymous, a worker, a station operator,
// grassroots, street and district staff, the platform admin — and aimed at things outside the
// caller's scope. A route without a declaration in its module's `<module>.authz.ts` fails here by
// name, so a route added later cannot skip the check (docs/ARCHITECTURE.md, "Security suite").

const modulesDir = fileURLToPath(new URL('../../modules/', import.meta.url));
const caseFiles = fs
  .readdirSync(modulesDir)
  .flatMap((m) => (fs.statSync(path.join(modulesDir, m)).isDirectory() ? fs.readdirSync(path.join(modulesDir, m)).filter((f) => f.endsWith('.authz.ts')).map((f) => path.join(modulesDir, m, f)) : []));
const cases: AuthzCases = {};
const caseFileOf = new Map<string, string>();
for (const file of caseFiles) {
  const mod = (await import(file)) as Record<string, unknown>;
  for (const exported of Object.values(mod)) {
    for (const [key, c] of Object.entries(exported as AuthzCases)) {
      if (cases[key]) throw new Error(`${key} is declared twice (${caseFileOf.get(key)} and ${file})`);
      cases[key] = c;
      caseFileOf.set(key, path.relative(process.cwd(), file));
    }
  }
}

let t: TestApp;
let world: World;
let actors: Actor[];
let admin: Client;
let ops: Map<string, Operation>;
beforeAll(async () => {
  t = await createTestApp();
  ({ world, actors, admin } = await buildWorld(t));
  ops = new Map((await loadOperations(t.anon)).map((o) => [o.key, o]));
}, 240_000);
afterAll(() => t.close());

/** Where a missing case goes: the module of the route (its OpenAPI tag names it). */
const hintFor = (op: Operation) => `declare it in apps/server/src/modules/<module>/<module>.authz.ts (tags: ${op.tags.join(', ') || 'none'}); see apps/server/src/test/security/authz.ts`;

describe('the authorisation matrix', () => {
  it('has a case for every documented /api/v1 route, and no case for a route that is gone', () => {
    const missing = [...ops.values()].filter((op) => !cases[op.key]).map((op) => `${op.key} (${op.permission}) has no authorisation case: ${hintFor(op)}`);
    const stale = Object.keys(cases)
      .filter((k) => !ops.has(k))
      .map((k) => `${k} in ${caseFileOf.get(k)}: no such route`);
    expect(missing, 'routes without an authorisation case').toEqual([]);
    expect(stale, 'cases without a route').toEqual([]);
  });

  for (const key of Object.keys(cases).sort()) {
    it(key, async () => {
      const op = ops.get(key);
      if (!op) return; // reported above
      const failures = await checkRoute(op, cases[key]!);
      expect(failures).toEqual([]);
    }, 120_000);
  }
});

async function checkRoute(op: Operation, c: RouteCase): Promise<string[]> {
  const failures: string[] = [];
  const isPublic = op.permission === 'public';
  const isPermission = !isPublic && op.permission !== 'authenticated';
  if (isPublic !== Boolean(c.open)) failures.push(isPublic ? 'a public route needs `open: why`' : '`open` is only for public routes');
  if (!c.open && !c.own && !c.foreign && !c.lists) failures.push('the case says nothing: give `foreign`, `lists`, `own` or `open`');
  const call = async (actor: Actor | Client, req: Req) => {
    const res = await send(t, 'client' in actor ? actor.client : actor, op.method, op.path, req);
    if (res.status >= 500) failures.push(`${'name' in actor ? actor.name : 'caller'}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  if (c.stream) return failures;
  const base: Req = { params: Object.fromEntries(op.pathParams.map((p) => [p, ABSENT_ID])) };

  // Who may not call it at all: nobody signed in (401), and everyone without its permission (403).
  for (const actor of actors) {
    if (actor.name === 'anonymous') {
      const res = await call(actor, base);
      if (!isPublic && res.status !== 401) failures.push(`anonymous: expected 401, got ${res.status}`);
      if (isPublic && res.status === 403) failures.push('anonymous: a public route answered 403');
      continue;
    }
    if (isPermission && !holds(actor, op.permission)) {
      const res = await call(actor, base);
      if (res.status !== 403) failures.push(`${actor.name} (without ${op.permission}): expected 403, got ${res.status} ${res.body?.code ?? ''}`);
    }
  }

  // Somebody else's things: out of scope is "not found"; the platform admin's same request is not.
  if (c.foreign) {
    let aimed = 0;
    for (const place of [world.street, world.district]) {
      const req = await c.foreign(place, world);
      if (!req) continue;
      aimed++;
      for (const actor of actors.filter((a) => a.outside.includes(place.name) && (!isPermission || holds(a, op.permission)))) {
        const res = await call(actor, req);
        const expected = c.status ?? 404;
        if (expected === 'hidden') {
          // A filter naming a foreign thing may also just find nothing.
          const text = res.status === 200 ? await answerText(res) : '';
          const leaked = res.status === 200 ? (await identifiersOf(t, place)).filter((id) => text.includes(id)) : [];
          if (res.status !== 404 && (res.status !== 200 || leaked.length)) failures.push(`${actor.name} on the ${place.name} place: expected 404 or nothing of it, got ${res.status} ${leaked.slice(0, 3).join(', ')}`);
        } else if (res.status !== expected) failures.push(`${actor.name} on the ${place.name} place: expected ${expected}, got ${res.status} ${problemOf(res.body)}`);
      }
      // A 400 would mean the request is malformed, so the 404s above could be the validation's.
      const control = await call(admin, req);
      if ([400, 401, 403, 404].includes(control.status)) failures.push(`platform admin on the ${place.name} place: ${control.status} ${problemOf(control.body)} — the case does not aim at a real thing`);
    }
    if (aimed === 0) failures.push('`foreign` gave no request for either place');
  }

  // Lists: nothing of a place outside the caller's scope in the answer.
  if (c.lists) {
    const req = c.lists === true ? {} : c.lists;
    const marks = new Map<Place['name'], string[]>();
    for (const place of [world.street, world.district]) marks.set(place.name, await identifiersOf(t, place));
    for (const actor of actors.filter((a) => a.outside.length > 0 && (!isPermission || holds(a, op.permission)))) {
      const res = await call(actor, req);
      // 404: nothing of the kind in the caller's scope (a street has no fund of its own).
      if (res.status === 404) continue;
      if (res.status !== 200) {
        failures.push(`${actor.name} listing: expected 200, got ${res.status} ${problemOf(res.body)}`);
        continue;
      }
      const text = await answerText(res);
      for (const name of actor.outside) {
        const leaked = marks.get(name)!.filter((id) => text.includes(id));
        if (leaked.length) failures.push(`${actor.name} listing: shows ${leaked.length} thing(s) of the ${name} place, e.g. ${leaked.slice(0, 3).join(', ')}`);
      }
    }
  }

  // Another user's own things (a photo, a session): 404 to a worker.
  if (c.othersThing) {
    const worker = actors.find((a) => a.name === 'worker')!;
    const res = await call(worker, await c.othersThing(world));
    if (res.status !== 404) failures.push(`worker on another user's thing: expected 404, got ${res.status}`);
  }
  return failures;
}

const problemOf = (body: any) => `${body?.code ?? ''}${body?.errors ? ` ${JSON.stringify(body.errors.map((e: { path: string; code?: string }) => `${e.path}:${e.code ?? ''}`))}` : ''}`;

/** The text of an answer: JSON as sent, an .xlsx as the text of its cells. */
async function answerText(res: { headers: Record<string, unknown>; text: string; raw: Buffer }): Promise<string> {
  if (!String(res.headers['content-type']).includes('spreadsheetml')) return res.text;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.raw as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
  return cells.join('\n');
}
