import QRCode from 'qrcode';

/**
 * A QR code as React SVG elements (one path of dark modules), so a sign or a ceremony QR needs no HTML string and
 * no dangerouslySetInnerHTML: the URL it encodes carries a position code a user typed.
 */
export function QrSvg({ text }: { text: string }) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  let d = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (modules.get(y, x)) d += `M${x} ${y}h1v1h-1z`;
  }
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${size} ${size}`} shapeRendering="crispEdges" role="img">
      <path fill="#fff" d={`M0 0h${size}v${size}H0z`} />
      <path fill="#000" d={d} />
    </svg>
  );
}
