import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * `Content-Disposition` for a download named in Chinese (会员名单_2026-05-01.xlsx): RFC 6266
 * `filename*` in UTF-8 for browsers, and an ASCII `filename` for old clients (non-ASCII letters
 * become `_`), since a header value may not carry raw UTF-8.
 */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Sends an .xlsx download; never cached (lists and reports may hold personal data). */
export function sendXlsx(reply: FastifyReply, file: Buffer, fileName: string) {
  return reply.header('content-type', XLSX_TYPE).header('content-disposition', attachmentHeader(fileName)).header('cache-control', 'no-store').send(file);
}
