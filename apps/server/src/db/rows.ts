/** drizzle's execute() answers rows (PGlite) or a result with rows (node-postgres): the rows either way. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}
