import {
  changePasswordSchema,
  createUserSchema,
  grantRoleSchema,
  idParamsSchema,
  listUsersQuerySchema,
  loginSchema,
  meSchema,
  pageOf,
  resetPasswordSchema,
  sessionInfoSchema,
  smsCodeRequestSchema,
  smsCodeResponseSchema,
  smsLoginSchema,
  updateUserSchema,
  userSchema,
} from '@niangjia/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config';
import { auditContextOf } from '../../platform/audit/audit.service';
import { hasPermission, requireActor, requireScope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import type { AuthService, RequestMeta, SignedIn } from './auth.service';
import type { UsersService } from './users.service';

export const SESSION_COOKIE = 'nj_sid';

type Deps = { auth: AuthService; users: UsersService; config: Config };

function metaOf(request: FastifyRequest): RequestMeta {
  return { ip: request.ip, userAgent: request.headers['user-agent'], audit: auditContextOf(request) };
}

function setSessionCookie(reply: FastifyReply, config: Config, signedIn: SignedIn) {
  void reply.setCookie(SESSION_COOKIE, signedIn.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.session.cookieSecure,
    path: '/',
    maxAge: signedIn.maxAgeSeconds,
  });
}

export const authRoutes: FastifyPluginAsyncZod<Deps> = async (app, { auth, config }) => {
  const tags = ['auth'];

  app.post(
    '/auth/login',
    { config: { permission: 'public' }, schema: { tags, summary: 'Staff sign-in with username or phone + password', body: loginSchema, response: { 200: meSchema } } },
    async (request, reply) => {
      const signedIn = await auth.login(request.body.login, request.body.password, metaOf(request));
      setSessionCookie(reply, config, signedIn);
      return signedIn.me;
    },
  );

  app.post(
    '/auth/sms-code',
    { config: { permission: 'public' }, schema: { tags, summary: 'Send a one-time sign-in code by SMS', body: smsCodeRequestSchema, response: { 200: smsCodeResponseSchema } } },
    async (request) => auth.sendSmsCode(request.body.phone, metaOf(request)),
  );

  app.post(
    '/auth/sms-login',
    { config: { permission: 'public' }, schema: { tags, summary: 'Worker sign-in with phone + code', body: smsLoginSchema, response: { 200: meSchema } } },
    async (request, reply) => {
      const signedIn = await auth.smsLogin(request.body.phone, request.body.code, metaOf(request), request.body.privacyPolicyVersion);
      setSessionCookie(reply, config, signedIn);
      return signedIn.me;
    },
  );

  app.post(
    '/auth/logout',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'Sign out (revokes this session)', response: { 204: z.null() } } },
    async (request, reply) => {
      await auth.logout(requireActor(request).sessionId);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'The signed-in user, roles, permissions and CSRF token', response: { 200: meSchema } } },
    async (request) => {
      const actor = requireActor(request);
      return auth.buildMe({ id: actor.userId, username: actor.username, displayName: actor.displayName, phone: request.userPhone ?? null }, actor.csrfToken);
    },
  );

  app.post(
    '/auth/password',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'Change my password', body: changePasswordSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await auth.changePassword(requireActor(request), request.body.currentPassword, request.body.newPassword, auditContextOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/sessions',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'My live sessions', response: { 200: z.array(sessionInfoSchema) } } },
    async (request) => auth.listSessions(requireActor(request)),
  );

  app.delete(
    '/auth/sessions/:id',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'Revoke one of my sessions', params: z.object({ id: z.string().min(1).max(64) }), response: { 204: z.null() } } },
    async (request, reply) => {
      if (!(await auth.revokeOwnSession(requireActor(request), request.params.id))) throw notFound('ENTITY_session');
      return reply.status(204).send(null);
    },
  );
};

