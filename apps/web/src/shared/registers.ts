// The member register's code lists (民族, 政治面貌, 文化程度) as the console shows them: by name in
// the page's language, from the one list the server checks against (contracts/registers).
import { EDUCATION_LEVELS, ETHNICITIES, POLITICAL_STATUSES, registerLabel } from '@niangjia/contracts/registers';
import { useTranslation } from 'react-i18next';

export const REGISTER_LISTS = { ethnicity: ETHNICITIES, politicalStatus: POLITICAL_STATUSES, education: EDUCATION_LEVELS } as const;
export type RegisterList = keyof typeof REGISTER_LISTS;

/** Select options and a label function for the page's language. */
export function useRegisters() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return {
    options: (list: RegisterList) => REGISTER_LISTS[list].map(([value, zh, en]) => ({ value, label: lang === 'en' ? en : zh })),
    label: (list: RegisterList, code: string | null | undefined) => registerLabel(REGISTER_LISTS[list], code, lang),
  };
}
