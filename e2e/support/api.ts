import { DEMO_PASSWORD } from './admin';

export type StaffApi = {
  get: <T>(path: string) => Promise<T>;
  send: <T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) => Promise<T>;
};

/**
 * Signs a demo staff account in over HTTP, for a journey's arrangements that are not the screen
 * under test (e.g. registering a door controller before a worker scans it).
 */
export async function signInStaffApi(baseURL: string, login: string): Promise<StaffApi> {
  const res = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${login} failed: ${res.status} ${await res.text()}`);
  return sessionApi(baseURL, res);
}

/** Calls the API with the session cookie and CSRF token of a sign-in response. */
async function sessionApi(baseURL: string, res: Response): Promise<StaffApi> {
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseURL}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return { get: (path) => call('GET', path), send: (method, path, body) => call(method, path, body) };
}

/** Signs a worker in with the phone code the journey server prints to its log (SMS_SENDER=log). */
export async function signInWorkerApi(
  server: { baseURL: string; output: () => string; waitForSmsCode: (o?: { since?: number }) => Promise<string> },
  phone: string,
): Promise<StaffApi> {
  const since = server.output().length;
  const sent = await fetch(`${server.baseURL}/api/v1/auth/sms-code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone }) });
  if (!sent.ok) throw new Error(`sms-code for ${phone}: ${sent.status} ${await sent.text()}`);
  const code = await server.waitForSmsCode({ since });
  const res = await fetch(`${server.baseURL}/api/v1/auth/sms-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone, code }) });
  if (!res.ok) throw new Error(`sms-login for ${phone}: ${res.status} ${await res.text()}`);
  return sessionApi(server.baseURL, res);
}
