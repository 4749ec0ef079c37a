import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireActor, requireScope, scopeOf } from '../../platform/auth';
import { langOf } from '../../platform/error-handler';
import type { StaffCtx, WorkerCtx } from './events.shared';

/** What every route file of the events module declares alike: its OpenAPI tag, permissions and callers. */
export const tags = ['events'];
export const read = { config: { permission: 'event.read' as const } };
export const write = { config: { permission: 'event.write' as const } };
export const signedIn = { config: { permission: 'authenticated' as const } };
export const regParams = z.object({ id: z.uuid(), registrationId: z.uuid() });

/** Staff acting with `permission` (refused without it), with both their read and write scopes. */
export function staffOf(request: FastifyRequest, permission: 'event.read' | 'event.write'): StaffCtx {
  const { actor } = requireScope(request, permission);
  return { userId: actor.userId, read: scopeOf(actor, 'event.read'), write: scopeOf(actor, 'event.write'), audit: auditContextOf(request), lang: langOf(request) };
}

/** A signed-in person acting for themself (a worker on the phone, a judge). */
export function workerOf(request: FastifyRequest): WorkerCtx {
  const actor = requireActor(request);
  return { userId: actor.userId, displayName: actor.displayName, audit: auditContextOf(request), lang: langOf(request) };
}
