/**
 * Accounts: staff and worker sign-in, sessions, users and their role grants.
 */
export { createAuthService, lockoutSeconds, type AuthService, type ResolvedSession } from './auth.service';
export { createUsersService, type UsersService } from './users.service';
export { authRoutes, usersRoutes, sessionHook, SESSION_COOKIE } from './accounts.routes';
export { hashPassword } from './passwords';
export { appUser, roleGrant } from './accounts.tables';
export { ensurePhoneUser, ensureRoleGrant } from './grants';
