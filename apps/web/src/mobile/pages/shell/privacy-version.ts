/** The privacy policy's version: a new one asks every worker for consent again (privacy-text.ts). */
export const PRIVACY_POLICY_VERSION = '2026-12';
