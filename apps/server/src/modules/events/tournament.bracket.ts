/**
 * The pure core of tournaments (赛事, issue 13 point 7): round robin by the circle method, group
 * draws and bracket placement that keep teams of one union (or one group) apart for as long as the
 * bracket allows, the groups → knockout crossover, a scheduler over courts × time slots without
 * clashes, and standings with stated tie-break rules. No database, no clock.
 */

export type Entry = {
  /** The team's id (or a placeholder such as "A1" for group A's winner). */
  id: string;
  /** Keys kept apart, most important first (e.g. [union], or [group, rank]). */
  keys: readonly string[];
  /** 1 = top seed; null: unseeded. */
  seed?: number | null;
};

/** Round robin by the circle method: every pair meets once; with an odd count one team rests each round. */
export function roundRobin<T>(teams: readonly T[]): [T, T][][] {
  const list: (T | null)[] = [...teams];
  if (list.length < 2) return [];
  if (list.length % 2) list.push(null);
  const n = list.length;
  const rounds: [T, T][][] = [];
  for (let r = 0; r < n - 1; r++) {
    const pairs: [T, T][] = [];
    for (let i = 0; i < n / 2; i++) {
      const a = list[i]!;
      const b = list[n - 1 - i]!;
      if (a === null || b === null) continue;
      // Alternate home and away so that the fixed team does not always play at home.
      pairs.push(i === 0 && r % 2 ? [b, a] : [a, b]);
    }
    rounds.push(pairs);
    // Keep the first fixed, rotate the rest one step clockwise.
    list.splice(1, 0, list.pop()!);
  }
  return rounds;
}

const nextPowerOfTwo = (n: number) => {
  let p = 1;
  while (p < n) p *= 2;
  return p;
};

/** Order to place entries in: the biggest union (key) first, so its teams are spread before the halves fill; seeds first within it. */
function placingOrder(entries: readonly Entry[]): Entry[] {
  const count = new Map<string, number>();
  for (const e of entries) count.set(e.keys[0] ?? '', (count.get(e.keys[0] ?? '') ?? 0) + 1);
  return [...entries].sort(
    (a, b) =>
      (count.get(b.keys[0] ?? '') ?? 0) - (count.get(a.keys[0] ?? '') ?? 0) || (a.seed ?? 1e9) - (b.seed ?? 1e9) || (a.keys[0] ?? '').localeCompare(b.keys[0] ?? '') || a.id.localeCompare(b.id),
  );
}

/**
 * Splits entries into two halves of the given sizes, each key's entries as evenly as possible
 * (the first key weighs most), and the seeded entries spread too (seed 1 and 2 apart).
 */
function split(entries: readonly Entry[], sizes: [number, number]): [Entry[], Entry[]] {
  const halves: [Entry[], Entry[]] = [[], []];
  const seeded = [...entries].filter((e) => e.seed != null).sort((a, b) => a.seed! - b.seed!);
  const seedRank = new Map(seeded.map((e, i) => [e.id, i]));
  for (const e of placingOrder(entries)) {
    let best = -1;
    let bestScore = Infinity;
    for (const h of [0, 1] as const) {
      if (halves[h].length >= sizes[h]) continue;
      let score = 0;
      e.keys.forEach((k, i) => {
        score += halves[h].filter((x) => x.keys[i] === k).length * 1000 ** (e.keys.length - i);
      });
      // Seeded entries alternate halves by rank; otherwise the emptier half (relative to its size).
      const rank = seedRank.get(e.id);
      if (rank !== undefined) score += (rank % 2 === h ? 0 : 1) * 10 + halves[h].filter((x) => seedRank.has(x.id)).length * 100;
      score += halves[h].length / sizes[h];
      if (score < bestScore) [best, bestScore] = [h, score];
    }
    halves[best as 0 | 1].push(e);
  }
  return halves;
}

/**
 * Bracket positions for a single-elimination draw: an array of the bracket's size (a power of two)
 * with null for a bye. Entries are halved recursively, each time keeping each union's (key's)
 * entries as evenly split as possible, so two teams of one union meet only when a section of the
 * bracket holds more of them than it has halves; byes never meet byes and go to the top seeds first.
 */
