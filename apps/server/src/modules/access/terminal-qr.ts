import { createRequire } from 'node:module';

// qrcode is installed for the web app (hoisted in node_modules); the server only uses its encoder.
type QrModules = { size: number; get(row: number, col: number): number };
const qrcode = createRequire(import.meta.url)('qrcode') as { create(text: string, opts?: { errorCorrectionLevel?: string }): { modules: QrModules } };

/**
 * A QR code drawn with Unicode half blocks, two modules per character row, dark on light with a
 * quiet zone of 2 (phones scan it from a terminal at normal zoom).
 */
export function renderTerminalQr(text: string): string {
  const { modules } = qrcode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const size = modules.size + quiet * 2;
  const isDark = (r: number, c: number) => {
    const row = r - quiet;
    const col = c - quiet;
    return row >= 0 && col >= 0 && row < modules.size && col < modules.size && modules.get(row, col) === 1;
  };
  const lines: string[] = [];
  for (let r = 0; r < size; r += 2) {
    let line = '';
    for (let c = 0; c < size; c++) {
      const top = isDark(r, c);
      const bottom = isDark(r + 1, c);
      // Light background: a light top and dark bottom is "▄", and so on.
      line += top && bottom ? ' ' : top ? '▄' : bottom ? '▀' : '█';
    }
    lines.push(line);
  }
  return lines.join('\n');
}
