import {
  addRepsResultSchema,
  addRepsSchema,
  advanceStageSchema,
  assignmentSchema,
  checkinCodeSchema,
  confirmResultsSchema,
  createSeasonSchema,
  createVoteSessionSchema,
  entrySchema,
  idParamsSchema,
  inviteJudgeSchema,
  judgeSchema,
  listEntriesQuerySchema,
  listSeasonsQuerySchema,
  openSeasonSchema,
  pageOf,
  pageQuerySchema,
  paperTallySchema,
  recusalInputSchema,
  reopenScoreSchema,
  repSchema,
  reviewEntrySchema,
  scoreMatrixSchema,
  seasonDetailSchema,
  seasonResultsSchema,
  seasonSchema,
  setCurrentEntrySchema,
  setFinalistSchema,
  submitEntrySchema,
  updateSeasonSchema,
  versionSchema,
  voteSessionSchema,
} from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EntriesService } from './entries.service';
import type { JudgingService } from './judging.service';
import type { ResultsService } from './results.service';
import { lang, staffCtx, userCtx } from './routes.shared';
import type { SeasonsService } from './seasons.service';
import type { VotingService } from './voting.service';

const tags = ['market-competition'];
const read = { config: { permission: 'market.read' as const } };
const write = { config: { permission: 'market.write' as const } };
const provider = { config: { permission: 'market.provider' as const } };
const noContent = { 204: z.null() };

type Deps = { seasons: SeasonsService; entries: EntriesService; judging: JudgingService; voting: VotingService; results: ResultsService };

