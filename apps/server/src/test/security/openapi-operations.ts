import type { Client } from '../harness';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One documented /api/v1 operation, as the security suite walks it. */
export type Operation = {
  method: Method;
  /** OpenAPI form: /api/v1/members/{id} */
  path: string;
  /** `METHOD /api/v1/members/{id}`: the key a route's authorisation case is filed under. */
  key: string;
  permission: string;
  tags: string[];
  pathParams: string[];
  queryParams: string[];
  hasJsonBody: boolean;
  /** Top-level properties of a JSON object body. */
  bodyFields: string[];
};

type OpenApiOperation = {
  'x-permission'?: string;
  tags?: string[];
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown>; $ref?: string } }> };
};

const METHODS: Method[] = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

/**
 * Every /api/v1 operation of the app's own OpenAPI document. The document is generated from the
 * registered routes (a route cannot hide from it: app.ts refuses `hide` under /api/v1), so a route
 * added later is in this list without anyone remembering to add it.
 */
export async function loadOperations(client: Client): Promise<Operation[]> {
  const res = await client.get('/api/openapi.json');
  if (res.status !== 200) throw new Error(`openapi.json: ${res.status}`);
  const doc = res.body as { paths: Record<string, Record<string, OpenApiOperation>>; components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> } };
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const method of METHODS) {
      const op = item[method.toLowerCase()];
      if (!op) continue;
      const params = op.parameters ?? [];
      const json = op.requestBody?.content?.['application/json']?.schema;
      const ref = json?.$ref?.replace('#/components/schemas/', '');
      const properties = json?.properties ?? (ref ? doc.components?.schemas?.[ref]?.properties : undefined);
      ops.push({
        method,
        path,
        key: `${method} ${path}`,
        permission: op['x-permission'] ?? '(none)',
        tags: op.tags ?? [],
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        hasJsonBody: Boolean(json),
        bodyFields: Object.keys(properties ?? {}),
      });
    }
  }
  return ops.sort((a, b) => a.key.localeCompare(b.key));
}

/** A harmless stand-in for a path parameter nobody is probing (a well-formed id that exists nowhere). */
export const ABSENT_ID = '00000000-0000-4000-8000-000000000000';

/** The operation's URL with its path parameters filled in (given values, else ABSENT_ID). */
export function sampleUrl(path: string, values: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(values[name] ?? ABSENT_ID));
}
