import {
  figuresQuerySchema,
  handleWarningSchema,
  idParamsSchema,
  listMonitoringPointsQuerySchema,
  listRatingsQuerySchema,
  listTeamQuerySchema,
  listWarningsQuerySchema,
  monitoringPointInputSchema,
  monitoringPointSchema,
  monitoringReportSchema,
  myMonitoringPointSchema,
  orgQuerySchema,
  overdueBoardSchema,
  pageOf,
  ratingInputSchema,
  ratingSchema,
  reminderSchema,
  reviewRatingSchema,
  rightsFiguresSchema,
  rightsSettingsSchema,
  saveRightsSettingsSchema,
  submitReportSchema,
  teamCountsSchema,
  teamMemberInputSchema,
  teamMemberSchema,
  updateMonitoringPointSchema,
  updateTeamMemberSchema,
  warningSchema,
} from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RightsFiguresService } from './figures.service';
import type { MonitoringService } from './monitoring.service';
import type { RatingsService } from './ratings.service';
import type { RemindersService } from './reminders.service';
import { notFound } from '../../platform/errors';
import { staffOf, tags, workerOf } from './routes.shared';

const quarterParams = z.object({ id: z.uuid(), quarter: z.string().regex(/^\d{4}Q[1-4]$/, { error: 'RIGHTS_QUARTER_FORMAT' }) });
const pointDetail = z.object({ point: monitoringPointSchema, reports: z.array(monitoringReportSchema) });

