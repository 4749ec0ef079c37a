/**
 * The authorisation matrix's per-route declarations (issue 9.9). Every /api/v1 operation of the
 * OpenAPI document needs one, filed under `METHOD /api/v1/path/{param}` in its module's
 * `<module>.authz.ts`; authz-matrix.int.test.ts fails, naming the route, when one is missing. The
 * declaration says how to aim the route at somebody else's things; the test then checks every
 * role against it (docs/ARCHITECTURE.md, "Security suite").
 */

import type { Client, TestApp } from '../harness';

/** One request: path parameters, query string, JSON body, or a raw upload. */
export type Req = {
  params?: Record<string, string>;
  query?: Record<string, string | number | boolean>;
  body?: unknown;
  /** A file upload (the body is the file itself). */
  raw?: { contentType: string; data: Buffer };
};

export type Created = { id: string; version: number };

/**
 * A part of the union tree outside some actors' scope, with makers of fresh things in it (each
 * call makes a new one, so a case may change or delete it freely).
 *  - `street`: 五里店街道 (JB-WLD), a sibling of 观音桥: outside every 观音桥 actor's scope.
 *  - `district`: a second district (渝北区, YB): outside every 江北区 actor's scope.
 */
export type Place = {
  name: 'street' | 'district';
  /** The district org of the place: JB for `street`, YB for `district`. */
  districtId: string;
  /** A street union in the place. */
  streetId: string;
  /** A grassroots union in the place (takes members). */
  unionId: string;
  /** A new grassroots union under the street. */
  org(): Promise<Created & { code: string }>;
  position(): Promise<Created & { code: string }>;
  member(): Promise<Created>;
  /** One member of the place (made once: a worker's sign-in code is rate-limited) with a photo kept now. */
  memberWithPhoto(): Promise<Created>;
  /** A staff user whose only role is in the place. */
  user(): Promise<Created & { grantId: string }>;
  controller(): Promise<Created & { deviceId: string }>;
  ban(): Promise<{ id: string; positionId: string }>;
  alarm(): Promise<Created>;
  /** A draft notice (通知公告) of the street union of the place. */
  notice(): Promise<Created>;
  /** A background job of the place's grassroots union: `failed` (to retry) or `queued` far in the future (to cancel). */
  job(status: 'failed' | 'queued'): Promise<{ id: string }>;
  issue(): Promise<Created & { positionId: string }>;
  fundId(): Promise<string>;
  shop(): Promise<Created>;
  terminal(): Promise<{ id: string; shopId: string }>;
  card(): Promise<Created>;
  coverageRun(): Promise<{ id: string }>;
  /** A facility standard stored on the place's district; returns that district's id. */
  standard(): Promise<string>;
  /** Upload batches (members: of a union in the place; positions and cards: by another user). */
  memberImport(): Promise<Created>;
  positionImport(): Promise<{ id: string }>;
  cardImport(): Promise<Created>;
};

export type Files = { memberTemplate: Buffer; positionTemplate: Buffer; cardTemplate: Buffer };

/** What a route case can aim at: the places and a few things of another signed-in user. */
export type World = {
  street: Place;
  district: Place;
  files: Files;
  /** A photo uploaded by another worker. */
  othersPhoto(): Promise<string>;
  /** The public id of another user's session. */
  othersSession(): Promise<string>;
  /**
   * A request as the platform admin (throws unless it succeeds): how a module's case makes its own
   * things in a place (a dispute case, a monitoring point) without a maker here for each.
   */
  asAdmin<T>(method: string, path: string, req?: Req): Promise<T>;
  /** The platform admin and the app, for a module that makes its own things in a place (market.authz.ts). */
  admin: Client;
  app: TestApp;
};

export type RouteCase = {
  /** Why anyone may call it (permission `public`): a device-signed or public route. */
  open?: string;
  /** Why the caller reaches only their own things (their account, their scope's own fund, …). */
  own?: string;
  /**
   * The route aimed at a thing of the place: every actor holding the permission whose scope does
   * not cover the place must get `status` (404 by default: out-of-scope things do not exist),
   * while the platform admin's identical request must not (so the request is a real one).
   * null: the place has no such thing.
   */
  foreign?: (place: Place, world: World) => Promise<Req | null> | Req | null;
  /**
   * `hidden`: a filter naming the foreign thing may answer 404 or a page with nothing of the place.
   * 400: a reference in a new thing's body answered on its field as "does not exist or is outside
   * your scope" — the same answer as for an id that exists nowhere, so nothing leaks either.
   */
  status?: 400 | 403 | 404 | 'hidden';
  /** The route lists things: its answer (JSON, or the cells of an .xlsx) carries no identifier of a place outside the caller's scope. */
  lists?: Req | true;
  /** A never-ending answer (an event stream): the matrix does not call it; say why that is safe. */
  stream?: string;
  /** Routes on a user's own things: another user's thing answers 404 to a worker. */
  othersThing?: (world: World) => Promise<Req>;
};

export type AuthzCases = Record<string, RouteCase>;
