import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminZh } from '../locales';
import { adminEn } from '../locales-en';
import { KNOWN_ACTIONS, KNOWN_ENTITY_TYPES } from './audit-labels';

const SERVER = join(import.meta.dirname, '../../../../server/src');

/** Every `action: '…'` and `entityType: '…'` the server writes into the audit log (tests excluded). */
function recordedInServer(): { actions: Set<string>; entityTypes: Set<string> } {
  const actions = new Set<string>();
  const entityTypes = new Set<string>();
  for (const file of readdirSync(SERVER, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    const text = readFileSync(join(SERVER, file), 'utf8');
    for (const m of text.matchAll(/\baction: '([a-z_]+(?:\.[a-z_]+)+)'/g)) actions.add(m[1]!);
    for (const m of text.matchAll(/\bentityType: '([a-z_]+)'/g)) entityTypes.add(m[1]!);
  }
  return { actions, entityTypes };
}

describe('audit labels', () => {
  // The audit page shows 新增组织, never org.create (issue 10 point 8).
  it('names every action and object type the server records, in Chinese and English', () => {
    const { actions, entityTypes } = recordedInServer();
    expect(actions.size).toBeGreaterThan(40);
    const zhActions = adminZh.audit.actions as Record<string, string>;
    const enActions = adminEn.audit.actions as Record<string, string>;
    const missing = [...actions].filter((a) => !(KNOWN_ACTIONS as readonly string[]).includes(a) || !zhActions[a.replace(/\./g, '_')] || !enActions[a.replace(/\./g, '_')]);
    expect(missing).toEqual([]);
    const zhTypes = adminZh.audit.entityTypes as Record<string, string>;
    const enTypes = adminEn.audit.entityTypes as Record<string, string>;
    expect([...entityTypes].filter((e) => !(KNOWN_ENTITY_TYPES as readonly string[]).includes(e) || !zhTypes[e] || !enTypes[e])).toEqual([]);
    for (const label of Object.values(zhActions)) expect(label).toMatch(/[\u4e00-\u9fff]/);
  });
});