/** Monitoring points and warnings, the 三员 rosters, ratings, settings, figures, the overdue board, reminders. */
export const monitoringRoutes: FastifyPluginAsyncZod<{ monitoring: MonitoringService; ratings: RatingsService; figures: RightsFiguresService; reminders: RemindersService }> = async (app, { monitoring, ratings, figures, reminders }) => {
  app.get('/rights/team-members', { config: { permission: 'rights.read' }, schema: { tags, summary: 'The 三员 rosters in scope', querystring: listTeamQuerySchema, response: { 200: pageOf(teamMemberSchema) } } }, async (request) =>
    monitoring.listTeam(request.query, staffOf(request)),
  );
  app.get('/rights/team-members/counts', { config: { permission: 'rights.read' }, schema: { tags, summary: 'Active members of each team', querystring: z.object({ orgId: z.uuid().optional() }), response: { 200: teamCountsSchema } } }, async (request) =>
    monitoring.teamCounts(request.query.orgId, staffOf(request)),
  );
  app.post('/rights/team-members', { config: { permission: 'rights.write' }, schema: { tags, body: teamMemberInputSchema, response: { 201: teamMemberSchema } } }, async (request, reply) =>
    reply.status(201).send(await monitoring.addTeamMember(request.body, staffOf(request))),
  );
  app.patch('/rights/team-members/:id', { config: { permission: 'rights.write' }, schema: { tags, params: idParamsSchema, body: updateTeamMemberSchema, response: { 200: teamMemberSchema } } }, async (request) =>
    monitoring.updateTeamMember(request.params.id, request.body, staffOf(request)),
  );

  app.get('/rights/monitoring-points', { config: { permission: 'rights.read' }, schema: { tags, summary: 'Monitoring points in scope, with the quarter due (overdue=true: the overdue list)', querystring: listMonitoringPointsQuerySchema, response: { 200: pageOf(monitoringPointSchema) } } }, async (request) =>
    monitoring.listPoints(request.query, staffOf(request)),
  );
  app.post('/rights/monitoring-points', { config: { permission: 'rights.write' }, schema: { tags, body: monitoringPointInputSchema, response: { 201: pointDetail } } }, async (request, reply) =>
    reply.status(201).send(await monitoring.addPoint(request.body, staffOf(request))),
  );
  app.get('/rights/monitoring-points/:id', { config: { permission: 'rights.read' }, schema: { tags, params: idParamsSchema, response: { 200: pointDetail } } }, async (request) => monitoring.getPoint(request.params.id, staffOf(request)));
  app.patch('/rights/monitoring-points/:id', { config: { permission: 'rights.write' }, schema: { tags, params: idParamsSchema, body: updateMonitoringPointSchema, response: { 200: pointDetail } } }, async (request) =>
    monitoring.updatePoint(request.params.id, request.body, staffOf(request)),
  );
  app.put('/rights/monitoring-points/:id/reports/:quarter', { config: { permission: 'rights.write' }, schema: { tags, summary: 'Enter a quarterly form for the point; thresholds raise warnings', params: quarterParams, body: submitReportSchema, response: { 200: pointDetail } } }, async (request) =>
    monitoring.submitAsStaff(request.params.id, request.params.quarter, request.body, staffOf(request)),
  );
  app.get('/rights/my/monitoring-points', { config: { permission: 'authenticated' }, schema: { tags, summary: 'The points I am the informant of (by my phone on the 三员 roster)', response: { 200: z.array(myMonitoringPointSchema) } } }, async (request) =>
    monitoring.myPoints(workerOf(request)),
  );
  app.put('/rights/my/monitoring-points/:id/reports/:quarter', { config: { permission: 'authenticated' }, schema: { tags, summary: 'The informant files the quarterly form from the phone', params: quarterParams, body: submitReportSchema, response: { 200: myMonitoringPointSchema } } }, async (request) =>
    monitoring.submitAsInformant(request.params.id, request.params.quarter, request.body, workerOf(request)),
  );
  app.get('/rights/warnings', { config: { permission: 'rights.read' }, schema: { tags, summary: 'Early warnings for the unions in scope (open first)', querystring: listWarningsQuerySchema, response: { 200: pageOf(warningSchema) } } }, async (request) =>
    monitoring.listWarnings(request.query, staffOf(request)),
  );
  app.post('/rights/warnings/:id/handle', { config: { permission: 'rights.write' }, schema: { tags, params: idParamsSchema, body: handleWarningSchema, response: { 200: warningSchema } } }, async (request) =>
    monitoring.handleWarning(request.params.id, request.body.note, staffOf(request)),
  );

  app.get('/rights/ratings', { config: { permission: 'rights.read' }, schema: { tags, summary: '和谐劳动关系企业 applications', querystring: listRatingsQuerySchema, response: { 200: pageOf(ratingSchema) } } }, async (request) => ratings.list(request.query, staffOf(request)));
  app.post('/rights/ratings', { config: { permission: 'rights.write' }, schema: { tags, summary: 'Apply for a year (disqualified at once if the enterprise had a warning or failed case that year)', body: ratingInputSchema, response: { 201: ratingSchema } } }, async (request, reply) =>
    reply.status(201).send(await ratings.apply(request.body, staffOf(request))),
  );
  app.get('/rights/ratings/:id', { config: { permission: 'rights.read' }, schema: { tags, params: idParamsSchema, response: { 200: ratingSchema } } }, async (request) => ratings.get(request.params.id, staffOf(request)));
  app.post('/rights/ratings/:id/review', { config: { permission: 'rights.manage' }, schema: { tags, params: idParamsSchema, body: reviewRatingSchema, response: { 200: ratingSchema } } }, async (request) =>
    ratings.review(request.params.id, request.body, staffOf(request)),
  );

  app.get('/rights/settings', { config: { permission: 'rights.read' }, schema: { tags, summary: 'Acceptance days, report due day and warning thresholds that apply to an org', querystring: orgQuerySchema, response: { 200: rightsSettingsSchema } } }, async (request) =>
    figures.settings(request.query.orgId, staffOf(request)),
  );
  app.put('/rights/settings', { config: { permission: 'rights.manage' }, schema: { tags, summary: 'A district sets its own', querystring: orgQuerySchema, body: saveRightsSettingsSchema, response: { 200: rightsSettingsSchema } } }, async (request) =>
    figures.saveSettings(request.query.orgId, request.body, staffOf(request)),
  );
  app.get('/rights/figures', { config: { permission: 'rights.read' }, schema: { tags, summary: 'Consultations, cases received/accepted/mediated/successful, amounts, workers helped, overdue — by period and subtree', querystring: figuresQuerySchema, response: { 200: rightsFiguresSchema } } }, async (request) =>
    figures.figures(request.query, staffOf(request)),
  );
  app.get('/rights/overdue', { config: { permission: 'rights.read' }, schema: { tags, summary: 'The overdue board of a subtree (counts per union; rows for the cases you may open)', querystring: z.object({ orgId: z.uuid().optional() }), response: { 200: overdueBoardSchema } } }, async (request) =>
    reminders.overdue(staffOf(request), request.query.orgId),
  );
  app.get('/rights/reminders/mine', { config: { permission: 'rights.read' }, schema: { tags, summary: 'My deadline reminders', response: { 200: z.array(reminderSchema) } } }, async (request) => reminders.mine(staffOf(request)));
  app.post('/rights/reminders/:id/read', { config: { permission: 'rights.read' }, schema: { tags, params: idParamsSchema } }, async (request, reply) => {
    // Another person's reminder is not theirs to see: 404, as the authorisation matrix says.
    if (!(await reminders.markRead(request.params.id, staffOf(request)))) throw notFound('ENTITY_reminder');
    return reply.status(204).send();
  });
};