/** The competition in the console: seasons, stages, entries, judges, representatives, sessions, results; the provider's entries. */
export const competitionRoutes: FastifyPluginAsyncZod<Deps> = async (app, { seasons, entries, judging, voting, results }) => {
  app.get('/market/seasons', { ...read, schema: { tags, querystring: listSeasonsQuerySchema, response: { 200: pageOf(seasonSchema) } } }, async (request) => seasons.list(request.query, staffCtx(request, 'market.read').scope));
  app.post('/market/seasons', { ...write, schema: { tags, body: createSeasonSchema, response: { 201: seasonDetailSchema } } }, async (request, reply) => reply.status(201).send(await seasons.create(request.body, staffCtx(request, 'market.write'))));
  app.get('/market/seasons/:id', { ...read, schema: { tags, params: idParamsSchema, response: { 200: seasonDetailSchema } } }, async (request) => seasons.get(request.params.id, staffCtx(request, 'market.read').scope));
  app.patch('/market/seasons/:id', { ...write, schema: { tags, params: idParamsSchema, body: updateSeasonSchema, response: { 200: seasonDetailSchema } } }, async (request) =>
    seasons.update(request.params.id, request.body, staffCtx(request, 'market.write')),
  );
  app.post('/market/seasons/:id/stage', { ...write, schema: { tags, summary: 'Move to the next stage', params: idParamsSchema, body: advanceStageSchema, response: { 200: seasonDetailSchema } } }, async (request) =>
    seasons.advance(request.params.id, request.body, staffCtx(request, 'market.write')),
  );

  app.get('/market/seasons/:id/entries', { ...read, schema: { tags, params: idParamsSchema, querystring: listEntriesQuerySchema, response: { 200: pageOf(entrySchema) } } }, async (request) =>
    entries.list(request.params.id, request.query, staffCtx(request, 'market.read').scope),
  );
  app.post('/market/entries/:id/review', { ...write, schema: { tags, summary: '初审: pass, or fail with reasons', params: idParamsSchema, body: reviewEntrySchema, response: { 200: entrySchema } } }, async (request) =>
    entries.review(request.params.id, request.body, staffCtx(request, 'market.write')),
  );
  app.post('/market/entries/:id/finalist', { ...write, schema: { tags, summary: '路演: in or out of the final, and the pitching order', params: idParamsSchema, body: setFinalistSchema, response: { 200: entrySchema } } }, async (request) =>
    entries.setFinalist(request.params.id, request.body, staffCtx(request, 'market.write')),
  );

  app.get('/market/seasons/:id/judges', { ...write, schema: { tags, params: idParamsSchema, response: { 200: z.object({ items: z.array(judgeSchema) }) } } }, async (request) => ({
    items: await judging.listJudges(request.params.id, staffCtx(request, 'market.write').scope),
  }));
  app.post('/market/seasons/:id/judges', { ...write, schema: { tags, summary: 'Invite a judge by phone', params: idParamsSchema, body: inviteJudgeSchema, response: { 201: judgeSchema } } }, async (request, reply) =>
    reply.status(201).send(await judging.inviteJudge(request.params.id, request.body, staffCtx(request, 'market.write'))),
  );
  app.post('/market/judges/:id/remove', { ...write, schema: { tags, params: idParamsSchema, response: { 200: judgeSchema } } }, async (request) => judging.removeJudge(request.params.id, staffCtx(request, 'market.write')));
  app.post('/market/seasons/:id/assignments', { ...write, schema: { tags, params: idParamsSchema, body: assignmentSchema, response: noContent } }, async (request, reply) => {
    await judging.setAssignment(request.params.id, request.body, staffCtx(request, 'market.write'));
    return reply.status(204).send(null);
  });
  app.post('/market/seasons/:id/recusals', { ...write, schema: { tags, summary: 'Recuse a judge from an entry (staff)', params: idParamsSchema, body: recusalInputSchema, response: noContent } }, async (request, reply) => {
    await judging.addRecusal(request.params.id, request.body, staffCtx(request, 'market.write'));
    return reply.status(204).send(null);
  });
  app.get('/market/seasons/:id/scores', { ...write, schema: { tags, summary: 'Judges × entries: sheets, recusals, assignments', params: idParamsSchema, response: { 200: scoreMatrixSchema } } }, async (request) =>
    judging.scoreMatrix(request.params.id, staffCtx(request, 'market.write').scope),
  );
  app.post('/market/scores/:id/reopen', { ...write, schema: { tags, summary: 'Reopen a sealed sheet, with a reason', params: idParamsSchema, body: reopenScoreSchema, response: noContent } }, async (request, reply) => {
    await judging.reopenScore(request.params.id, request.body.reason, staffCtx(request, 'market.write'));
    return reply.status(204).send(null);
  });

  app.get('/market/seasons/:id/reps', { ...read, schema: { tags, params: idParamsSchema, querystring: pageQuerySchema.extend({ q: z.string().trim().max(40).optional() }), response: { 200: pageOf(repSchema) } } }, async (request) =>
    voting.listReps(request.params.id, request.query, staffCtx(request, 'market.read').scope),
  );
  app.post('/market/seasons/:id/reps', { ...write, schema: { tags, summary: 'List members of your unions as worker representatives', params: idParamsSchema, body: addRepsSchema, response: { 200: addRepsResultSchema } } }, async (request) =>
    voting.addReps(request.params.id, request.body.membershipIds, staffCtx(request, 'market.write')),
  );
  app.post('/market/reps/:id/remove', { ...write, schema: { tags, params: idParamsSchema, response: noContent } }, async (request, reply) => {
    await voting.removeRep(request.params.id, staffCtx(request, 'market.write'));
    return reply.status(204).send(null);
  });

  app.get('/market/seasons/:id/sessions', { ...write, schema: { tags, params: idParamsSchema, response: { 200: z.object({ items: z.array(voteSessionSchema) }) } } }, async (request) => ({
    items: await voting.listSessions(request.params.id, staffCtx(request, 'market.write').scope),
  }));
  app.post('/market/seasons/:id/sessions', { ...write, schema: { tags, summary: 'A voting session at a venue', params: idParamsSchema, body: createVoteSessionSchema, response: { 201: voteSessionSchema } } }, async (request, reply) =>
    reply.status(201).send(await voting.createSession(request.params.id, request.body.venue, staffCtx(request, 'market.write'))),
  );
  app.post('/market/sessions/:id/open', { ...write, schema: { tags, summary: 'The moderator opens voting', params: idParamsSchema, response: noContent } }, async (request, reply) => {
    await voting.setSessionOpen(request.params.id, true, staffCtx(request, 'market.write'));
    return reply.status(204).send(null);
  });
  app.post('/market/sessions/:id/close', { ...write, schema: { tags, summary: 'The moderator closes voting', params: idParamsSchema, response: noContent } }, async (request, reply) => {
    await voting.setSessionOpen(request.params.id, false, staffCtx(request, 'market.write'));
    return reply.status(204).send(null);
  });
  app.get('/market/sessions/:id/code', { ...write, schema: { tags, summary: 'The session’s current check-in code', params: idParamsSchema, response: { 200: checkinCodeSchema } } }, async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    return voting.sessionCode(request.params.id, staffCtx(request, 'market.write').scope);
  });
  app.post('/market/seasons/:id/current', { ...write, schema: { tags, summary: 'The project pitching now', params: idParamsSchema, body: setCurrentEntrySchema, response: noContent } }, async (request, reply) => {
    await voting.setCurrentEntry(request.params.id, request.body.entryId, staffCtx(request, 'market.write'));
    return reply.status(204).send(null);
  });
  app.put('/market/seasons/:id/paper-tallies', { ...write, schema: { tags, summary: 'Paper ballots of a venue', params: idParamsSchema, body: paperTallySchema, response: noContent } }, async (request, reply) => {
    await voting.savePaperTallies(request.params.id, request.body, staffCtx(request, 'market.write'));
    return reply.status(204).send(null);
  });

  const versionBody = z.strictObject({ version: versionSchema });
  app.get('/market/seasons/:id/results', { ...write, schema: { tags, summary: 'The combined result, computed from the stored scores and votes', params: idParamsSchema, response: { 200: seasonResultsSchema } } }, async (request) =>
    results.get(request.params.id, staffCtx(request, 'market.write').scope, lang(request)),
  );
  app.post('/market/seasons/:id/results/confirm', { ...write, schema: { tags, summary: 'Confirm the ranking and prizes (overrides need reasons)', params: idParamsSchema, body: confirmResultsSchema, response: { 200: seasonResultsSchema } } }, async (request) =>
    results.confirm(request.params.id, request.body, staffCtx(request, 'market.write'), lang(request)),
  );
  app.post('/market/seasons/:id/results/reveal', { ...write, schema: { tags, summary: 'Show the ranking on the roadshow screen', params: idParamsSchema, body: versionBody, response: { 200: seasonResultsSchema } } }, async (request) =>
    results.reveal(request.params.id, request.body.version, staffCtx(request, 'market.write'), lang(request)),
  );
  app.post('/market/seasons/:id/results/publish', { ...write, schema: { tags, summary: 'Publish; the winners enter the library', params: idParamsSchema, body: versionBody, response: { 200: seasonResultsSchema } } }, async (request) =>
    results.publish(request.params.id, request.body.version, staffCtx(request, 'market.write'), lang(request)),
  );

  // The provider's side.
  app.get('/market/open-seasons', { ...provider, schema: { tags, summary: 'Seasons of the provider’s district', response: { 200: z.object({ items: z.array(openSeasonSchema) }) } } }, async (request) => ({
    items: await entries.openSeasons(userCtx(request).userId),
  }));
  const myEntrySchema = entrySchema.extend({ season: z.object({ id: z.uuid(), title: z.string(), year: z.number().int(), stage: z.string(), isCallOpen: z.boolean(), callClosesAt: z.string() }), prize: z.number().int().nullable() });
  app.get('/market/my-entries', { ...provider, schema: { tags, summary: 'The provider’s entries with their review and prizes', response: { 200: z.object({ items: z.array(myEntrySchema) }) } } }, async (request) => ({
    items: await entries.listMine(userCtx(request).userId),
  }));
  app.post('/market/seasons/:id/entries', { ...provider, schema: { tags, summary: 'Enter an approved project while the call is open', params: idParamsSchema, body: submitEntrySchema, response: { 201: entrySchema } } }, async (request, reply) =>
    reply.status(201).send(await entries.submit(request.params.id, request.body.projectId, userCtx(request))),
  );
  app.post(
    '/market/my-entries/:id/change',
    { ...provider, schema: { tags, summary: 'Withdraw, or move to the newest approved version (before the call closes)', params: idParamsSchema, body: z.strictObject({ version: versionSchema, action: z.enum(['withdraw', 'refresh']) }), response: { 200: entrySchema } } },
    async (request) => entries.changeMine(request.params.id, request.body, userCtx(request)),
  );
};
