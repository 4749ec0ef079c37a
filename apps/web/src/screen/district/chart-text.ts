/**
 * Names typed by users (stations, unions) are drawn on the canvas as plain text. ECharts would
 * read `{style|text}` in a label as rich-text markup, so braces and bars become their full-width
 * look-alikes; nothing from the data is ever given to a tooltip as HTML (tooltips are off).
 */
export function plainText(value: string): string {
  return value.replace(/\{/g, '｛').replace(/\}/g, '｝').replace(/\|/g, '｜');
}

/** 17.2万 / 1.3亿 for wall figures; below 10,000 the whole number with separators. */
export function formatWan(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${(value / 1e8).toFixed(2)}亿`;
  if (abs >= 1e5) return `${(value / 1e4).toFixed(1)}万`;
  return Math.round(value).toLocaleString('zh-CN');
}
