import { describe, expect, it } from 'vitest';
import { hasPermission, isInScope, scopeOf, type Actor } from './auth';

const actor = (grants: Actor['grants']): Actor => ({ userId: 'u', displayName: 'x', username: 'x', sessionId: 's', csrfToken: 'c', grants });

describe('scopes', () => {
  it('a grant covers its subtree and nothing beside it', () => {
    const a = actor([{ id: 'g', role: 'union_admin', orgId: 'gyq', orgPath: '/cq/jb/gyq/' }]);
    const scope = scopeOf(a, 'org.write');
    expect(isInScope(scope, '/cq/jb/gyq/')).toBe(true);
    expect(isInScope(scope, '/cq/jb/gyq/sf/')).toBe(true);
    expect(isInScope(scope, '/cq/jb/wld/')).toBe(false);
    expect(isInScope(scope, '/cq/jb/')).toBe(false);
  });

  it('a path prefix is matched on whole ids, not characters', () => {
    const scope = scopeOf(actor([{ id: 'g', role: 'union_admin', orgId: 'a', orgPath: '/r/a/' }]), 'org.read');
    expect(isInScope(scope, '/r/ab/')).toBe(false);
  });

  it('drops paths covered by a wider grant and knows global grants', () => {
    const a = actor([
      { id: '1', role: 'union_staff', orgId: 'gyq', orgPath: '/cq/jb/gyq/' },
      { id: '2', role: 'union_admin', orgId: 'jb', orgPath: '/cq/jb/' },
    ]);
    expect(scopeOf(a, 'org.read')).toEqual(['/cq/jb/']);
    expect(scopeOf(actor([{ id: '3', role: 'platform_admin', orgId: null, orgPath: null }]), 'audit.read')).toBe('all');
  });

  it('roles without a permission give no scope', () => {
    const staff = actor([{ id: '1', role: 'union_staff', orgId: 'gyq', orgPath: '/cq/jb/gyq/' }]);
    expect(hasPermission(staff, 'org.write')).toBe(false);
    expect(hasPermission(staff, 'org.read')).toBe(true);
    expect(hasPermission(actor([{ id: '1', role: 'worker', orgId: null, orgPath: null }]), 'org.read')).toBe(false);
  });
});
