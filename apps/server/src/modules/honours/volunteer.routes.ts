import {
  addVolunteerMemberSchema,
  addVolunteerParticipantSchema,
  cancelVolunteerActivitySchema,
  confirmVolunteerHoursSchema,
  createVolunteerActivitySchema,
  createVolunteerTeamSchema,
  idParamsSchema,
  myVolunteerSchema,
  pageOf,
  updateVolunteerActivitySchema,
  updateVolunteerTeamSchema,
  volunteerActivitiesQuerySchema,
  volunteerActivitySchema,
  volunteerCertificateQuerySchema,
  volunteerParticipantsSchema,
  volunteerTeamDetailSchema,
  volunteerTeamSchema,
  volunteerTeamsQuerySchema,
} from '@niangjia/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireActor } from '../../platform/auth';
import { sendDownload } from '../../platform/xlsx-reply';
import { honoursStaff } from './honours.routes';
import type { VolunteerService, VolunteerWorker } from './volunteer.service';

const tags = ['honours'];
const read = { config: { permission: 'honours.read' as const } };
const write = { config: { permission: 'honours.write' as const } };
const signedIn = { config: { permission: 'authenticated' as const } };
const worker = (request: FastifyRequest): VolunteerWorker => ({ userId: requireActor(request).userId, audit: auditContextOf(request) });
const memberParams = z.object({ id: z.uuid(), personId: z.uuid() });