export function placeBracket(entries: readonly Entry[]): (Entry | null)[] {
  const size = Math.max(2, nextPowerOfTwo(entries.length));
  const place = (list: readonly Entry[], slots: number): (Entry | null)[] => {
    if (slots === 1) return [list[0] ?? null];
    if (slots === 2) {
      const [a, b] = list;
      return [a ?? null, b ?? null];
    }
    // The left half is the smaller and the top seed goes left, so the byes reach the top seeds.
    const small = Math.floor(list.length / 2);
    const [left, right] = split(list, [small, list.length - small]);
    return [...place(left, slots / 2), ...place(right, slots / 2)];
  };
  return place(entries, size);
}

/** Shares teams among groups: each union's teams spread over the groups, then group sizes kept even; seeds snake across groups. */
export function drawGroups(entries: readonly Entry[], groupCount: number): Entry[][] {
  const groups: Entry[][] = Array.from({ length: groupCount }, () => []);
  const cap = Math.ceil(entries.length / groupCount);
  for (const e of placingOrder(entries)) {
    let best = 0;
    let bestScore = Infinity;
    groups.forEach((g, i) => {
      if (g.length >= cap) return;
      let score = 0;
      e.keys.forEach((k, j) => {
        score += g.filter((x) => x.keys[j] === k).length * 1000 ** (e.keys.length - j);
      });
      score += g.filter((x) => x.seed != null).length * (e.seed != null ? 100 : 0);
      score += g.length;
      if (score < bestScore) [best, bestScore] = [i, score];
    });
    groups[best]!.push(e);
  }
  return groups;
}

/** Group labels A, B, …, Z, then G27… */
export const groupLabel = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : `G${i + 1}`);

/**
 * The knockout entries after groups: "A1" (A's winner), "A2" (A's runner-up), …, kept apart by
 * group and balanced by rank, so a bracket of winners and runners-up crosses over (A1 meets a
 * runner-up of another group; A1 and A2 sit in different halves).
 */
export function knockoutEntries(groupCount: number, advance: number): Entry[] {
  const out: Entry[] = [];
  for (let g = 0; g < groupCount; g++) for (let r = 1; r <= advance; r++) out.push({ id: `${groupLabel(g)}${r}`, keys: [groupLabel(g), `rank${r}`], seed: r === 1 ? g + 1 : null });
  return out;
}

/** A match to be scheduled: the teams known now and the matches it must follow (knockout feeders, a stage before). */
export type SchedulingMatch = { key: string; teams: readonly string[]; after: readonly string[]; isBye?: boolean };
export type Slotted = { key: string; slot: number; court: number };

/**
 * Courts × slots, in the given order: each match takes the earliest slot where a court is free,
 * none of its teams plays in that slot or the `rest` slots before it, and every match it follows
 * has ended at least `rest` slots earlier. No team ever plays two matches in one slot; a court
 * holds one match a slot. Byes take no court.
 */
export function schedule(matches: readonly SchedulingMatch[], courts: number, rest: number): Slotted[] {
  const courtBusy = new Map<number, number>();
  const teamSlots = new Map<string, number[]>();
  const slotOf = new Map<string, number>();
  const out: Slotted[] = [];
  for (const m of matches) {
    if (m.isBye) continue;
    let slot = 0;
    for (const a of m.after) {
      const s = slotOf.get(a);
      if (s !== undefined) slot = Math.max(slot, s + 1 + rest);
    }
    const fits = (s: number) => (courtBusy.get(s) ?? 0) < courts && m.teams.every((t) => !(teamSlots.get(t) ?? []).some((x) => Math.abs(x - s) <= rest));
    while (!fits(slot)) slot++;
    const court = courtBusy.get(slot) ?? 0;
    courtBusy.set(slot, court + 1);
    for (const t of m.teams) teamSlots.set(t, [...(teamSlots.get(t) ?? []), slot]);
    slotOf.set(m.key, slot);
    out.push({ key: m.key, slot, court });
  }
  return out;
}

/** A slot's start: `slotsPerDay` slots a day from the first one's time of day, day after day. */
export function slotStart(firstSlotAt: Date, slot: number, slotMinutes: number, slotsPerDay: number): Date {
  const day = Math.floor(slot / slotsPerDay);
  const inDay = slot % slotsPerDay;
  return new Date(firstSlotAt.getTime() + day * 86_400_000 + inDay * slotMinutes * 60_000);
}

