import { describe, expect, it } from 'vitest';
import { canonicalJson, codeStepAt, createMessage, deriveRotatingCode, deriveStaticCode, findCodeStep, isValidSignature, parseUplinkTopic, signMessage } from './door-crypto';
import { isDevicePublishAllowed, isDeviceSubscribeAllowed } from './broker';

const secret = 'test-door-secret-0123456789abcdefghijklmnopq';

describe('rotating code', () => {
  it('matches the worked example in docs/door-protocol.md', () => {
    expect(codeStepAt(new Date('2026-01-01T00:00:00Z'))).toBe(58907520);
    expect(deriveRotatingCode(secret, 'd-example01', 58907520)).toBe(DOC_EXAMPLE_CODE);
    expect(deriveStaticCode(secret, 'd-example01')).toBe(DOC_EXAMPLE_STATIC);
  });

  it('changes every 30 seconds and differs per door and per secret', () => {
    const at = new Date('2026-03-01T12:00:05Z');
    const step = codeStepAt(at);
    expect(codeStepAt(new Date(at.getTime() + 24_000))).toBe(step);
    expect(codeStepAt(new Date(at.getTime() + 25_000))).toBe(step + 1);
    const code = deriveRotatingCode(secret, 'd-aaaa', step);
    expect(code).toMatch(/^\d{8}$/);
    expect(deriveRotatingCode(secret, 'd-aaaa', step + 1)).not.toBe(code);
    expect(deriveRotatingCode(secret, 'd-bbbb', step)).not.toBe(code);
    expect(deriveRotatingCode(`${secret}x`, 'd-aaaa', step)).not.toBe(code);
  });

  it('is found within the accepted age and not beyond it', () => {
    const now = new Date('2026-03-01T12:00:05Z');
    const step = codeStepAt(now);
    expect(findCodeStep(secret, 'd-aaaa', deriveRotatingCode(secret, 'd-aaaa', step), now, 4)).toBe(step);
    expect(findCodeStep(secret, 'd-aaaa', deriveRotatingCode(secret, 'd-aaaa', step - 4), now, 4)).toBe(step - 4);
    expect(findCodeStep(secret, 'd-aaaa', deriveRotatingCode(secret, 'd-aaaa', step - 5), now, 4)).toBeNull();
    expect(findCodeStep(secret, 'd-aaaa', deriveRotatingCode(secret, 'd-aaaa', step + 1), now, 4)).toBe(step + 1);
    expect(findCodeStep(secret, 'd-aaaa', deriveRotatingCode(secret, 'd-aaaa', step + 2), now, 4)).toBeNull();
  });
});

describe('message signing', () => {
  it('signs a canonical string: key order does not matter, any change breaks the signature', () => {
    const m = createMessage(secret, { type: 'unlock', deviceId: 'd-aaaa', id: '0b8c7f7e-1f7a-4c1e-9d7e-6a2f7c3b9a10', body: { expiresAt: 1, entryId: 'x' } });
    expect(isValidSignature(secret, m)).toBe(true);
    expect(isValidSignature(secret, { ...m, body: { entryId: 'x', expiresAt: 1 } })).toBe(true);
    expect(isValidSignature(secret, { ...m, body: { entryId: 'x', expiresAt: 2 } })).toBe(false);
    expect(isValidSignature(secret, { ...m, deviceId: 'd-bbbb' })).toBe(false);
    expect(isValidSignature(secret, { ...m, ts: m.ts + 1 })).toBe(false);
    expect(isValidSignature(secret, { ...m, nonce: 'ffffffffffffffffffffffff' })).toBe(false);
    expect(isValidSignature(secret, { ...m, type: 'ack' })).toBe(false);
    expect(isValidSignature('another-secret', m)).toBe(false);
    expect(isValidSignature(secret, { ...m, sig: 'not base64 !!' })).toBe(false);
  });

  it('gives the documented signature for the worked example', () => {
    const m = signMessage(secret, { v: 1, type: 'ack', deviceId: 'd-example01', id: '11111111-2222-4333-8444-555555555555', ts: 1767225600000, nonce: '00112233445566778899aabb', body: { result: 'done', commandId: '66666666-7777-4888-9999-000000000000' } });
    expect(canonicalJson(m.body)).toBe('{"commandId":"66666666-7777-4888-9999-000000000000","result":"done"}');
    expect(m.sig).toBe(DOC_EXAMPLE_SIG);
  });
});

describe('topics and ACL', () => {
  it('lets a device use only its own topics', () => {
    expect(isDevicePublishAllowed('d-aaaa', 'niangjia/v1/doors/d-aaaa/up/ack')).toBe(true);
    expect(isDevicePublishAllowed('d-aaaa', 'niangjia/v1/doors/d-bbbb/up/ack')).toBe(false);
    expect(isDevicePublishAllowed('d-aaaa', 'niangjia/v1/doors/d-bbbb/cmd')).toBe(false);
    expect(isDeviceSubscribeAllowed('d-aaaa', 'niangjia/v1/doors/d-aaaa/cmd')).toBe(true);
    expect(isDeviceSubscribeAllowed('d-aaaa', 'niangjia/v1/doors/+/cmd')).toBe(false);
    expect(isDeviceSubscribeAllowed('d-aaaa', 'niangjia/v1/doors/#')).toBe(false);
    expect(parseUplinkTopic('niangjia/v1/doors/d-aaaa/up/event')).toEqual({ deviceId: 'd-aaaa', kind: 'event' });
    expect(parseUplinkTopic('niangjia/v1/doors/d-aaaa/cmd')).toBeNull();
  });
});

// Filled from the implementation once, then written into docs/door-protocol.md.
const DOC_EXAMPLE_CODE = '23007235';
const DOC_EXAMPLE_STATIC = '77502680';
const DOC_EXAMPLE_SIG = '5-WyQ8ExSMIT0sUf5SZY8_TmFcJIkYlE_dmSo_7z42g';
