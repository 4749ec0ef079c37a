import {
  partnerActivitySchema,
  advancePartnerReferralSchema,
  partnerAgreementSchema,
  createPartnerActivitySchema,
  createPartnerAgreementSchema,
  createPartnerSchema,
  createPartnerReferralSchema,
  partnerExpiringQuerySchema,
  idParamsSchema,
  linkPartnerStationSchema,
  pageOf,
  partnerDetailSchema,
  partnerSchema,
  partnersQuerySchema,
  partnerStationSchema,
  partnerReferralSchema,
  partnerReferralsQuerySchema,
  publicPartnerSchema,
  stationPartnersQuerySchema,
  updatePartnerSchema,
  updatePartnerAgreementSchema,
  terminatePartnerAgreementSchema,
  updatePartnerActivitySchema,
  updatePartnerStationSchema,
  partnerStationParamsSchema,
  revealedPartnerPhoneSchema,
} from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth';
import { honoursStaff } from './honours.routes';
import type { PartnerService } from './partner.service';

const tags = ['honours'];
const read = { config: { permission: 'honours.read' as const } };
const write = { config: { permission: 'honours.write' as const } };
const signedIn = { config: { permission: 'authenticated' as const } };

/** 1+N 合作联盟: partners of the union, their agreements, joint activities, co-built stations and referrals, in the console. */
export const partnerRoutes: FastifyPluginAsyncZod<{ partners: PartnerService }> = async (app, { partners }) => {
  app.get('/honours/partners', { ...read, schema: { tags, summary: 'Partners (1+N 合作联盟) of unions in the caller’s scope, phones masked', querystring: partnersQuerySchema, response: { 200: pageOf(partnerSchema) } } }, async (request) =>
    partners.list(request.query, honoursStaff(request, 'honours.read').scope),
  );
  app.post('/honours/partners', { ...write, schema: { tags, summary: 'Register a partner of a union in scope', body: createPartnerSchema, response: { 201: partnerSchema } } }, async (request, reply) =>
    reply.status(201).send(await partners.create(request.body, honoursStaff(request, 'honours.write'))),
  );
  app.get('/honours/partners/expiring', { ...read, schema: { tags, summary: 'Agreements in force that end within 30 days', querystring: partnerExpiringQuerySchema, response: { 200: z.array(partnerAgreementSchema) } } }, async (request) =>
    partners.listExpiring(request.query, honoursStaff(request, 'honours.read').scope),
  );
  app.get('/honours/partner-stations', { ...read, schema: { tags, summary: 'The partners that co-built a station', querystring: stationPartnersQuerySchema, response: { 200: z.array(partnerStationSchema) } } }, async (request) =>
    partners.listStationPartners(request.query.positionId, honoursStaff(request, 'honours.read').scope),
  );
  app.get('/honours/partners/mine', { ...signedIn, schema: { tags, summary: 'The partners of the caller’s district and their services (the phone’s list; no contacts)', response: { 200: z.array(publicPartnerSchema) } } }, async (request) =>
    partners.listForWorker(requireActor(request).userId),
  );
  app.get('/honours/partners/:id', { ...read, schema: { tags, summary: 'A partner with its agreements, joint activities, stations and referrals', params: idParamsSchema, response: { 200: partnerDetailSchema } } }, async (request) =>
    partners.get(request.params.id, honoursStaff(request, 'honours.read').scope),
  );
  app.put('/honours/partners/:id', { ...write, schema: { tags, summary: 'Change a partner or end the partnership', params: idParamsSchema, body: updatePartnerSchema, response: { 200: partnerSchema } } }, async (request) =>
    partners.update(request.params.id, request.body, honoursStaff(request, 'honours.write')),
  );
  app.post('/honours/partners/:id/agreements', { ...write, schema: { tags, summary: 'Record a cooperation agreement with its dates', params: idParamsSchema, body: createPartnerAgreementSchema, response: { 201: partnerAgreementSchema } } }, async (request, reply) =>
    reply.status(201).send(await partners.addAgreement(request.params.id, request.body, honoursStaff(request, 'honours.write'))),
  );
  app.post('/honours/partners/:id/activities', { ...write, schema: { tags, summary: 'Record a joint activity, optionally an existing event', params: idParamsSchema, body: createPartnerActivitySchema, response: { 201: partnerActivitySchema } } }, async (request, reply) =>
    reply.status(201).send(await partners.addActivity(request.params.id, request.body, honoursStaff(request, 'honours.write'))),
  );
  app.post('/honours/partners/:id/stations', { ...write, schema: { tags, summary: 'Link a station the partner co-built, with its contribution', params: idParamsSchema, body: linkPartnerStationSchema, response: { 201: partnerStationSchema } } }, async (request, reply) =>
    reply.status(201).send(await partners.linkStation(request.params.id, request.body, honoursStaff(request, 'honours.write'))),
  );
  app.post('/honours/partners/:id/reveal-phone', { ...read, schema: { tags, summary: 'The contact’s full phone (查看), audited as a read of personal data', params: idParamsSchema, response: { 200: revealedPartnerPhoneSchema } } }, async (request) =>
    partners.revealPhone(request.params.id, honoursStaff(request, 'honours.read')),
  );
  app.put('/honours/partner-agreements/:id', { ...write, schema: { tags, summary: 'Change an agreement’s title, dates and terms', params: idParamsSchema, body: updatePartnerAgreementSchema, response: { 200: partnerAgreementSchema } } }, async (request) =>
    partners.updateAgreement(request.params.id, request.body, honoursStaff(request, 'honours.write')),
  );
  app.post('/honours/partner-agreements/:id/terminate', { ...write, schema: { tags, summary: 'Terminate an agreement early, with the reason (已终止)', params: idParamsSchema, body: terminatePartnerAgreementSchema, response: { 200: partnerAgreementSchema } } }, async (request) =>
    partners.terminateAgreement(request.params.id, request.body, honoursStaff(request, 'honours.write')),
  );
  app.put('/honours/partner-activities/:id', { ...write, schema: { tags, summary: 'Change a joint activity', params: idParamsSchema, body: updatePartnerActivitySchema, response: { 200: partnerActivitySchema } } }, async (request) =>
    partners.updateActivity(request.params.id, request.body, honoursStaff(request, 'honours.write')),
  );
  app.delete('/honours/partner-activities/:id', { ...write, schema: { tags, summary: 'Remove a joint activity recorded by mistake', params: idParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await partners.removeActivity(request.params.id, honoursStaff(request, 'honours.write'));
    return reply.status(204).send(null);
  });
  app.put('/honours/partners/:id/stations/:positionId', { ...write, schema: { tags, summary: 'Change what the partner gave a co-built station', params: partnerStationParamsSchema, body: updatePartnerStationSchema, response: { 200: partnerStationSchema } } }, async (request) =>
    partners.updateStation(request.params.id, request.params.positionId, request.body, honoursStaff(request, 'honours.write')),
  );
  app.delete('/honours/partners/:id/stations/:positionId', { ...write, schema: { tags, summary: 'Unlink a co-built station', params: partnerStationParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await partners.unlinkStation(request.params.id, request.params.positionId, honoursStaff(request, 'honours.write'));
    return reply.status(204).send(null);
  });
  app.get('/honours/partner-referrals', { ...read, schema: { tags, summary: 'Referrals between partners in the caller’s scope', querystring: partnerReferralsQuerySchema, response: { 200: pageOf(partnerReferralSchema) } } }, async (request) =>
    partners.listReferrals(request.query, honoursStaff(request, 'honours.read').scope),
  );
  app.post('/honours/partner-referrals', { ...write, schema: { tags, summary: 'Refer a worker’s need from one partner to another (the name is kept masked)', body: createPartnerReferralSchema, response: { 201: partnerReferralSchema } } }, async (request, reply) =>
    reply.status(201).send(await partners.refer(request.body, honoursStaff(request, 'honours.write'))),
  );
  app.post('/honours/partner-referrals/:id/advance', { ...write, schema: { tags, summary: 'Move a referral on: 已受理 or 已办结', params: idParamsSchema, body: advancePartnerReferralSchema, response: { 200: partnerReferralSchema } } }, async (request) =>
    partners.advanceReferral(request.params.id, request.body, honoursStaff(request, 'honours.write')),
  );
};
