const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Mobile and ID numbers found in an answer (for "nothing personal" checks of public screens).
 * Ids are left out first: a uuid's last group can hold eleven digits in a row (`…-d17120203891`).
 */
export function phoneAndIdNumbersIn(value: unknown): string[] {
  const text = JSON.stringify(value).replace(UUID, '<id>');
  return [...text.matchAll(/(?<![\d.])(?:1[3-9]\d{9}|\d{17}[\dX])(?!\d)/g)].map((m) => m[0]);
}
