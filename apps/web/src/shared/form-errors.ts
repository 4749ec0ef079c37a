import { ApiError } from './api';

type NamePath = (string | number)[];
type FieldData = { name: NamePath; errors: string[] };
// `never` accepts any FormInstance<Values>; its field names are typed narrower than a server path.
type FormLike = { setFields: (fields: never) => void };

/**
 * The server reports field errors with the JSON path inside the request body (`code`,
 * `grants.0.role`); some validators prefix it with `body.`. Turn one into an antd NamePath.
 */
export function toNamePath(path: string): NamePath {
  const trimmed = path.replace(/^\/+/, '').replace(/^body[./]/, '');
  return trimmed
    .split(/[./]/)
    .filter((s) => s !== '')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/**
 * Put the server's field errors on the form's fields. `rename` maps a request-body field to a
 * form field where the two differ. Returns the messages that matched no field, to show above the form.
 */
export function applyServerErrors(
  form: FormLike,
  error: unknown,
  knownFields: readonly string[],
  rename: Record<string, string> = {},
): string[] {
  if (!(error instanceof ApiError)) return [];
  const grouped = new Map<string, { name: NamePath; errors: string[] }>();
  const unplaced: string[] = [];
  for (const fieldError of error.errors) {
    const name = toNamePath(fieldError.path);
    const head = name[0];
    const mapped = typeof head === 'string' ? (rename[head] ?? head) : head;
    if (typeof mapped !== 'string' || !knownFields.includes(mapped)) {
      unplaced.push(fieldError.path ? `${fieldError.path}: ${fieldError.message}` : fieldError.message);
      continue;
    }
    const full: NamePath = [mapped, ...name.slice(1)];
    const key = full.join('.');
    const entry = grouped.get(key) ?? { name: full, errors: [] };
    entry.errors.push(fieldError.message);
    grouped.set(key, entry);
  }
  if (grouped.size) (form.setFields as (fields: FieldData[]) => void)([...grouped.values()]);
  return unplaced;
}
