import {
  createTournamentSchema,
  drawSchema,
  idParamsSchema,
  listTournamentsQuerySchema,
  matchResultSchema,
  publicTournamentSchema,
  registerTeamSchema,
  tournamentDetailSchema,
  tournamentSchema,
} from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TournamentService } from './tournament.service';
import { read, staffOf, tags, write } from './events.http';

const matchParams = z.object({ id: z.uuid(), matchId: z.uuid() });

/** 赛事: the organiser creates, draws and enters results; unions enter teams; the big screen reads the public view. */
export const tournamentRoutes: FastifyPluginAsyncZod<{ tournament: TournamentService }> = async (app, { tournament }) => {
  app.get(
    '/tournaments',
    {
      ...read,
      schema: {
        tags,
        summary: 'Tournaments of events in the caller’s scope and of the unions above it',
        querystring: listTournamentsQuerySchema,
        response: { 200: z.object({ items: z.array(tournamentSchema) }) },
      },
    },
    async (request) => tournament.list(request.query, staffOf(request, 'event.read')),
  );
  app.post(
    '/tournaments',
    { ...write, schema: { tags, summary: 'Create a tournament at a sport event (format, groups, courts, slots)', body: createTournamentSchema, response: { 201: tournamentDetailSchema } } },
    async (request, reply) => reply.status(201).send(await tournament.create(request.body, staffOf(request, 'event.write'))),
  );
  app.get(
    '/tournaments/:id',
    { ...read, schema: { tags, summary: 'Teams (players for their own union’s staff), matches, standings', params: idParamsSchema, response: { 200: tournamentDetailSchema } } },
    async (request) => tournament.get(request.params.id, staffOf(request, 'event.read')),
  );
  app.post(
    '/tournaments/:id/teams',
    {
      ...write,
      schema: {
        tags,
        summary: 'A union enters a team of its members (a player plays for one team per tournament)',
        params: idParamsSchema,
        body: registerTeamSchema,
        response: { 201: tournamentDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await tournament.registerTeam(request.params.id, request.body, staffOf(request, 'event.write'))),
  );
  app.post(
    '/tournaments/:id/draw',
    {
      ...write,
      schema: { tags, summary: 'Draw (groups or bracket, unions kept apart) and schedule over courts × slots', params: idParamsSchema, body: drawSchema, response: { 200: tournamentDetailSchema } },
    },
    async (request) => tournament.draw(request.params.id, request.body.version, staffOf(request, 'event.write')),
  );
  app.post(
    '/tournaments/:id/matches/:matchId/result',
    {
      ...write,
      schema: {
        tags,
        summary: 'Enter a score (a correction needs a reason, until the next round is played); the winner moves on',
        params: matchParams,
        body: matchResultSchema,
        response: { 200: tournamentDetailSchema },
      },
    },
    async (request) => tournament.enterResult(request.params.id, request.params.matchId, request.body, staffOf(request, 'event.write')),
  );
  app.get(
    '/public/tournaments/:id',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'The big screen: bracket, matches and standings (team and union names only)', params: idParamsSchema, response: { 200: publicTournamentSchema } },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return tournament.publicView(request.params.id);
    },
  );
};
