import {
  idParamsSchema,
  matchmakingContactSchema,
  matchmakingCountsSchema,
  matchmakingMatchSchema,
  matchmakingMeSchema,
  matchmakingPicksSchema,
  matchmakingProfileInputSchema,
  matchmakingProfileSchema,
  matchmakingSettingsSchema,
} from '@niangjia/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { WorkerCtx } from './events.shared';
import type { MatchmakingService } from './matchmaking.service';
import { read, signedIn, staffOf, tags, workerOf, write } from './events.http';

const profileParams = z.object({ id: z.uuid(), profileId: z.uuid() });
const matchParams = z.object({ id: z.uuid(), matchId: z.uuid() });

function participantOf(request: FastifyRequest, reply: FastifyReply): WorkerCtx {
  // Nothing of a participant's matchmaking is cached on the way.
  void reply.header('cache-control', 'no-store');
  return workerOf(request);
}

/**
 * 婚恋交友: staff see a matchmaking event's counts and set its picks window (console); participants
 * opt in, browse, pick and answer their matches on the phone (/m/matchmaking/:event). No route
 * answers who picked whom; matchmaking.leak.int.test.ts walks every route whose path says matchmaking.
 */
export const matchmakingRoutes: FastifyPluginAsyncZod<{ matchmaking: MatchmakingService }> = async (app, { matchmaking }) => {
  app.get(
    '/events/:id/matchmaking',
    { ...read, schema: { tags, summary: 'A matchmaking event’s settings and counts (never who picked whom)', params: idParamsSchema, response: { 200: matchmakingCountsSchema } } },
    async (request) => matchmaking.counts(request.params.id, staffOf(request, 'event.read')),
  );
  app.put(
    '/events/:id/matchmaking/settings',
    { ...write, schema: { tags, summary: 'Picks per person and the picks window (until the matches are out)', params: idParamsSchema, body: matchmakingSettingsSchema, response: { 200: matchmakingCountsSchema } } },
    async (request) => matchmaking.updateSettings(request.params.id, request.body, staffOf(request, 'event.write')),
  );

  app.get(
    '/events/matchmaking/:id/me',
    { ...signedIn, schema: { tags, summary: 'My matchmaking state at the event: profile, picks, phase', params: idParamsSchema, response: { 200: matchmakingMeSchema } } },
    async (request, reply) => matchmaking.me(request.params.id, participantOf(request, reply)),
  );
  app.put(
    '/events/matchmaking/:id/profile',
    { ...signedIn, schema: { tags, summary: 'Opt in with a profile, or edit it', params: idParamsSchema, body: matchmakingProfileInputSchema, response: { 200: matchmakingMeSchema } } },
    async (request, reply) => matchmaking.saveProfile(request.params.id, request.body, participantOf(request, reply)),
  );
  app.delete(
    '/events/matchmaking/:id/profile',
    { ...signedIn, schema: { tags, summary: 'Withdraw: the profile, photo link and picks are erased; unconfirmed matches dissolve', params: idParamsSchema, response: { 200: matchmakingMeSchema } } },
    async (request, reply) => matchmaking.withdraw(request.params.id, participantOf(request, reply)),
  );
  app.get(
    '/events/matchmaking/:id/profiles',
    {
      ...signedIn,
      schema: { tags, summary: 'The other checked-in participants’ profiles (for a checked-in participant with a profile)', params: idParamsSchema, response: { 200: z.object({ items: z.array(matchmakingProfileSchema) }) } },
    },
    async (request, reply) => matchmaking.profiles(request.params.id, participantOf(request, reply)),
  );
  app.get(
    '/events/matchmaking/:id/profiles/:profileId/photo',
    { ...signedIn, schema: { tags, summary: 'A profile’s photo (for the other checked-in participants only)', params: profileParams } },
    async (request, reply) => {
      const photo = await matchmaking.photo(request.params.id, request.params.profileId, participantOf(request, reply));
      return reply.header('content-type', photo.contentType).header('cache-control', 'private, no-store').send(photo.data);
    },
  );
  app.put(
    '/events/matchmaking/:id/picks',
    { ...signedIn, schema: { tags, summary: 'My picks (up to N), replaced while the window is open', params: idParamsSchema, body: matchmakingPicksSchema, response: { 200: matchmakingMeSchema } } },
    async (request, reply) => matchmaking.pick(request.params.id, request.body.profileIds, participantOf(request, reply)),
  );
  app.get(
    '/events/matchmaking/:id/matches',
    { ...signedIn, schema: { tags, summary: 'My mutual matches (after the window closes)', params: idParamsSchema, response: { 200: z.object({ items: z.array(matchmakingMatchSchema) }) } } },
    async (request, reply) => matchmaking.matches(request.params.id, participantOf(request, reply)),
  );
  app.post(
    '/events/matchmaking/:id/matches/:matchId/confirm',
    { ...signedIn, schema: { tags, summary: 'Yes: exchange contacts if the other says yes too', params: matchParams, response: { 200: matchmakingMatchSchema } } },
    async (request, reply) => matchmaking.answer(request.params.id, request.params.matchId, 'yes', participantOf(request, reply)),
  );
  app.post(
    '/events/matchmaking/:id/matches/:matchId/decline',
    { ...signedIn, schema: { tags, summary: 'No: the match ends for both', params: matchParams, response: { 200: matchmakingMatchSchema } } },
    async (request, reply) => matchmaking.answer(request.params.id, request.params.matchId, 'no', participantOf(request, reply)),
  );
  app.get(
    '/events/matchmaking/:id/matches/:matchId/contact',
    { ...signedIn, schema: { tags, summary: 'The partner’s phone, once both confirmed', params: matchParams, response: { 200: matchmakingContactSchema } } },
    async (request, reply) => matchmaking.contact(request.params.id, request.params.matchId, participantOf(request, reply)),
  );
};
