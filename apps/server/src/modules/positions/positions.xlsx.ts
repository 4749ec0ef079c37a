import { audiences, buildModes, facilityKeys, positionStatuses, positionTypes } from '@niangjia/contracts';
import ExcelJS from 'exceljs';
import { cellText, readTemplateRows, type Cell, type CellText, type SpreadsheetLimits } from '../../platform/spreadsheet';

/**
 * The positions sheet (服务阵地导入模板): one layout for the template, the import and the export,
 * so an export can be edited and imported back. Chinese labels for every coded value.
 */
export const POSITION_COLUMNS = [
  { key: 'code', header: '编码', required: true, width: 16 },
  { key: 'name', header: '名称', required: true, width: 28 },
  { key: 'type', header: '类型', required: true, width: 12 },
  { key: 'orgCode', header: '所属工会编码', required: true, width: 16 },
  { key: 'address', header: '地址', required: true, width: 32 },
  { key: 'lng', header: '经度', required: true, width: 13 },
  { key: 'lat', header: '纬度', required: true, width: 13 },
  { key: 'crs', header: '坐标系', required: true, width: 10 },
  { key: 'hours', header: '开放时间', required: true, width: 40 },
  { key: 'exceptions', header: '节假日及特殊安排', required: false, width: 36 },
  { key: 'serves', header: '服务对象', required: false, width: 28 },
  { key: 'facilities', header: '设施', required: false, width: 40 },
  { key: 'areaM2', header: '面积（平方米）', required: false, width: 12 },
  { key: 'buildMode', header: '建设方式', required: false, width: 12 },
  { key: 'partner', header: '合作单位', required: false, width: 20 },
  { key: 'investmentYuan', header: '投资（元）', required: false, width: 14 },
  { key: 'operator', header: '运营方', required: false, width: 20 },
  { key: 'contactPhone', header: '联系电话', required: false, width: 16 },
  { key: 'status', header: '状态', required: true, width: 10 },
] as const;
export type PositionColumnKey = (typeof POSITION_COLUMNS)[number]['key'];
export const headerOf = (key: string | null) => (key ? (POSITION_COLUMNS.find((c) => c.key === key)?.header ?? key) : null);

type Labels<T extends readonly string[]> = Record<T[number], string>;
export const TYPE_LABELS: Labels<typeof positionTypes> = {
  service_center: '服务中心',
  service_point: '服务站点',
  rest_station: '工会驿站',
  workers_home: '职工之家',
  mothers_room: '爱心妈妈小屋',
  driver_home: '司机之家',
  joining_point: '入会点',
  canteen: '爱心食堂',
};
export const STATUS_LABELS: Labels<typeof positionStatuses> = {
  planned: '规划中',
  building: '建设中',
  open: '开放',
  suspended: '暂停',
  closed: '已关闭',
};
export const AUDIENCE_LABELS: Labels<typeof audiences> = {
  outdoor_workers: '户外劳动者',
  riders: '外卖骑手',
  couriers: '快递员',
  drivers: '网约车/货车司机',
  sanitation_workers: '环卫工人',
  women_staff: '女职工',
  all_workers: '全体职工',
};
export const FACILITY_LABELS: Labels<typeof facilityKeys> = {
  table_chairs: '桌椅',
  microwave: '微波炉',
  rice_cooker: '电饭煲',
  kettle: '热水壶',
  fan: '风扇',
  phone_charger: '充电器',
  first_aid_kit: '急救箱',
  air_conditioner: '空调',
  water_dispenser: '饮水机',
  toilet: '卫生间',
  wifi: 'Wi-Fi',
  lockers: '储物柜',
  books: '书报',
  umbrella: '雨具',
};
export const BUILD_MODE_LABELS: Labels<typeof buildModes> = {
  commerce_sustained: '以商养站',
  platform_company: '头部企业',
  converted_idle: '闲置资产',
  union_built: '工会自建',
  partner: '合作共建',
};
/** The datum column: what people call each one; written back as the first label. */
export const CRS_LABELS = {
  wgs84: ['WGS-84', 'WGS84', 'GPS', '国际'],
  gcj02: ['GCJ-02', 'GCJ02', '高德', '腾讯', '火星'],
  bd09: ['BD-09', 'BD09', '百度'],
} as const;
export type CrsKey = keyof typeof CRS_LABELS;

/** Reads a label (Chinese, or the English key) back to its key; undefined when unknown. */
export function keyOfLabel<K extends string>(labels: Record<K, string>, text: string): K | undefined {
  const t = text.trim();
  const found = (Object.entries(labels) as [K, string][]).find(([key, label]) => label === t || key === t);
  return found?.[0];
}

