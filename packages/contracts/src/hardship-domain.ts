/**
 * 困难职工档案 (assistance module): a household's hardship file, from opening to 在档 and exit.
 * Statuses: draft (being filled in) → submitted (waiting for two verifiers) → verifying (one
 * verified) → verified (two verified, tier set) → notice (公示) → active (在档) → exited (解困/撤档);
 * an upheld objection ends the notice as rejected; a verifier may return a file to draft.
 */
export const HARDSHIP_STATUSES = ['draft', 'submitted', 'verifying', 'verified', 'notice', 'active', 'rejected', 'exited'] as const;
export type HardshipStatus = (typeof HARDSHIP_STATUSES)[number];
export const HARDSHIP_TIERS = ['deep', 'relative', 'accident'] as const;
export type HardshipTier = (typeof HARDSHIP_TIERS)[number];
export const HARDSHIP_CAUSES = ['illness', 'disability', 'disaster', 'single_parent', 'child_in_school', 'other'] as const;
export type HardshipCause = (typeof HARDSHIP_CAUSES)[number];
export const HOUSEHOLD_RELATIONS = ['self', 'spouse', 'child', 'parent', 'sibling', 'grandparent', 'grandchild', 'other'] as const;
export const HARDSHIP_DOCUMENT_KINDS = ['income_proof', 'medical', 'disability', 'disaster', 'school', 'other'] as const;
export const HARDSHIP_EXIT_KINDS = ['resolved', 'withdrawn'] as const;
export const OBJECTION_OUTCOMES = ['pending', 'upheld', 'dismissed'] as const;
/** The text the worker signs (授权书): the signature is bound to this version's hash. */
export const HARDSHIP_CONSENT_VERSION = '2026-1';
export const HARDSHIP_CONSENT_LINES_ZH = [
  '本人自愿申请建立困难职工档案，承诺所填家庭成员、收入及致困原因真实完整。',
  '本人授权工会向有关部门、单位核查本人及家庭成员的收入、财产、社保、医疗等信息，仅用于困难认定与帮扶。',
  '本人同意工会在本单位（社区）范围内公示姓名、困难类别及认定结果（不公示身份证号、住址和收入明细）。',
  '家庭情况发生变化时，本人将及时告知工会；如有虚报，愿承担相应责任并退回所获帮扶。',
];
export const HARDSHIP_CONSENT_LINES_EN = [
  'I apply of my own will for a hardship file and declare the household, income and causes given are true and complete.',
  'I authorise the union to verify my and my household’s income, assets, social insurance and medical information with the relevant bodies, for hardship assessment and help only.',
  'I agree that my name, hardship tier and the result are publicly posted in my workplace (community); ID numbers, address and income details are not.',
  'I will tell the union when my household’s situation changes; if I gave false information, I accept the consequences and return the help received.',
];