export type PlayedMatch = { home: string; away: string; homeScore: number; awayScore: number };
export type Standing = { teamId: string; played: number; won: number; drawn: number; lost: number; scoreFor: number; scoreAgainst: number; points: number; rank: number };
export type Points = { win: number; draw: number; loss: number };

/** The tie-break rules, as shown on the screen and the console (zh-CN, English). */
export const TIE_BREAKS = {
  zh: ['积分（胜、平、负按赛事设定计分）', '积分相同：相互间比赛积分', '仍相同：总净胜分（得分−失分）', '仍相同：总得分', '仍相同：抽签（按队名排序）'],
  en: [
    'Points (win, draw and loss as the tournament sets them)',
    'Level on points: points in the matches between them',
    'Still level: overall score difference',
    'Still level: overall score for',
    'Still level: by lot (team name order)',
  ],
};

function table(teams: readonly string[], played: readonly PlayedMatch[], pts: Points): Map<string, Standing> {
  const rows = new Map<string, Standing>(teams.map((t) => [t, { teamId: t, played: 0, won: 0, drawn: 0, lost: 0, scoreFor: 0, scoreAgainst: 0, points: 0, rank: 0 }]));
  for (const m of played) {
    const h = rows.get(m.home);
    const a = rows.get(m.away);
    if (!h || !a) continue;
    h.played++;
    a.played++;
    h.scoreFor += m.homeScore;
    h.scoreAgainst += m.awayScore;
    a.scoreFor += m.awayScore;
    a.scoreAgainst += m.homeScore;
    if (m.homeScore > m.awayScore) [h.won, a.lost, h.points, a.points] = [h.won + 1, a.lost + 1, h.points + pts.win, a.points + pts.loss];
    else if (m.homeScore < m.awayScore) [a.won, h.lost, a.points, h.points] = [a.won + 1, h.lost + 1, a.points + pts.win, h.points + pts.loss];
    else [h.drawn, a.drawn, h.points, a.points] = [h.drawn + 1, a.drawn + 1, h.points + pts.draw, a.points + pts.draw];
  }
  return rows;
}

/**
 * A group's standings by TIE_BREAKS: points; teams level on points are ordered by the points of
 * the matches among themselves, then overall score difference, then score for, then by name
 * (`nameOf`), which stands for the drawing of lots. Equal teams never share a rank.
 */
export function standings(teams: readonly string[], played: readonly PlayedMatch[], pts: Points, nameOf: (id: string) => string = (id) => id): Standing[] {
  const all = table(teams, played, pts);
  const byPoints = [...all.values()].sort((a, b) => b.points - a.points);
  const out: Standing[] = [];
  for (let i = 0; i < byPoints.length;) {
    let j = i;
    while (j < byPoints.length && byPoints[j]!.points === byPoints[i]!.points) j++;
    const tied = byPoints.slice(i, j);
    const ids = new Set(tied.map((t) => t.teamId));
    const h2h = table(
      [...ids],
      played.filter((m) => ids.has(m.home) && ids.has(m.away)),
      pts,
    );
    tied.sort(
      (a, b) =>
        h2h.get(b.teamId)!.points - h2h.get(a.teamId)!.points ||
        b.scoreFor - b.scoreAgainst - (a.scoreFor - a.scoreAgainst) ||
        b.scoreFor - a.scoreFor ||
        nameOf(a.teamId).localeCompare(nameOf(b.teamId), 'zh-CN'),
    );
    out.push(...tied);
    i = j;
  }
  out.forEach((r, i) => (r.rank = i + 1));
  return out;
}

/** Round names of a knockout of `rounds` rounds (the last is the final). */
export function knockoutRoundName(round: number, rounds: number, lang: 'zh-CN' | 'en'): string {
  const left = rounds - round;
  const zh = ['决赛', '半决赛', '1/4 决赛', '1/8 决赛', '1/16 决赛', '1/32 决赛'];
  const en = ['Final', 'Semi-finals', 'Quarter-finals', 'Round of 16', 'Round of 32', 'Round of 64'];
  return (lang === 'en' ? en : zh)[left] ?? (lang === 'en' ? `Round ${round}` : `第 ${round} 轮`);
}
