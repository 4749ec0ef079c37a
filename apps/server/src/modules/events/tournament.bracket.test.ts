import { describe, expect, it } from 'vitest';
import { drawGroups, knockoutEntries, placeBracket, roundRobin, schedule, slotStart, standings, type Entry, type SchedulingMatch } from './tournament.bracket';

const teams = (unions: number[], group = false): Entry[] => unions.flatMap((n, u) => Array.from({ length: n }, (_, i) => ({ id: `u${u}-t${i}`, keys: group ? [`g${u}`] : [`u${u}`] })));
const pairsOfRound = <T>(slots: T[], round: number) => {
  // Sections of 2^round slots: teams in one section can meet by that round.
  const size = 2 ** round;
  const out: T[][] = [];
  for (let i = 0; i < slots.length; i += size) out.push(slots.slice(i, i + size));
  return out;
};

describe('round robin (circle method)', () => {
  it.each([2, 5, 6, 9, 12])('%i teams: every pair once, nobody twice in a round', (n) => {
    const ids = Array.from({ length: n }, (_, i) => `t${i}`);
    const rounds = roundRobin(ids);
    expect(rounds).toHaveLength(n % 2 ? n : n - 1);
    const seen = new Set<string>();
    for (const round of rounds) {
      const inRound = round.flat();
      expect(new Set(inRound).size).toBe(inRound.length);
      for (const [a, b] of round) {
        const key = [a, b].sort().join('|');
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
    expect(seen.size).toBe((n * (n - 1)) / 2);
  });
});

describe('single elimination placement', () => {
  it('16 teams of 4 unions: no two of one union meet before the semi-finals', () => {
    const slots = placeBracket(teams([4, 4, 4, 4]));
    expect(slots).toHaveLength(16);
    for (const section of pairsOfRound(slots, 2)) expect(new Set(section.map((e) => e!.keys[0])).size).toBe(4);
  });

  it('13 teams: three byes, never a bye against a bye, unions apart in round 1', () => {
    const slots = placeBracket(teams([5, 4, 2, 1, 1]));
    expect(slots).toHaveLength(16);
    expect(slots.filter((s) => s === null)).toHaveLength(3);
    for (const [a, b] of pairsOfRound(slots, 1)) {
      expect(a !== null || b !== null).toBe(true);
      if (a && b) expect(a.keys[0]).not.toBe(b.keys[0]);
    }
  });

  it('a union with more teams than the bracket has halves meets itself only as late as it must', () => {
    // 8 teams, 5 of one union: quarters hold 2 slots each… at least one round-1 clash is forced, never two.
    const slots = placeBracket(teams([5, 3]));
    const clashes = pairsOfRound(slots, 1).filter(([a, b]) => a && b && a.keys[0] === b.keys[0]);
    expect(clashes).toHaveLength(1);
  });

  it('byes go to the top seeds', () => {
    const list = teams([1, 1, 1, 1, 1, 1]).map((e, i) => ({ ...e, seed: i < 2 ? i + 1 : null }));
    const slots = placeBracket(list);
    const partner = (id: string) => {
      const i = slots.findIndex((s) => s?.id === id);
      return slots[i % 2 ? i - 1 : i + 1];
    };
    expect(partner(list[0]!.id)).toBeNull();
    expect(partner(list[1]!.id)).toBeNull();
  });

  it('seeds 1 and 2 land in different halves', () => {
    const list = teams([2, 2, 2, 2]).map((e, i) => ({ ...e, seed: i < 2 ? i + 1 : null }));
    const slots = placeBracket(list);
    const half = (id: string) => (slots.findIndex((s) => s?.id === id) < 4 ? 0 : 1);
    expect(half(list[0]!.id)).not.toBe(half(list[1]!.id));
  });
});

describe('groups and the knockout after them', () => {
  it('a union’s teams spread over the groups; sizes differ by one at most', () => {
    const groups = drawGroups(teams([8, 6, 5, 3, 2]), 8);
    const sizes = groups.map((g) => g.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (const g of groups) expect(g.filter((e) => e.keys[0] === 'u0')).toHaveLength(1);
  });

  it('winners meet runners-up of other groups; a group’s two are in different halves', () => {
    const slots = placeBracket(knockoutEntries(4, 2));
    for (const [a, b] of pairsOfRound(slots, 1)) {
      expect([a!.id.at(-1), b!.id.at(-1)].sort()).toEqual(['1', '2']);
      expect(a!.keys[0]).not.toBe(b!.keys[0]);
    }
    for (const g of ['A', 'B', 'C', 'D']) {
      const half = (id: string) => (slots.findIndex((s) => s?.id === id) < 4 ? 0 : 1);
      expect(half(`${g}1`)).not.toBe(half(`${g}2`));
    }
  });
});

describe('the schedule', () => {
  it('no team twice in a slot, one match a court a slot, rest kept, feeders before', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `t${i}`);
    const matches: SchedulingMatch[] = roundRobin(ids).flatMap((round, r) => round.map(([a, b], i) => ({ key: `r${r}m${i}`, teams: [a, b], after: [] })));
    matches.push({ key: 'final', teams: [], after: matches.map((m) => m.key) });
    const courts = 3;
    const rest = 1;
    const slotted = schedule(matches, courts, rest);
    expect(slotted).toHaveLength(matches.length);
    const bySlot = new Map<number, typeof slotted>();
    for (const s of slotted) bySlot.set(s.slot, [...(bySlot.get(s.slot) ?? []), s]);
    for (const list of bySlot.values()) {
      expect(list.length).toBeLessThanOrEqual(courts);
      expect(new Set(list.map((s) => s.court)).size).toBe(list.length);
    }
    const slotOf = new Map(slotted.map((s) => [s.key, s.slot]));
    for (const t of ids) {
      const mine = matches
        .filter((m) => m.teams.includes(t))
        .map((m) => slotOf.get(m.key)!)
        .sort((a, b) => a - b);
      for (let i = 1; i < mine.length; i++) expect(mine[i]! - mine[i - 1]!).toBeGreaterThan(rest);
    }
    const last = Math.max(...slotted.filter((s) => s.key !== 'final').map((s) => s.slot));
    expect(slotOf.get('final')).toBe(last + 1 + rest);
  });

  it('slots run day by day from the first slot’s time', () => {
    const first = new Date('2027-01-09T01:00:00Z');
    expect(slotStart(first, 0, 30, 4).toISOString()).toBe('2027-01-09T01:00:00.000Z');
    expect(slotStart(first, 3, 30, 4).toISOString()).toBe('2027-01-09T02:30:00.000Z');
    expect(slotStart(first, 4, 30, 4).toISOString()).toBe('2027-01-10T01:00:00.000Z');
  });
});

describe('standings and their tie-breaks', () => {
  const pts = { win: 3, draw: 1, loss: 0 };
  it('points first, then the matches between the level teams, then score difference, then score for', () => {
    // A, B, C each win once in their circle; A beat D by most. B and C level with A on points.
    const played = [
      { home: 'A', away: 'B', homeScore: 1, awayScore: 0 },
      { home: 'B', away: 'C', homeScore: 1, awayScore: 0 },
      { home: 'C', away: 'A', homeScore: 1, awayScore: 0 },
      { home: 'A', away: 'D', homeScore: 5, awayScore: 0 },
      { home: 'B', away: 'D', homeScore: 2, awayScore: 0 },
      { home: 'C', away: 'D', homeScore: 2, awayScore: 1 },
    ];
    const rows = standings(['A', 'B', 'C', 'D'], played, pts);
    expect(rows.map((r) => r.teamId)).toEqual(['A', 'B', 'C', 'D']);
    expect(rows[0]).toMatchObject({ played: 3, won: 2, lost: 1, points: 6, scoreFor: 6, scoreAgainst: 1, rank: 1 });
  });

  it('head-to-head decides before score difference', () => {
    const played = [
      { home: 'X', away: 'Y', homeScore: 2, awayScore: 1 },
      { home: 'Y', away: 'Z', homeScore: 9, awayScore: 0 },
      { home: 'X', away: 'Z', homeScore: 0, awayScore: 1 },
    ];
    // X and Y on 3 points (Z too): all three level, their matches are all the matches, so difference decides: Y +7, X 0, Z −7.
    expect(standings(['X', 'Y', 'Z'], played, pts).map((r) => r.teamId)).toEqual(['Y', 'X', 'Z']);
    // X and Y on 6 points; Y's score difference is far better, but X beat Y: X ahead.
    const two = [
      { home: 'X', away: 'Y', homeScore: 1, awayScore: 0 },
      { home: 'Z', away: 'X', homeScore: 1, awayScore: 0 },
      { home: 'X', away: 'W', homeScore: 1, awayScore: 0 },
      { home: 'Y', away: 'Z', homeScore: 9, awayScore: 0 },
      { home: 'Y', away: 'W', homeScore: 5, awayScore: 0 },
      { home: 'W', away: 'Z', homeScore: 1, awayScore: 0 },
    ];
    const rows = standings(['X', 'Y', 'Z', 'W'], two, pts);
    expect(rows.slice(0, 2).map((r) => [r.teamId, r.points])).toEqual([
      ['X', 6],
      ['Y', 6],
    ]);
  });

  it('teams level on everything are ordered by name (the lot), never sharing a rank', () => {
    const rows = standings(['乙队', '甲队'], [{ home: '乙队', away: '甲队', homeScore: 1, awayScore: 1 }], pts);
    expect(rows.map((r) => r.rank)).toEqual([1, 2]);
  });
});
