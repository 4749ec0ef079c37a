/**
 * The fields a Chinese union's member register keeps beyond the real-name data (issue 10 point 7),
 * with the national code lists they are written in: 民族 by GB/T 3304 (two-digit code), 政治面貌
 * after GB/T 4762 (the eight democratic parties folded into one entry, as union registers do),
 * 文化程度 in the five bands union statistics use. Stored as codes; shown by name in each language.
 */

/** GB/T 3304-1991 民族 codes 01–56, in the standard's order: [code, 中文, English]. */
export const ETHNICITIES = [
  ['01', '汉族', 'Han'],
  ['02', '蒙古族', 'Mongol'],
  ['03', '回族', 'Hui'],
  ['04', '藏族', 'Tibetan'],
  ['05', '维吾尔族', 'Uyghur'],
  ['06', '苗族', 'Miao'],
  ['07', '彝族', 'Yi'],
  ['08', '壮族', 'Zhuang'],
  ['09', '布依族', 'Bouyei'],
  ['10', '朝鲜族', 'Korean'],
  ['11', '满族', 'Manchu'],
  ['12', '侗族', 'Dong'],
  ['13', '瑶族', 'Yao'],
  ['14', '白族', 'Bai'],
  ['15', '土家族', 'Tujia'],
  ['16', '哈尼族', 'Hani'],
  ['17', '哈萨克族', 'Kazakh'],
  ['18', '傣族', 'Dai'],
  ['19', '黎族', 'Li'],
  ['20', '傈僳族', 'Lisu'],
  ['21', '佤族', 'Va'],
  ['22', '畲族', 'She'],
  ['23', '高山族', 'Gaoshan'],
  ['24', '拉祜族', 'Lahu'],
  ['25', '水族', 'Shui'],
  ['26', '东乡族', 'Dongxiang'],
  ['27', '纳西族', 'Naxi'],
  ['28', '景颇族', 'Jingpo'],
  ['29', '柯尔克孜族', 'Kyrgyz'],
  ['30', '土族', 'Tu'],
  ['31', '达斡尔族', 'Daur'],
  ['32', '仫佬族', 'Mulao'],
  ['33', '羌族', 'Qiang'],
  ['34', '布朗族', 'Blang'],
  ['35', '撒拉族', 'Salar'],
  ['36', '毛南族', 'Maonan'],
  ['37', '仡佬族', 'Gelao'],
  ['38', '锡伯族', 'Xibe'],
  ['39', '阿昌族', 'Achang'],
  ['40', '普米族', 'Pumi'],
  ['41', '塔吉克族', 'Tajik'],
  ['42', '怒族', 'Nu'],
  ['43', '乌孜别克族', 'Uzbek'],
  ['44', '俄罗斯族', 'Russian'],
  ['45', '鄂温克族', 'Evenk'],
  ['46', '德昂族', 'Deang'],
  ['47', '保安族', 'Bonan'],
  ['48', '裕固族', 'Yugur'],
  ['49', '京族', 'Gin'],
  ['50', '塔塔尔族', 'Tatar'],
  ['51', '独龙族', 'Derung'],
  ['52', '鄂伦春族', 'Oroqen'],
  ['53', '赫哲族', 'Hezhen'],
  ['54', '门巴族', 'Monpa'],
  ['55', '珞巴族', 'Lhoba'],
  ['56', '基诺族', 'Jino'],
] as const;
export type Ethnicity = (typeof ETHNICITIES)[number][0];
export const ethnicityCodes = ETHNICITIES.map(([code]) => code) as [Ethnicity, ...Ethnicity[]];

/** 政治面貌: [code, 中文, English]. */
export const POLITICAL_STATUSES = [
  ['cpc_member', '中共党员', 'CPC member'],
  ['cpc_probationary', '中共预备党员', 'CPC probationary member'],
  ['cyl_member', '共青团员', 'Communist Youth League member'],
  ['democratic_party', '民主党派成员', 'Member of a democratic party'],
  ['non_party', '无党派人士', 'Non-party person'],
  ['masses', '群众', 'Ordinary citizen'],
] as const;
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number][0];
export const politicalStatusCodes = POLITICAL_STATUSES.map(([code]) => code) as [PoliticalStatus, ...PoliticalStatus[]];

/** 文化程度: [code, 中文, English]. */
export const EDUCATION_LEVELS = [
  ['postgraduate', '研究生', 'Postgraduate'],
  ['bachelor', '大学本科', 'Bachelor'],
  ['associate', '大学专科', 'Associate degree'],
  ['secondary', '高中、中专或技校', 'Senior or vocational secondary'],
  ['junior_or_below', '初中及以下', 'Junior secondary or below'],
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number][0];
export const educationCodes = EDUCATION_LEVELS.map(([code]) => code) as [EducationLevel, ...EducationLevel[]];

type CodeList = readonly (readonly [string, string, string])[];

/** The name of a code in a language (zh-CN by default); the code itself when it is not in the list. */
export function registerLabel(list: CodeList, code: string | null | undefined, lang: 'zh-CN' | 'en' = 'zh-CN'): string | null {
  if (!code) return null;
  const entry = list.find(([c]) => c === code);
  return entry ? (lang === 'en' ? entry[2] : entry[1]) : code;
}

/** A code from what someone typed in a spreadsheet: the code, the Chinese name, or the English name (any case). */
export function registerCodeOf(list: CodeList, text: string): string | null {
  // A spreadsheet turns the code 01 into the number 1.
  const t = /^\d$/.test(text.trim()) ? `0${text.trim()}` : text.trim();
  const lower = t.toLowerCase();
  // 汉 for 汉族: registers often leave the 族 off.
  const entry = list.find(([c, zh, en]) => c === t || zh === t || en.toLowerCase() === lower || (zh.endsWith('族') && zh.slice(0, -1) === t));
  return entry ? entry[0] : null;
}