export const usersRoutes: FastifyPluginAsyncZod<Deps> = async (app, { users }) => {
  const tags = ['users'];
  const ctx = (request: FastifyRequest, permission: 'user.read' | 'user.write' | 'personal_data.reveal') => {
    const { actor, scope } = requireScope(request, permission);
    return { actor, scope, audit: auditContextOf(request) };
  };

  app.get(
    '/users',
    { config: { permission: 'user.read' }, schema: { tags, summary: 'Users holding roles in my scope', querystring: listUsersQuerySchema, response: { 200: pageOf(userSchema) } } },
    async (request) => users.listUsers(request.query, ctx(request, 'user.read').scope),
  );

  app.get(
    '/users/:id',
    { config: { permission: 'user.read' }, schema: { tags, params: idParamsSchema, response: { 200: userSchema } } },
    async (request) => users.getUser(request.params.id, ctx(request, 'user.read').scope),
  );

  app.post(
    '/users',
    { config: { permission: 'user.write' }, schema: { tags, summary: 'Create a staff user with a first role', body: createUserSchema, response: { 201: userSchema } } },
    async (request, reply) => reply.status(201).send(await users.createUser(request.body, ctx(request, 'user.write'))),
  );

  app.patch(
    '/users/:id',
    { config: { permission: 'user.write' }, schema: { tags, params: idParamsSchema, body: updateUserSchema, response: { 200: userSchema } } },
    async (request) => users.updateUser(request.params.id, request.body, ctx(request, 'user.write')),
  );

  app.post(
    '/users/:id/password',
    { config: { permission: 'user.write' }, schema: { tags, summary: 'Set a new password (revokes sessions)', params: idParamsSchema, body: resetPasswordSchema, response: { 200: userSchema } } },
    async (request) => users.resetPassword(request.params.id, request.body.version, request.body.password, ctx(request, 'user.write')),
  );

  app.post(
    '/users/:id/unlock',
    { config: { permission: 'user.write' }, schema: { tags, summary: 'Lift a sign-in lockout', params: idParamsSchema, response: { 200: userSchema } } },
    async (request) => users.unlockUser(request.params.id, ctx(request, 'user.write')),
  );

  app.post(
    '/users/:id/role-grants',
    { config: { permission: 'user.write' }, schema: { tags, summary: 'Grant a role on an org', params: idParamsSchema, body: grantRoleSchema, response: { 201: userSchema } } },
    async (request, reply) => reply.status(201).send(await users.grantRole(request.params.id, request.body, ctx(request, 'user.write'))),
  );

  app.delete(
    '/users/:id/role-grants/:grantId',
    { config: { permission: 'user.write' }, schema: { tags, summary: 'Revoke a role grant', params: z.object({ id: z.uuid(), grantId: z.uuid() }), response: { 200: userSchema } } },
    async (request) => users.revokeRole(request.params.id, request.params.grantId, ctx(request, 'user.write')),
  );

  app.post(
    '/users/:id/reveal-phone',
    { config: { permission: 'personal_data.reveal' }, schema: { tags, summary: 'Show the full phone number (audited)', params: idParamsSchema, response: { 200: z.object({ phone: z.string().nullable() }) } } },
    async (request) => users.revealPhone(request.params.id, ctx(request, 'personal_data.reveal')),
  );
};

/** Resolves the session cookie into request.actor and enforces CSRF on cookie-authenticated writes. */
export function sessionHook(auth: AuthService) {
  return async (request: FastifyRequest) => {
    request.actor = null;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    let resolved = await auth.resolveSession(token);
    if (!resolved) return;
    const permission = request.routeOptions.config?.permission;
    if (resolved.fromCache && permission && permission !== 'public' && permission !== 'authenticated' && !hasPermission(resolved.actor, permission)) {
      // A grant made a moment ago (a provider just approved, a role just given) may not have reached
      // this instance's cache yet: its NOTIFY is on the way. Before a refusal, the database decides.
      resolved = await auth.resolveSession(token, { fresh: true });
      if (!resolved) return;
    }
    request.actor = resolved.actor;
    request.userPhone = resolved.user.phone;
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== resolved.actor.csrfToken) {
        throw new AppError('CSRF_FAILED', { status: 403 });
      }
    }
  };
}

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyRequest {
    userPhone?: string | null;
  }
}
