import type { FastifyRequest } from 'fastify';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireActor, scopeOf } from '../../platform/auth';
import type { RightsStaff, RightsWorker } from './rights.shared';

export const tags = ['rights'];

/** The signed-in staff member with their rights scopes (read, write, manage). */
export function staffOf(request: FastifyRequest): RightsStaff {
  const actor = requireActor(request);
  return { userId: actor.userId, name: actor.displayName, read: scopeOf(actor, 'rights.read'), write: scopeOf(actor, 'rights.write'), manage: scopeOf(actor, 'rights.manage'), audit: auditContextOf(request) };
}

export function workerOf(request: FastifyRequest): RightsWorker {
  return { userId: requireActor(request).userId, audit: auditContextOf(request) };
}
