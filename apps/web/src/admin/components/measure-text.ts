let context: CanvasRenderingContext2D | null | undefined;

/** The width in px of a line of console text (14 px, the console's font), for column widths. */
export function measureText(text: string, weight: 400 | 600 = 400, sizePx = 14): number {
  if (!text) return 0;
  if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? sizePx : sizePx * 0.6), 0);
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  context.font = `${weight} ${sizePx}px ${family}`;
  return context.measureText(text).width;
}