export function crsOfLabel(text: string): CrsKey | undefined {
  const t = text.trim().toUpperCase().replace(/\s/g, '');
  return (Object.keys(CRS_LABELS) as CrsKey[]).find((k) => k.toUpperCase() === t || CRS_LABELS[k].some((l) => l.toUpperCase() === t));
}

/** "桌椅、微波炉" (also ， , ; /) → labels. */
export const splitList = (text: string) =>
  text
    .split(/[、,，;；/]/)
    .map((s) => s.trim())
    .filter(Boolean);

export type SheetRow = {
  row: number;
  cells: Partial<Record<PositionColumnKey, CellText>>;
};

/** Positions come by the hundred: a sheet of 5,000 rows of 19 columns unpacks to a few MB of XML. */
const POSITION_SHEET_LIMITS: Partial<SpreadsheetLimits> = { maxUnpackedBytes: 40 * 1024 * 1024, maxColumns: 64, maxCellChars: 2000 };

/**
 * The first worksheet's rows by template column, through the bounded reader (headers matched by
 * name, empty rows skipped); a formula is read as the result Excel saved with it.
 */
export async function readPositionSheet(file: Buffer, maxRows: number, maxFileBytes: number): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const { row, cells } of readTemplateRows(file, POSITION_COLUMNS, { ...POSITION_SHEET_LIMITS, maxRows, maxFileBytes })) {
    const texts: SheetRow['cells'] = {};
    for (const [key, cell] of Object.entries(cells) as [PositionColumnKey, Cell][]) texts[key] = cellText(cell, { formulas: 'result' });
    rows.push({ row, cells: texts });
  }
  return rows;
}

/** A one-sheet workbook (plus an optional help sheet) to a buffer. */
export async function writePositionWorkbook(sheetName: string, columns: { header: string; width: number }[], rows: (string | number | null)[][], notes?: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) sheet.addRow(r);
  if (notes) {
    const help = workbook.addWorksheet('说明');
    help.getColumn(1).width = 18;
    help.getColumn(2).width = 90;
    for (const line of notes) help.addRow(line);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const templateColumns = () =>
  POSITION_COLUMNS.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    width: c.width,
  }));

/** The template: headers, one example row, and a sheet that lists the allowed values. */
export async function buildPositionTemplate(): Promise<Buffer> {
  const example = [
    'JB-RS-9001',
    '示例工会驿站',
    '工会驿站',
    'JB-GYQ',
    '江北区观音桥步行街 1 号',
    106.531,
    29.5756,
    'WGS-84',
    '周一至周五 08:00-18:00; 周六 09:00-12:00',
    '2026-10-01 闭馆 国庆',
    '户外劳动者、外卖骑手',
    '桌椅、微波炉、热水壶、急救箱',
    30,
    '工会自建',
    null,
    50000,
    '观音桥街道总工会',
    '023-67000000',
    '开放',
  ];
  const notes = [
    ['说明', '带 * 的列必填。第一行是表头，请勿修改；示例行可删除。'],
    ['编码', '2–32 位大写字母、数字或连字符，例如 JB-RS-0201。已存在且在您管辖范围内的编码会更新该阵地（记入审计），其他已存在的编码会被拒绝。'],
    ['类型', Object.values(TYPE_LABELS).join('、')],
    ['所属工会编码', '您管辖范围内的工会编码，例如 JB、JB-GYQ'],
    ['经度 / 纬度 / 坐标系', '坐标系填 WGS-84（GPS）、GCJ-02（高德、腾讯）或 BD-09（百度）。系统统一换算为 WGS-84 保存；中国境外的点不做偏移。'],
    ['开放时间', '例如“周一至周五 08:00-18:00; 周六 09:00-12:00”、“每天 07:00-21:00”、“24小时”。未写到的日子不开放；一天可写多个时段，用逗号分隔。'],
    ['节假日及特殊安排', '例如“2026-10-01 闭馆 国庆; 2026-10-02 09:00-12:00 国庆”：日期、闭馆或时段、可选备注。'],
    ['服务对象', `用顿号分隔：${Object.values(AUDIENCE_LABELS).join('、')}`],
    ['设施', `用顿号分隔：${Object.values(FACILITY_LABELS).join('、')}`],
    ['建设方式', Object.values(BUILD_MODE_LABELS).join('、')],
    ['投资（元）', '金额，单位元，最多两位小数'],
    ['状态', Object.values(STATUS_LABELS).join('、')],
  ];
  return writePositionWorkbook('服务阵地', templateColumns(), [example], notes);
}
