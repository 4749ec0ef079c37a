import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * `Content-Disposition` for a download named in Chinese (会员名单_2026-05-01.xlsx): RFC 6266
 * `filename*` in UTF-8 for browsers, and an ASCII `filename` for old clients, since a header value
 * may not carry raw UTF-8. The ASCII name is given, or the name without its non-ASCII letters
 * (2026-05-01.xlsx), never a row of underscores.
 */
export function attachmentHeader(fileName: string, asciiName?: string): string {
  const dot = fileName.lastIndexOf('.');
  const [base, ext] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
  const stripped = base.replace(/[^\x20-\x7e]+/g, '').replace(/^[\s_-]+|[\s_-]+$/g, '');
  const ascii = (asciiName ?? `${stripped || 'download'}${ext.replace(/[^\x20-\x7e]/g, '')}`).replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Sends a download (a PDF, a workbook); never cached (lists and reports may hold personal data). */
export function sendDownload(reply: FastifyReply, type: string, body: Buffer, fileName: string, asciiName?: string) {
  return reply.header('content-type', type).header('content-disposition', attachmentHeader(fileName, asciiName)).header('cache-control', 'no-store').send(body);
}

/** Sends an .xlsx download. */
export function sendXlsx(reply: FastifyReply, file: Buffer, fileName: string, asciiName?: string) {
  return sendDownload(reply, XLSX_TYPE, file, fileName, asciiName);
}
