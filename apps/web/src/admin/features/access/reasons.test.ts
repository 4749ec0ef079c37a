import { doorAlarmKinds, doorRefusalCodes } from '@niangjia/contracts';
import { describe, expect, it } from 'vitest';
import { doorEn, doorZh } from '../../../mobile/pages/door/locales';
import { accessEn, accessZh } from './locales';

// A refusal the server adds must reach the worker and the staff in plain words, not as a code.
describe('door refusal and alarm wording', () => {
  it.each(doorRefusalCodes)('%s has a sentence for the worker and a label for the console in both languages', (code) => {
    for (const text of [doorZh.reasons[code], doorEn.reasons[code], accessZh.reasons[code], accessEn.reasons[code]]) {
      expect(text, code).toBeTruthy();
      expect(text).not.toContain('DOOR_');
    }
    expect(doorZh.reasons[code]).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(doorAlarmKinds)('alarm kind %s is named in both languages', (kind) => {
    expect(accessZh.alarms.kinds[kind]).toMatch(/[\u4e00-\u9fff]/);
    expect(accessEn.alarms.kinds[kind]).toBeTruthy();
  });
});
