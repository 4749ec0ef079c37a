import type { FastifyInstance, FastifyRequest } from 'fastify';

export type SecurityHeadersOptions = {
  /** Leaflet tile URL template (NIANGJIA_MAP_TILE_URL): its host may serve images. */
  tileUrl: string;
  /** Origins allowed to frame the public screens (NIANGJIA_FRAME_ANCESTORS); the rest of the app is never framed. */
  frameAncestors: string[];
};

/** The faces whose pages are meant to be embedded (a federation's portal showing the live fund screen). */
const EMBEDDABLE = /^\/screen(?:[/?]|$)/;

/**
 * The image source of a tile URL template: `https://webrd0{s}.is.autonavi.com/…` → `https://*.is.autonavi.com`
 * (CSP wildcards only cover a leading label). Nothing for an empty or unparsable template.
 */
export function tileImageSource(template: string): string | null {
  const m = /^(https?):\/\/([^/?#]+)/i.exec(template.trim());
  if (!m) return null;
  const labels = m[2]!.toLowerCase().split('.');
  const templated = labels.findIndex((l) => l.includes('{'));
  if (templated > 0 && labels.slice(0, templated).some((l) => l.includes('{'))) return null;
  const host = templated === -1 ? labels.join('.') : ['*', ...labels.slice(templated + 1)].join('.');
  if (host === '*' || /[{}]/.test(host)) return null;
  return `${m[1]!.toLowerCase()}://${host}`;
}

/**
 * The policy of an HTML page. Scripts only from our own origin: no inline script, no eval — a
 * stored payload that slips into markup still cannot run. Styles allow 'unsafe-inline' on purpose:
 * antd 6 (CSS-in-JS) inserts <style> elements at run time, and ECharts tooltips and Leaflet write
 * `style=""` attributes, which a nonce cannot cover (style-src-attr); style injection cannot run
 * script (docs/ARCHITECTURE.md, "Content-Security-Policy").
 */
export function pagePolicy(opts: SecurityHeadersOptions, isEmbeddable: boolean): string {
  const tiles = tileImageSource(opts.tileUrl);
  const ancestors = isEmbeddable ? ["'self'", ...opts.frameAncestors].join(' ') : "'none'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ''}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
}

/** API answers, files and photos are data, never documents: nothing in them may load or run. */
export const DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

const isHtml = (contentType: unknown) => typeof contentType === 'string' && contentType.startsWith('text/html');

/**
 * Security headers on every response (onSend, so errors, static files and 404s get them too).
 * HTML pages get the page policy; everything else the data policy. Framing: refused everywhere
 * except the public screens, which the configured origins may embed.
 */
export function registerSecurityHeaders(app: FastifyInstance, opts: SecurityHeadersOptions): void {
  const pagePolicies = { embeddable: pagePolicy(opts, true), other: pagePolicy(opts, false) };
  app.addHook('onSend', async (request: FastifyRequest, reply) => {
    const html = isHtml(reply.getHeader('content-type'));
    const embeddable = html && EMBEDDABLE.test(request.url);
    void reply.header('content-security-policy', html ? (embeddable ? pagePolicies.embeddable : pagePolicies.other) : DATA_POLICY);
    // For browsers older than frame-ancestors; it cannot list origins, so embeddable pages say SAMEORIGIN.
    void reply.header('x-frame-options', embeddable ? 'SAMEORIGIN' : 'DENY');
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'same-origin');
    void reply.header('cross-origin-opener-policy', 'same-origin');
    // Camera (scan a door's QR) and location (nearest station, static-code doors) on our own pages only.
    void reply.header('permissions-policy', 'camera=(self), geolocation=(self), microphone=(), payment=(), usb=()');
    if (request.protocol === 'https') void reply.header('strict-transport-security', 'max-age=31536000');
  });
}
