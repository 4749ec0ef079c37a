import type { Roadshow } from '@niangjia/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { notFound } from '../../platform/errors';
import { safeEqual, type Secrets } from '../../platform/secrets';
import { currentCode } from './checkin-code';
import type { ConfirmedResult } from './results.compute';
import * as seasonsRepo from './seasons.repository';
import * as voting from './voting.repository';
import { isUuid } from '../../platform/validation';

/**
 * The roadshow screen's data (public, no personal data): what is pitching, the finalists and their
 * vote counts (online + paper), the check-in QR when the screen holds the season's key, and the
 * ranking once the moderator has revealed it.
 */
export function createRoadshowService({ db, secrets, publicUrl, clock = () => new Date() }: { db: Db; secrets: Secrets; publicUrl: string; clock?: () => Date }) {
  return {
    async get(seasonId: string, key: string | undefined): Promise<Roadshow> {
      const s = isUuid(seasonId) ? await seasonsRepo.findSeason(db, seasonId) : undefined;
      if (!s || s.stage === 'draft') throw notFound('ENTITY_market_season');
      const { items } = await seasonsRepo.listEntries(db, sql`e.season_id = ${s.id} and e.status = 'finalist'`, 1, 200, sql`e.pitch_order nulls last, e.number`);
      const online = await voting.onlineVotes(db, s.id);
      const paper: Record<string, number> = {};
      for (const t of await voting.listPaperTallies(db, s.id)) paper[t.entryId] = (paper[t.entryId] ?? 0) + Number(t.votes);
      const votesOf = (id: string) => (online[id] ?? 0) + (paper[id] ?? 0);
      const sessions = await voting.listSessions(db, s.id);
      const open = sessions.filter((x) => x.status === 'open');
      const current = items.find((e) => e.id === s.currentEntryId);
      const now = clock();
      const showCode = key !== undefined && safeEqual(key, s.screenKey) && open[0];
      const confirmed = s.confirmedResult as ConfirmedResult | null;
      const byId = new Map(items.map((e) => [e.id, e]));
      return {
        season: { id: s.id, title: s.title, year: s.year, org: s.orgName, stage: s.stage as Roadshow['season']['stage'] },
        current: current ? { entryId: current.id, number: current.number, title: current.title, provider: current.providerName, category: current.category } : null,
        finalists: items.map((e) => ({ entryId: e.id, number: e.number, title: e.title, provider: e.providerName, pitchOrder: e.pitchOrder, votes: votesOf(e.id), onlineVotes: online[e.id] ?? 0 })),
        totalVotes: items.reduce((n, e) => n + votesOf(e.id), 0),
        voting: { isOpen: open.length > 0, venues: open.map((x) => x.venue) },
        checkin: showCode
          ? (() => {
              const c = currentCode(secrets.key, open[0]!.secret, now);
              return { sessionId: open[0]!.id, venue: open[0]!.venue, code: c.code, url: `${publicUrl}/m/vote/${open[0]!.id}?c=${c.code}`, expiresInSeconds: c.expiresInSeconds };
            })()
          : null,
        ranking:
          s.revealedAt && confirmed
            ? confirmed.rows.map((r) => ({
                entryId: r.entryId,
                rank: r.rank,
                title: byId.get(r.entryId)?.title ?? '',
                provider: byId.get(r.entryId)?.providerName ?? '',
                prize: r.prize,
                expert: r.expert,
                votes: r.votes,
                combined: r.combined,
              }))
            : null,
        at: now.toISOString(),
      };
    },
  };
}

export type RoadshowService = ReturnType<typeof createRoadshowService>;
