import { EDUCATION_LEVELS, ETHNICITIES, idNumberCheckChar, POLITICAL_STATUSES } from '@niangjia/contracts';
import ExcelJS from 'exceljs';
import { EMPLOYMENT_FORM_LABELS, IMPORT_COLUMNS, type ImportColumnKey } from './import-xlsx';

/** What the caller's scope holds: the unions members join (code → name) and its streets (9-digit code → name). */
export type TemplateScope = { unions: { code: string; name: string }[]; streets: { code: string; name: string }[] };

/**
 * A row whose 姓名 starts with this is the template's example: the check skips it, so a template
 * sent back untouched adds nobody (and is refused as having no rows).
 */
export const EXAMPLE_NAME_PREFIX = '示例';

const YES_NO = ['是', '否'];
/** The drop-down lists, one column each on the 代码表 sheet (Excel caps an inline list at 255 characters; 民族 alone is longer). */
const LISTS: { key: ImportColumnKey; title: string; values: string[] }[] = [
  { key: 'employmentForm', title: '用工形式', values: Object.values(EMPLOYMENT_FORM_LABELS) },
  { key: 'isMigrant', title: '是否农民工', values: YES_NO },
  { key: 'ethnicity', title: '民族', values: ETHNICITIES.map(([, zh]) => zh) },
  { key: 'politicalStatus', title: '政治面貌', values: POLITICAL_STATUSES.map(([, zh]) => zh) },
  { key: 'education', title: '文化程度', values: EDUCATION_LEVELS.map(([, zh]) => zh) },
  { key: 'isHardship', title: '是否困难职工', values: YES_NO },
];
/** Rows of the member sheet the drop-downs cover (a drive of more rows copies them down in Excel). */
export const TEMPLATE_VALIDATED_ROWS = 5000;
const CODES_SHEET = '代码表';
const SCOPE_SHEET = '工会和街道';

const columnLetter = (index: number) => String.fromCharCode('A'.charCodeAt(0) + index);
const letterOf = (key: ImportColumnKey) => columnLetter(IMPORT_COLUMNS.findIndex((c) => c.key === key));

/** ExcelJS has data validations on every sheet but leaves them out of its typings. */
type WithValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

/**
 * The collective-join template: the member sheet (headers, an example row, drop-downs), the code
 * lists behind the drop-downs, the caller's unions and streets, and the instructions. Small, so the
 * in-memory workbook (which writes data validations and cell notes) rather than the stream writer.
 */
export async function buildImportTemplate(scope: TemplateScope): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('会员', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.required ? `${c.header}*` : c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  const example: Record<ImportColumnKey, string> = {
    realName: `${EXAMPLE_NAME_PREFIX}：张三`,
    idNumber: `50010519900101001${idNumberCheckChar('50010519900101001')}`,
    phone: '13800000000',
    orgCode: scope.unions[0]?.code ?? '',
    employmentForm: EMPLOYMENT_FORM_LABELS.delivery_rider,
    employerName: '示例餐饮配送有限公司',
    employerCreditCode: '',
    industry: '交通运输',
    isMigrant: '是',
    homeStreetCode: scope.streets[0]?.code ?? '',
    ethnicity: '汉族',
    politicalStatus: '群众',
    education: '高中、中专或技校',
    hukouPlace: '重庆市江北区',
    isHardship: '否',
  };
  const exampleRow = sheet.addRow(IMPORT_COLUMNS.map((c) => example[c.key]));
  exampleRow.font = { italic: true, color: { argb: 'FF8C8C8C' } };
  sheet.getCell('A2').note = '示例行：姓名以“示例”开头的行不会导入。请从第 3 行起填写，或删除本行后填写。';
  // Text cells, so Excel keeps an 18-digit ID and a leading-zero code as typed.
  for (const key of ['idNumber', 'phone', 'homeStreetCode', 'employerCreditCode'] as const) sheet.getColumn(letterOf(key)).numFmt = '@';

  const codes = wb.addWorksheet(CODES_SHEET);
  LISTS.forEach((list, i) => {
    const col = codes.getColumn(i + 1);
    col.width = 18;
    col.values = [list.title, ...list.values];
    const letter = columnLetter(i);
    (sheet as unknown as WithValidations).dataValidations.add(`${letterOf(list.key)}2:${letterOf(list.key)}${TEMPLATE_VALIDATED_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${CODES_SHEET}'!$${letter}$2:$${letter}$${list.values.length + 1}`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: `${list.title}填写有误`,
      error: `请从下拉列表中选择${list.title}`,
    });
  });
  codes.getRow(1).font = { bold: true };

  const place = wb.addWorksheet(SCOPE_SHEET);
  place.columns = [
    { header: '工会编码', width: 16 },
    { header: '工会名称', width: 32 },
    { header: '', width: 4 },
    { header: '街道代码', width: 14 },
    { header: '街道名称', width: 20 },
  ];
  place.getRow(1).font = { bold: true };
  const height = Math.max(scope.unions.length, scope.streets.length);
  for (let i = 0; i < height; i++) {
    const u = scope.unions[i];
    const s = scope.streets[i];
    place.addRow([u?.code ?? null, u?.name ?? null, null, s?.code ?? null, s?.name ?? null]);
  }
  place.getColumn(4).numFmt = '@';

  const help = wb.addWorksheet('说明');
  help.getColumn(1).width = 100;
  for (const line of [
    '带 * 的列必填。身份证号请按文本填写（18 位，末位可为 X），不要使用公式或合并单元格。',
    '第 2 行是示例（灰色斜体）：姓名以“示例”开头的行不会导入，可以保留或删除。',
    `工会编码：填“${SCOPE_SHEET}”表中列出的基层工会或片区联合工会编码。`,
    `所在街道代码：9 位统计用区划代码，见“${SCOPE_SHEET}”表。`,
    `用工形式、是否农民工、民族、政治面貌、文化程度、是否困难职工：从下拉列表中选择（可选值见“${CODES_SHEET}”表）。`,
    '民族、政治面貌、文化程度、户籍所在地、是否困难职工可不填；已登记的会员留空时保留原有信息。',
  ])
    help.addRow([line]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
