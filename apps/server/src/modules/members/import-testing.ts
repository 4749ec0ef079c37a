import { idNumberCheckChar } from '@niangjia/contracts';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Client, TestApp } from '../../test/harness';

/** Helpers of the collective-join int tests: build a sheet, upload it, wait for its jobs, download. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const HEADERS = ['姓名*', '身份证号*', '手机号', '工会编码*', '用工形式*', '工作单位', '统一社会信用代码', '行业', '是否农民工', '所在街道代码'];
export const REGISTER_HEADERS = ['民族', '政治面貌', '文化程度', '户籍所在地', '是否困难职工'];
export const idNumber = (first17: string) => first17 + idNumberCheckChar(first17);

export async function workbook(rows: ExcelJS.CellValue[][], headers = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('会员');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function importHelpers(app: () => TestApp) {
  /** Polls the batch until its job is done (the check and the commit run as jobs). */
  async function waitForJob(client: Client, id: string) {
    for (const deadline = Date.now() + 600_000; Date.now() < deadline; ) {
      const res = await client.get(`/api/v1/members/imports/${id}`);
      if (res.status !== 200 || !res.body.job || ['succeeded', 'failed'].includes(res.body.job.status)) return res;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`import ${id}: job not done`);
  }

  /** Uploads; `status` is the upload's (202 queued, 200 repeat, 4xx refused), `body` the batch once its check is done. */
  async function upload(client: Client, file: Buffer, orgId: string, fileName = 'drive.xlsx') {
    const res = await app().app.inject({
      method: 'POST',
      url: `/api/v1/members/imports?orgId=${orgId}&fileName=${encodeURIComponent(fileName)}`,
      headers: { cookie: client.cookie!, 'x-csrf-token': client.csrf!, 'content-type': XLSX },
      payload: file,
    });
    const body = JSON.parse(res.body);
    if (res.statusCode !== 202) return { status: res.statusCode, body, queued: body };
    // The runner may have taken the job (or even finished it) before this answer was written: any
    // state of the check is right here; the test waits for the one it needs.
    expect(body).toMatchObject({ status: expect.stringMatching(/^(queued|checking|checked|failed)$/), job: { kind: 'check' } });
    return { status: res.statusCode, body: (await waitForJob(client, body.id)).body, queued: body };
  }

  async function commit(client: Client, id: string, body: unknown) {
    const res = await client.post(`/api/v1/members/imports/${id}/commit`, body);
    if (res.status !== 202) return { ...res, done: res };
    expect(res.body).toMatchObject({ status: expect.stringMatching(/^(committing|committed|checked)$/), job: { kind: 'commit' } });
    return { ...res, done: await waitForJob(client, id) };
  }

  async function download(client: Client, url: string) {
    const res = await app().app.inject({ method: 'GET', url, headers: { cookie: client.cookie! } });
    return { status: res.statusCode, headers: res.headers, raw: res.rawPayload, body: res.statusCode === 200 ? undefined : JSON.parse(res.body) };
  }

  return { waitForJob, upload, commit, download };
}
