import type { SurveyAnswers, SurveyCrossTab, SurveyQuestion, SurveyQuestionResult } from '@niangjia/contracts';
import { employmentForms, SURVEY_MIN_CELL, visibleSurveyQuestions } from '@niangjia/contracts';
import { fieldError } from '../../platform/validation';
import type { ResponseFact } from './survey.repository';

const round2 = (n: number) => Math.round(n * 100) / 100;
const MAX_TEXTS = 500;

/**
 * Checks an answer sheet against the questionnaire: every visible required question answered, no
 * hidden one answered, each answer of the question's kind (known option ids, within the scale, a
 * full ranking without repeats). The sheet comes back without empty answers.
 */
export function checkAnswers(questions: readonly SurveyQuestion[], answers: SurveyAnswers): SurveyAnswers {
  const known = new Map(questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers)) if (!known.has(id)) throw fieldError(`answers.${id}`, 'SURVEY_QUESTION_UNKNOWN');
  const isEmpty = (a: unknown) => a === undefined || a === '' || (Array.isArray(a) && a.length === 0);
  const visible = visibleSurveyQuestions(questions, answers);
  const out: SurveyAnswers = {};
  for (const q of questions) {
    const a = answers[q.id];
    const path = `answers.${q.id}`;
    if (!visible.has(q.id)) {
      if (!isEmpty(a)) throw fieldError(path, 'SURVEY_ANSWER_HIDDEN');
      continue;
    }
    if (isEmpty(a)) {
      if (q.required) throw fieldError(path, 'SURVEY_ANSWER_REQUIRED');
      continue;
    }
    const ids = new Set(q.options.map((o) => o.id));
    const bad = () => fieldError(path, 'SURVEY_ANSWER_INVALID');
    switch (q.kind) {
      case 'single':
        if (typeof a !== 'string' || !ids.has(a)) throw bad();
        break;
      case 'multi':
        if (!Array.isArray(a) || new Set(a).size !== a.length || a.some((x) => !ids.has(x)) || (q.maxChoices && a.length > q.maxChoices)) throw bad();
        break;
      case 'rank':
        if (!Array.isArray(a) || a.length !== ids.size || new Set(a).size !== a.length || a.some((x) => !ids.has(x))) throw bad();
        break;
      case 'scale':
        if (typeof a !== 'number' || !q.scale || a < q.scale.min || a > q.scale.max) throw bad();
        break;
      case 'text':
        if (typeof a !== 'string' || !a.trim()) throw bad();
        break;
    }
    out[q.id] = typeof a === 'string' && q.kind === 'text' ? a.trim() : a;
  }
  return out;
}

/** Counts, means and rankings of each question over the sheets; text answers only when asked (staff). */
export function tallyQuestions(questions: readonly SurveyQuestion[], sheets: readonly SurveyAnswers[], published: ReadonlySet<string>, opts: { withTexts: boolean }): SurveyQuestionResult[] {
  return questions.map((q) => {
    const given = sheets.map((s) => s[q.id]).filter((a) => a !== undefined);
    const r: SurveyQuestionResult = { id: q.id, kind: q.kind, title: q.title, answered: given.length, isPublished: published.has(q.id), options: [], average: null, distribution: [], ranks: [], texts: [] };
    if (q.kind === 'single' || q.kind === 'multi') {
      const n = new Map<string, number>();
      for (const a of given) for (const id of Array.isArray(a) ? a : [a]) n.set(String(id), (n.get(String(id)) ?? 0) + 1);
      r.options = q.options.map((o) => ({ id: o.id, label: o.label, count: n.get(o.id) ?? 0 }));
    } else if (q.kind === 'scale' && q.scale) {
      const values = given.filter((a): a is number => typeof a === 'number');
      r.average = values.length ? round2(values.reduce((x, y) => x + y, 0) / values.length) : null;
      for (let v = q.scale.min; v <= q.scale.max; v++) r.distribution.push({ value: v, count: values.filter((x) => x === v).length });
    } else if (q.kind === 'rank') {
      const sum = new Map<string, number>();
      for (const a of given) if (Array.isArray(a)) a.forEach((id, i) => sum.set(id, (sum.get(id) ?? 0) + i + 1));
      r.ranks = q.options
        .map((o) => ({ id: o.id, label: o.label, averagePosition: given.length ? round2((sum.get(o.id) ?? 0) / given.length) : 0 }))
        .sort((x, y) => x.averagePosition - y.averagePosition);
    } else if (opts.withTexts) {
      // Sorted, not in the order answered: the order must not hint at who wrote what.
      r.texts = given.filter((a): a is string => typeof a === 'string').sort((x, y) => x.localeCompare(y, 'zh-CN')).slice(0, MAX_TEXTS);
    }
    return r;
  });
}

const FORM_LABEL: Record<string, string> = {
  standard: '标准劳动关系',
  delivery_rider: '外卖骑手',
  courier: '快递员',
  ride_hailing: '网约车司机',
  truck_driver: '货车司机',
  domestic: '家政服务员',
  other_flexible: '其他灵活就业',
};

/**
 * Single and multiple choice counts by group. On an anonymous survey a group with fewer than
 * SURVEY_MIN_CELL respondents is withheld: in a small union the breakdown would say who said what.
 */
export function crossTab(by: 'union' | 'employmentForm', questions: readonly SurveyQuestion[], facts: readonly ResponseFact[], opts: { isAnonymous: boolean; orgName: string }): SurveyCrossTab {
  const groups = new Map<string, { label: string; sheets: SurveyAnswers[] }>();
  for (const f of facts) {
    const [key, label] = by === 'union' ? [f.group_id ?? 'self', f.group_name ?? opts.orgName] : [f.employment_form ?? 'unknown', f.employment_form ? (FORM_LABEL[f.employment_form] ?? f.employment_form) : '未知'];
    const g = groups.get(key) ?? { label, sheets: [] };
    g.sheets.push(f.answers as SurveyAnswers);
    groups.set(key, g);
  }
  const choice = questions.filter((q) => q.kind === 'single' || q.kind === 'multi');
  const order = by === 'employmentForm' ? (k: string) => (employmentForms as readonly string[]).indexOf(k) : () => 0;
  return {
    by,
    groups: [...groups.entries()]
      .sort((a, b) => order(a[0]) - order(b[0]) || b[1].sheets.length - a[1].sheets.length || a[1].label.localeCompare(b[1].label))
      .map(([key, g]) => {
        const isWithheld = opts.isAnonymous && g.sheets.length < SURVEY_MIN_CELL;
        const counts: Record<string, Record<string, number>> = {};
        if (!isWithheld) for (const q of tallyQuestions(choice, g.sheets, new Set(), { withTexts: false })) counts[q.id] = Object.fromEntries(q.options.map((o) => [o.id, o.count]));
        return { key, label: g.label, responses: isWithheld ? 0 : g.sheets.length, isWithheld, counts };
      }),
  };
}
