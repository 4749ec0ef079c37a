import type { Permission } from '@niangjia/contracts';
import type { FastifyRequest } from 'fastify';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireActor, requireScope, scopeOf } from '../../platform/auth';
import { langOf } from '../../platform/error-handler';
import type { StaffCtx, UserCtx } from './shared';

/** The staff member, their scope for the permission and the audit context. */
export const staffCtx = (request: FastifyRequest, permission: Permission): StaffCtx => ({ ...requireScope(request, permission), audit: auditContextOf(request) });

/** Anyone signed in acting for themself. */
export const userCtx = (request: FastifyRequest): UserCtx => ({ userId: requireActor(request).userId, audit: auditContextOf(request) });

/** A signed-in viewer of orders: their own, their provider's, or those in their staff scope. */
export const viewerOf = (request: FastifyRequest) => {
  const actor = requireActor(request);
  return { userId: actor.userId, scope: scopeOf(actor, 'market.read'), orderScope: scopeOf(actor, 'market.order'), audit: auditContextOf(request) };
};

export const lang = (request: FastifyRequest) => langOf(request);

