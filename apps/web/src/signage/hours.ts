type Range = { start: string; end: string };

/**
 * A week of opening ranges as a few lines, consecutive days with the same hours together:
 * "周一至周五 08:00–18:00", "周六、周日 不开放".
 */
export function groupWeek(
  weekly: Range[][],
  label: {
    day: (d: number) => string;
    range: (from: string, to: string) => string;
    closed: string;
  },
): { days: string; hours: string }[] {
  const text = (ranges: Range[]) => (ranges.length ? ranges.map((r) => `${r.start}–${r.end}`).join('，') : label.closed);
  const groups: { from: number; to: number; hours: string }[] = [];
  weekly.forEach((ranges, d) => {
    const hours = text(ranges);
    const last = groups.at(-1);
    if (last && last.hours === hours && last.to === d - 1) last.to = d;
    else groups.push({ from: d, to: d, hours });
  });
  return groups.map((g) => ({
    days: g.from === g.to ? label.day(g.from) : g.to === g.from + 1 ? `${label.day(g.from)}、${label.day(g.to)}` : label.range(label.day(g.from), label.day(g.to)),
    hours: g.hours,
  }));
}
