import {
  applyMembershipSchema,
  cardVerificationSchema,
  memberCardSchema,
  myMembershipSchema,
  registerPersonSchema,
  unionSuggestionSchema,
  unionSuggestionsQuerySchema,
  verifyCardQuerySchema,
  withdrawApplicationSchema,
} from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireActor } from '../../platform/auth';
import type { JoiningService } from './joining.service';

const tags = ['members'];

/** The worker's side of membership (H5 /m): apply, see my status and card; and the card check. */
export const joiningRoutes: FastifyPluginAsyncZod<{ joining: JoiningService }> = async (app, { joining }) => {
  app.post(
    '/members/applications',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'Apply to join a union with real-name data (signed-in worker)', body: applyMembershipSchema, response: { 200: myMembershipSchema, 201: myMembershipSchema } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { mine, isClaim } = await joining.apply(request.body, { userId: actor.userId, audit: auditContextOf(request) });
      // 200 when the worker was already a member (entered by their union) and only the account was linked.
      return reply.status(isClaim ? 200 : 201).send(mine);
    },
  );

  app.post(
    '/members/me/person',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'Save my real name without joining (smart-station doors need a real name)', body: registerPersonSchema, response: { 200: myMembershipSchema } } },
    async (request) => {
      const actor = requireActor(request);
      return joining.registerPerson(request.body, { userId: actor.userId, audit: auditContextOf(request) });
    },
  );

  app.post(
    '/members/me/application/withdraw',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'Withdraw my application while it waits for review', body: withdrawApplicationSchema, response: { 200: myMembershipSchema } } },
    async (request) => {
      const actor = requireActor(request);
      return joining.withdraw(request.body.version, { userId: actor.userId, audit: auditContextOf(request) });
    },
  );

  app.get(
    '/members/me',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'My person record (masked) and my membership or application status', response: { 200: myMembershipSchema } } },
    async (request) => joining.getMine(requireActor(request).userId),
  );

  app.get(
    '/members/me/card',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'My electronic membership card with a signed QR token', response: { 200: memberCardSchema } } },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return joining.getCard(requireActor(request).userId);
    },
  );

  app.get(
    '/members/union-suggestions',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'Unions to join: by employer credit code or name, and the street’s joint union for gig workers', querystring: unionSuggestionsQuerySchema, response: { 200: z.array(unionSuggestionSchema) } },
    },
    async (request) => joining.suggestUnions(request.query),
  );

  app.get(
    '/members/verify',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'Check a scanned membership card: valid or not, name and union only', querystring: verifyCardQuerySchema, response: { 200: cardVerificationSchema } },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return joining.verifyCard(request.query.token);
    },
  );
};