/** 志愿服务: teams, activities and hours served in the console; my teams, sign-up and my certificate on the phone. */
export const volunteerRoutes: FastifyPluginAsyncZod<{ volunteers: VolunteerService }> = async (app, { volunteers }) => {
  app.get('/honours/volunteer/teams', { ...read, schema: { tags, summary: 'Volunteer teams of unions in the caller’s scope', querystring: volunteerTeamsQuerySchema, response: { 200: pageOf(volunteerTeamSchema) } } }, async (request) =>
    volunteers.listTeams(request.query, honoursStaff(request, 'honours.read').scope),
  );
  app.post('/honours/volunteer/teams', { ...write, schema: { tags, summary: 'Set up a volunteer team of a union in scope with its leader', body: createVolunteerTeamSchema, response: { 201: volunteerTeamSchema } } }, async (request, reply) =>
    reply.status(201).send(await volunteers.createTeam(request.body, honoursStaff(request, 'honours.write'))),
  );
  app.get('/honours/volunteer/teams/:id', { ...read, schema: { tags, summary: 'A volunteer team with its members and applicants', params: idParamsSchema, response: { 200: volunteerTeamDetailSchema } } }, async (request) =>
    volunteers.getTeam(request.params.id, honoursStaff(request, 'honours.read').scope),
  );
  app.put('/honours/volunteer/teams/:id', { ...write, schema: { tags, summary: 'Edit a team: name, description, and its union (within the caller’s scope and the district)', params: idParamsSchema, body: updateVolunteerTeamSchema, response: { 200: volunteerTeamSchema } } }, async (request) =>
    volunteers.updateTeam(request.params.id, request.body, honoursStaff(request, 'honours.write')),
  );
  app.post('/honours/volunteer/teams/:id/dissolve', { ...write, schema: { tags, summary: 'Dissolve a team with no activities ahead (its history stays)', params: idParamsSchema, response: { 200: volunteerTeamSchema } } }, async (request) =>
    volunteers.dissolveTeam(request.params.id, honoursStaff(request, 'honours.write')),
  );
  app.post('/honours/volunteer/teams/:id/members', { ...write, schema: { tags, summary: 'Add an active member of a union in scope to the team', params: idParamsSchema, body: addVolunteerMemberSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await volunteers.addMember(request.params.id, request.body.membershipId, honoursStaff(request, 'honours.write'));
    return reply.status(204).send(null);
  });
  app.post('/honours/volunteer/teams/:id/members/:personId/approve', { ...write, schema: { tags, summary: 'Approve a worker’s application to join the team', params: memberParams, response: { 204: z.null() } } }, async (request, reply) => {
    await volunteers.approveMember(request.params.id, request.params.personId, honoursStaff(request, 'honours.write'));
    return reply.status(204).send(null);
  });
  app.delete('/honours/volunteer/teams/:id/members/:personId', { ...write, schema: { tags, summary: 'Reject an application or remove a member (not the leader)', params: memberParams, response: { 204: z.null() } } }, async (request, reply) => {
    await volunteers.removeMember(request.params.id, request.params.personId, honoursStaff(request, 'honours.write'));
    return reply.status(204).send(null);
  });
  app.get('/honours/volunteer/activities', { ...read, schema: { tags, summary: 'Volunteer activities of teams in the caller’s scope', querystring: volunteerActivitiesQuerySchema, response: { 200: pageOf(volunteerActivitySchema) } } }, async (request) =>
    volunteers.listActivities(request.query, honoursStaff(request, 'honours.read').scope),
  );
  app.post('/honours/volunteer/activities', { ...write, schema: { tags, summary: 'Publish an activity of a team in scope: time window, place, headcount', body: createVolunteerActivitySchema, response: { 201: volunteerActivitySchema } } }, async (request, reply) =>
    reply.status(201).send(await volunteers.createActivity(request.body, honoursStaff(request, 'honours.write'))),
  );
  app.put(
    '/honours/volunteer/activities/:id',
    { ...write, schema: { tags, summary: 'Edit an open activity: times only before it starts, headcount never below those signed up', params: idParamsSchema, body: updateVolunteerActivitySchema, response: { 200: volunteerActivitySchema } } },
    async (request) => volunteers.updateActivity(request.params.id, request.body, honoursStaff(request, 'honours.write')),
  );
  app.post(
    '/honours/volunteer/activities/:id/cancel',
    { ...write, schema: { tags, summary: 'Cancel an activity before it starts, with a reason every volunteer signed up is told', params: idParamsSchema, body: cancelVolunteerActivitySchema, response: { 200: volunteerActivitySchema } } },
    async (request) => volunteers.cancelActivity(request.params.id, request.body, honoursStaff(request, 'honours.write')),
  );
  app.get('/honours/volunteer/activities/:id/participants', { ...read, schema: { tags, summary: 'Those signed up for an activity, with their confirmed hours', params: idParamsSchema, response: { 200: volunteerParticipantsSchema } } }, async (request) =>
    volunteers.participants(request.params.id, honoursStaff(request, 'honours.read').scope),
  );
  app.post(
    '/honours/volunteer/activities/:id/participants',
    { ...write, schema: { tags, summary: 'Add a team member who served without signing up, once the activity has started (补录)', params: idParamsSchema, body: addVolunteerParticipantSchema, response: { 200: volunteerParticipantsSchema } } },
    async (request) => volunteers.addParticipant(request.params.id, request.body.personId, honoursStaff(request, 'honours.write')),
  );
  app.post(
    '/honours/volunteer/activities/:id/hours',
    { ...write, schema: { tags, summary: 'Confirm the hours served per participant after the activity (at most its length; absent = 0)', params: idParamsSchema, body: confirmVolunteerHoursSchema, response: { 200: volunteerParticipantsSchema } } },
    async (request) => volunteers.confirmHours(request.params.id, request.body, honoursStaff(request, 'honours.write')),
  );
  app.get(
    '/honours/volunteer/persons/:id/certificate',
    { ...read, schema: { tags, summary: 'A certificate (PDF) of a volunteer’s hours served in activities of the caller’s scope, in a year or in total', params: idParamsSchema, querystring: volunteerCertificateQuerySchema } },
    async (request, reply) => {
      const { pdf, fileName } = await volunteers.staffCertificate(request.params.id, request.query.year, honoursStaff(request, 'honours.read'));
      return sendDownload(reply, 'application/pdf', pdf, fileName, 'certificate.pdf');
    },
  );

  // ---- the worker's side ----
  app.get('/honours/volunteer/my', { ...signedIn, schema: { tags, summary: '我的志愿服务: teams I may join, activities of my teams, my hours', response: { 200: myVolunteerSchema } } }, async (request) => volunteers.mine(requireActor(request).userId));
  app.post('/honours/volunteer/teams/:id/join', { ...signedIn, schema: { tags, summary: 'Apply to join a team of my union or a union above it', params: idParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await volunteers.join(request.params.id, worker(request));
    return reply.status(204).send(null);
  });
  app.post('/honours/volunteer/activities/:id/signup', { ...signedIn, schema: { tags, summary: 'Sign up for an activity of my team, up to its headcount', params: idParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await volunteers.signUp(request.params.id, worker(request));
    return reply.status(204).send(null);
  });
  app.delete('/honours/volunteer/activities/:id/signup', { ...signedIn, schema: { tags, summary: 'Cancel my sign-up before the activity starts', params: idParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await volunteers.cancel(request.params.id, worker(request));
    return reply.status(204).send(null);
  });
  app.get('/honours/volunteer/my/certificate', { ...signedIn, schema: { tags, summary: '我的志愿服务证明 (PDF): my confirmed hours, in a year or in total', querystring: volunteerCertificateQuerySchema } }, async (request, reply) => {
    const { pdf, fileName } = await volunteers.myCertificate(requireActor(request).userId, request.query.year);
    return sendDownload(reply, 'application/pdf', pdf, fileName, 'certificate.pdf');
  });
};
