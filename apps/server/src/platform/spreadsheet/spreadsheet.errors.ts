import { registerMessages } from '../i18n';

/**
 * Messages of the bounded reader: the file as a whole (refused before or while reading) and one
 * cell. The import modules add their own per-row messages.
 */
registerMessages({
  IMPORT_NOT_XLSX: ['文件不是有效的 Excel（.xlsx）文件', 'The file is not a valid Excel (.xlsx) workbook'],
  IMPORT_NOT_XLSX_DETAIL: ['请使用下载的模板，另存为 .xlsx 格式后上传（不支持 .xls、.csv 或改了扩展名的文件）', 'Use the template and save it as .xlsx (.xls, .csv or renamed files are not supported)'],
  IMPORT_FILE_UNREADABLE: ['文件无法读取', 'The file cannot be read'],
  IMPORT_FILE_TOO_LARGE: ['文件过大', 'The file is too large'],
  IMPORT_FILE_TOO_LARGE_DETAIL: ['文件不能超过 {maxMb} MB，请拆分后分批上传', 'At most {maxMb} MB per file; split it and upload the parts'],
  IMPORT_UNPACKED_TOO_LARGE: ['文件解压后过大，未读取', 'The workbook is too large once unpacked; it was not read'],
  IMPORT_UNPACKED_TOO_LARGE_DETAIL: [
    '.xlsx 是压缩文件，解压后的内容不能超过 {maxMb} MB。请只保留数据（删除多余的工作表、图片和格式）另存后再上传',
    'An .xlsx is compressed; unpacked it may hold at most {maxMb} MB. Keep only the data (remove extra sheets, pictures and formatting), save and upload again',
  ],
  IMPORT_FILE_TOO_COMPLEX: ['文件过于复杂，无法读取', 'The file is too complex to read'],
  IMPORT_FILE_TOO_COMPLEX_DETAIL: ['请只保留数据另存为新的 .xlsx 后再上传', 'Keep only the data in a new .xlsx and upload that'],
  IMPORT_HEADERS_MISSING: ['表头与模板不符', 'The headers do not match the template'],
  IMPORT_HEADERS_MISSING_DETAIL: ['第一行缺少以下列：{columns}', 'The first row lacks these columns: {columns}'],
  IMPORT_TOO_MANY_ROWS: ['行数超过上限', 'Too many rows'],
  IMPORT_TOO_MANY_ROWS_DETAIL: ['一次最多导入 {max} 行，请拆分成多个文件', 'At most {max} rows per file; split the file'],
  IMPORT_TOO_MANY_COLUMNS: ['列数超过上限', 'Too many columns'],
  IMPORT_TOO_MANY_COLUMNS_DETAIL: ['第 {row} 行超过了 {max} 列，请删除模板以外的列', 'Row {row} has more than {max} columns; remove the columns that are not in the template'],
  IMPORT_EMPTY: ['文件中没有数据行', 'The file has no data rows'],
  // One cell (messages of the per-row reports).
  IMPORT_CELL_FORMULA: ['单元格含公式，请复制后“粘贴为数值”', 'The cell holds a formula; paste it as a value'],
  IMPORT_CELL_ERROR: ['单元格是错误值（如 #N/A）', 'The cell holds an error value (such as #N/A)'],
  IMPORT_CELL_NUMBER_TOO_LONG: ['数字过长，Excel 已丢失末几位；请把该列设为“文本”后重新填写', 'The number is too long and Excel lost its last digits; format the column as text and type it again'],
  IMPORT_CELL_TOO_LONG: ['单元格内容过长，请检查是否填错了列', 'The cell is far too long; check that it is in the right column'],
  // CSV syntax (RFC 4180).
  CSV_QUOTE_MISPLACED: ['引号位置不对：字段中间的引号须把整个字段用引号括起并写成两个引号 ""', 'A quote inside a field: quote the whole field and double the quote ("")'],
  CSV_TEXT_AFTER_QUOTE: ['右引号后还有文字', 'Text after a closing quote'],
  CSV_QUOTE_UNCLOSED: ['引号没有闭合', 'A quote is not closed'],
});
