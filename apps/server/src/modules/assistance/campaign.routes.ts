import {
  acknowledgeSchema,
  allocateSchema,
  attachSheetSchema,
  campaignSchema,
  campaignsQuerySchema,
  campaignStatusSchema,
  createCampaignSchema,
  decideDuplicateSchema,
  decideNominationSchema,
  disburseSchema,
  duplicateReviewSchema,
  duplicateReviewsQuerySchema,
  idParamsSchema,
  myCampaignBenefitsSchema,
  nominateSchema,
  nominationSchema,
  nominationsQuerySchema,
  pageOf,
  reallocateSchema,
  updateCampaignSchema,
} from '@niangjia/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireActor, requireScope } from '../../platform/auth';
import type { CampaignService, CampaignStaff } from './campaign.service';

const tags = ['assistance'];

function staff(request: FastifyRequest, permission: 'assistance.read' | 'assistance.write'): CampaignStaff {
  const { actor, scope } = requireScope(request, permission);
  return { userId: actor.userId, displayName: actor.displayName, scope, audit: auditContextOf(request) };
}

/** 帮扶活动: campaigns, allocations down the tree, nominations approved up it, duplicates, disbursement, and the worker's 我的帮扶. */
export const campaignRoutes: FastifyPluginAsyncZod<{ campaigns: CampaignService }> = async (app, { campaigns }) => {
  app.get(
    '/assistance/campaigns',
    { config: { permission: 'assistance.read' }, schema: { tags, summary: 'Campaigns run by unions in the caller’s scope or above it, with figures within the scope', querystring: campaignsQuerySchema, response: { 200: z.array(campaignSchema) } } },
    async (request) => campaigns.listCampaigns(request.query, staff(request, 'assistance.read').scope),
  );
  app.post(
    '/assistance/campaigns',
    { config: { permission: 'assistance.write' }, schema: { tags, summary: 'Set up a campaign (draft): kind, period, budget and funding, benefits, eligibility rules, thresholds', body: createCampaignSchema, response: { 201: campaignSchema } } },
    async (request, reply) => reply.status(201).send(await campaigns.createCampaign(request.body, staff(request, 'assistance.write'))),
  );
  app.get(
    '/assistance/campaigns/mine',
    { config: { permission: 'authenticated' }, schema: { tags, summary: '我的帮扶: what the caller was given (approved, disbursed, acknowledged)', response: { 200: myCampaignBenefitsSchema } } },
    async (request) => campaigns.mine(requireActor(request).userId),
  );
  app.post(
    '/assistance/campaigns/mine/:id/acknowledge',
    { config: { permission: 'authenticated' }, schema: { tags, summary: '签收: the recipient confirms a disbursed benefit, optionally with a drawn signature (PNG, base64)', params: idParamsSchema, body: acknowledgeSchema, response: { 200: nominationSchema } } },
    async (request) => {
      const actor = requireActor(request);
      return campaigns.acknowledge(request.params.id, request.body, { userId: actor.userId, audit: auditContextOf(request) });
    },
  );
  app.get(
    '/assistance/campaigns/:id',
    { config: { permission: 'assistance.read' }, schema: { tags, summary: 'A campaign with its allocations (those in or above the caller’s scope) and figures', params: idParamsSchema, response: { 200: campaignSchema } } },
    async (request) => campaigns.getCampaign(request.params.id, staff(request, 'assistance.read').scope),
  );
  app.post(
    '/assistance/campaigns/:id/status',
    { config: { permission: 'assistance.write' }, schema: { tags, summary: 'Open a drafted campaign for nominations, or close it', params: idParamsSchema, body: campaignStatusSchema, response: { 200: campaignSchema } } },
    async (request) => campaigns.setStatus(request.params.id, request.body, staff(request, 'assistance.write')),
  );
  app.put(
    '/assistance/campaigns/:id',
    { config: { permission: 'assistance.write' }, schema: { tags, summary: 'Change a campaign: a draft in everything but owner and kind; an open one in name, end, budget, funding and thresholds', params: idParamsSchema, body: updateCampaignSchema, response: { 200: campaignSchema } } },
    async (request) => campaigns.updateCampaign(request.params.id, request.body, staff(request, 'assistance.write')),
  );
  app.put(
    '/assistance/campaigns/:id/allocations/:allocationId',
    {
      config: { permission: 'assistance.write' },
      schema: { tags, summary: 'Change a share (by the union above it): more from what that union has left, never less than handed down and spent', params: z.object({ id: z.uuid(), allocationId: z.uuid() }), body: reallocateSchema, response: { 200: campaignSchema } },
    },
    async (request) => campaigns.reallocate(request.params.id, request.params.allocationId, request.body, staff(request, 'assistance.write')),
  );
  app.post(
    '/assistance/campaigns/:id/allocations',
    { config: { permission: 'assistance.write' }, schema: { tags, summary: 'Hand part of a union’s share down to a union below it (never more than it has left)', params: idParamsSchema, body: allocateSchema, response: { 200: campaignSchema } } },
    async (request) => campaigns.allocate(request.params.id, request.body, staff(request, 'assistance.write')),
  );
  app.get(
    '/assistance/campaigns/:id/nominations',
    { config: { permission: 'assistance.read' }, schema: { tags, summary: 'Nominations of the caller’s subtree (all of them for the owner)', params: idParamsSchema, querystring: nominationsQuerySchema, response: { 200: pageOf(nominationSchema) } } },
    async (request) => campaigns.listNominations(request.params.id, request.query, staff(request, 'assistance.read').scope),
  );
  app.post(
    '/assistance/campaigns/:id/nominations',
    { config: { permission: 'assistance.write' }, schema: { tags, summary: 'Nominate an active member within the union’s share (eligibility, duplicates and yearly limit checked)', params: idParamsSchema, body: nominateSchema, response: { 201: nominationSchema } } },
    async (request, reply) => reply.status(201).send(await campaigns.nominate(request.params.id, request.body, staff(request, 'assistance.write'))),
  );
  app.get(
    '/assistance/campaign-nominations/:id',
    { config: { permission: 'assistance.read' }, schema: { tags, summary: 'A nomination with its approval steps', params: idParamsSchema, response: { 200: nominationSchema } } },
    async (request) => campaigns.getNomination(request.params.id, staff(request, 'assistance.read').scope),
  );
  app.get(
    '/assistance/campaign-nominations/:id/signature',
    { config: { permission: 'assistance.read' }, schema: { tags, summary: 'The recipient’s signature drawn on the phone when acknowledging (PNG)', params: idParamsSchema } },
    async (request, reply) => {
      const image = await campaigns.getSignature(request.params.id, staff(request, 'assistance.read').scope);
      return reply.header('content-type', 'image/png').header('cache-control', 'private, max-age=86400').send(image);
    },
  );
  app.post(
    '/assistance/campaign-nominations/:id/decide',
    { config: { permission: 'assistance.write' }, schema: { tags, summary: 'Approve or reject at the current step (the step’s union); the last step charges the share and the budget', params: idParamsSchema, body: decideNominationSchema, response: { 200: nominationSchema } } },
    async (request) => campaigns.decide(request.params.id, request.body, staff(request, 'assistance.write')),
  );
  app.post(
    '/assistance/campaign-nominations/:id/second',
    { config: { permission: 'assistance.write' }, schema: { tags, summary: '复核 above the threshold by someone other than the approvers', params: idParamsSchema, body: decideNominationSchema, response: { 200: nominationSchema } } },
    async (request) => campaigns.second(request.params.id, request.body, staff(request, 'assistance.write')),
  );
  app.post(
    '/assistance/campaign-nominations/:id/disburse',
    { config: { permission: 'assistance.write' }, schema: { tags, summary: 'Record the disbursement (transfer, in person, goods handed over, service delivered)', params: idParamsSchema, body: disburseSchema, response: { 200: nominationSchema } } },
    async (request) => campaigns.disburse(request.params.id, request.body, staff(request, 'assistance.write')),
  );
  app.post(
    '/assistance/campaign-nominations/:id/sheet',
    { config: { permission: 'assistance.write' }, schema: { tags, summary: 'Attach a photo of the signed sheet (签收表) as the acknowledgement', params: idParamsSchema, body: attachSheetSchema, response: { 200: nominationSchema } } },
    async (request) => campaigns.attachSheet(request.params.id, request.body, staff(request, 'assistance.write')),
  );
  app.get(
    '/assistance/campaign-reviews',
    { config: { permission: 'assistance.read' }, schema: { tags, summary: 'The possible-duplicate queue of the caller’s scope (undecided by default)', querystring: duplicateReviewsQuerySchema, response: { 200: pageOf(duplicateReviewSchema) } } },
    async (request) => campaigns.listReviews(request.query, staff(request, 'assistance.read').scope),
  );
  app.post(
    '/assistance/campaign-reviews/:id/decide',
    { config: { permission: 'assistance.write' }, schema: { tags, summary: 'Mark a possible duplicate 同一人 (same) or 不同人 (different); the decision is kept', params: idParamsSchema, body: decideDuplicateSchema, response: { 200: duplicateReviewSchema } } },
    async (request) => campaigns.decideReview(request.params.id, request.body, staff(request, 'assistance.write')),
  );
};
