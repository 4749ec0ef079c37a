/**
 * Members benchmarks (issue 3, point 12), run by `npm run bench` (or alone: `BENCH_ONLY=members`):
 *   a. a generated 100,000-row .xlsx through the HTTP API on PostgreSQL — upload, dry-run check
 *      and commit as jobs — with rows/s and the peak RSS of the server, which runs in a child
 *      process sampling its own RSS every 50 ms (the load generator's memory does not count);
 *   b. `GET /members?q=…` by name, phone and full ID number among 1,000,000 members, p50/p99 of
 *      sequential requests, on PostgreSQL and on PGlite, with the EXPLAIN of each search.
 * Env: BENCH_IMPORT_ROWS (100000), BENCH_SEARCH_MEMBERS (1000000), BENCH_SEQUENTIAL (200).
 */
import { fork } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { idNumberCheckChar } from "@niangjia/contracts";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../apps/server/src/app";
import { testConfig } from "../apps/server/src/config";
import { openDatabase, type Database } from "../apps/server/src/db/client";
import { runMigrations } from "../apps/server/src/db/migrate";
import { seedDemo } from "../apps/server/src/db/seed/demo";
import { hashIdNumber } from "../apps/server/src/modules/members";
import { loadDataKeys, encryptField } from "../apps/server/src/platform/pii";
import { loadSecrets } from "../apps/server/src/platform/secrets";

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const IMPORT_ROWS = num("BENCH_IMPORT_ROWS", 100_000);
const SEARCH_MEMBERS = num("BENCH_SEARCH_MEMBERS", 1_000_000);
const SEQUENTIAL = num("BENCH_SEQUENTIAL", 200);
const PASSWORD = "Niangjia@2026";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const MB = 1024 * 1024;

type Log = (msg: string) => void;
export type ImportFigures = { rows: number; fileMb: number; uploadS: number; checkS: number; commitS: number; validRows: number; committedRows: number; idleRssMb: number; peakRssMb: number; checkPeakRssMb: number; commitPeakRssMb: number; version: string };
export type SearchFigures = { kind: "PGlite" | "PostgreSQL"; members: number; seedS: number; rows: { label: string; p50: number; p99: number; hits: number }[]; explains: { label: string; sql: string; plan: string; isSeqScan: boolean }[] };

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split("");
const GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬飞鹏辉建华志强晨宇浩然子涵欣怡梓萱一诺思远佳豪雨桐俊杰嘉怡博文天佑诗涵".split("");

/** Fictitious but valid (GB 11643) ID numbers in 500105 (江北区): birth date and sequence from i. */
function fakeIdNumber(i: number, seqBase = 0): string {
  const days = i % 12_000; // 1970-01-01 … ~2002
  const d = new Date(Date.UTC(1970, 0, 1 + days));
  const ymd = d.toISOString().slice(0, 10).replaceAll("-", "");
  const first17 = `500105${ymd}${String(seqBase + Math.floor(i / 12_000)).padStart(3, "0")}`;
  return first17 + idNumberCheckChar(first17);
}
const fakeName = (i: number) => SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7919) % GIVEN.length]! + GIVEN[(i * 104_729) % GIVEN.length]!;

export async function generateImportFile(rows: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => out.on("end", resolve));
  // Shared strings, as Excel itself writes them.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const sheet = wb.addWorksheet("会员");
  sheet.addRow(["姓名*", "身份证号*", "手机号", "工会编码*", "用工形式*", "工作单位", "统一社会信用代码", "行业", "是否农民工", "所在街道代码"]).commit();
  const forms = ["外卖骑手", "快递员", "网约车司机", "标准劳动关系"];
  for (let i = 0; i < rows; i++) {
    sheet.addRow([fakeName(i), fakeIdNumber(i, 600), `139${String(i).padStart(8, "0")}`, "JB-GYQ-LH", forms[i % 4], `某某配送站${i % 50}`, null, "交通运输", i % 3 ? "是" : "否", "500105006"]).commit();
  }
  sheet.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

async function signIn(base: string, login: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ login, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in as ${login}: HTTP ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie();
  const sid = cookies.find((c) => c.startsWith("nj_sid="))!.split(";")[0]!;
  const body = (await res.json()) as { csrfToken?: string };
  return { cookie: sid, ...(body.csrfToken ? { "x-csrf-token": body.csrfToken } : {}) };
}

type Batch = { id: string; status: string; version: number; validRows: number; committedRows: number; job: { status: string; progress: number; progressText: string | null; error: unknown } | null };

async function waitForJob(base: string, headers: Record<string, string>, id: string, log: Log, what: string): Promise<Batch> {
  let lastText = "";
  for (;;) {
    const batch = (await (await fetch(`${base}/api/v1/members/imports/${id}`, { headers })).json()) as Batch;
    if (!batch.job || ["succeeded", "failed"].includes(batch.job.status)) {
      if (batch.job?.status === "failed") throw new Error(`${what} failed: ${JSON.stringify(batch.job.error)}`);
      return batch;
    }
    if (batch.job.progressText && batch.job.progressText !== lastText && Math.random() < 0.3) log(`  ${what}: ${(batch.job.progress * 100).toFixed(0)} % — ${batch.job.progressText}`);
    lastText = batch.job.progressText ?? "";
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** (a) the import of a 100,000-row file through the HTTP API, server in a child process. */
export async function benchImport(databaseUrl: string, log: Log): Promise<ImportFigures> {
  const database = await openDatabase({ databaseUrl });
  const [{ version } = { version: "?" }] = await database.query<{ version: string }>("select version()");
  await runMigrations(database);
  await seedDemo(database);
  const [jb] = await database.query<{ id: string }>(`select id from org where code = 'JB'`);
  await database.close();
  log(`members import: generating a ${IMPORT_ROWS.toLocaleString("en")}-row .xlsx`);
  const file = await generateImportFile(IMPORT_ROWS);
  log(`members import: ${(file.length / MB).toFixed(1)} MB; starting the server in a child process`);

  const child = fork(path.join(path.dirname(new URL(import.meta.url).pathname), "members-server.ts"), [], {
    env: { ...process.env, BENCH_MEMBERS_DB: databaseUrl },
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = <T>(type: string) => new Promise<T>((resolve, reject) => {
    const onMessage = (m: { type: string }) => {
      if (m.type === type) {
        child.off("message", onMessage);
        resolve(m as T);
      }
    };
    child.on("message", onMessage);
    child.once("exit", (code) => reject(new Error(`server exited (${code})`)));
  });
  try {
    const ready = await next<{ port: number; rss: number }>("ready");
    const base = `http://127.0.0.1:${ready.port}`;
    const headers = await signIn(base, "jb.admin");
    child.send({ type: "reset" });
    const idleRss = ready.rss;
    let t = performance.now();
    const res = await fetch(`${base}/api/v1/members/imports?orgId=${jb!.id}&fileName=bench.xlsx`, { method: "POST", headers: { ...headers, "content-type": XLSX }, body: new Uint8Array(file) });
    if (res.status !== 202) throw new Error(`upload: HTTP ${res.status} ${await res.text()}`);
    const uploaded = (await res.json()) as Batch;
    const uploadS = (performance.now() - t) / 1000;
    const checked = await waitForJob(base, headers, uploaded.id, log, "check");
    const checkS = (performance.now() - t) / 1000 - uploadS;
    child.send({ type: "peak" });
    const checkPeakMsg = await next<{ peak: number; atPeak?: NodeJS.MemoryUsage }>("peak");
    const checkPeak = checkPeakMsg.peak;
    if (process.env.BENCH_VERBOSE) log(`  at the check's peak: ${JSON.stringify(checkPeakMsg.atPeak)}`);
    child.send({ type: "reset" });
    log(`members import: checked in ${checkS.toFixed(1)} s (${checked.validRows} valid); server peak RSS so far ${(checkPeak / MB).toFixed(0)} MB`);
    t = performance.now();
    const c = await fetch(`${base}/api/v1/members/imports/${uploaded.id}/commit`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ version: checked.version, mode: "only_valid" }) });
    if (c.status !== 202) throw new Error(`commit: HTTP ${c.status} ${await c.text()}`);
    const committed = await waitForJob(base, headers, uploaded.id, log, "commit");
    const commitS = (performance.now() - t) / 1000;
    child.send({ type: "peak" });
    const commitPeakMsg = await next<{ peak: number; atPeak?: NodeJS.MemoryUsage }>("peak");
    const commitPeak = commitPeakMsg.peak;
    if (process.env.BENCH_VERBOSE) log(`  at the commit's peak: ${JSON.stringify(commitPeakMsg.atPeak)}`);
    const peak = Math.max(checkPeak, commitPeak);
    log(`members import: committed ${committed.committedRows} in ${commitS.toFixed(1)} s; server peak RSS during the commit ${(commitPeak / MB).toFixed(0)} MB`);
    return { rows: IMPORT_ROWS, fileMb: file.length / MB, uploadS, checkS, commitS, validRows: checked.validRows, committedRows: committed.committedRows, idleRssMb: idleRss / MB, peakRssMb: peak / MB, checkPeakRssMb: checkPeak / MB, commitPeakRssMb: commitPeak / MB, version: version.split(" on ")[0]! };
  } finally {
    child.send({ type: "stop" });
    await new Promise((r) => child.once("exit", r));
  }
}

/** Inserts `n` persons with one open membership each, in batches (keyed hashes as the module computes them). */
async function seedMembers(database: Database, n: number, log: Log, kind: string): Promise<void> {
  const config = testConfig();
  const secrets = loadSecrets({ secret: config.secret, dataDir: os.tmpdir(), allowGenerate: false });
  const dataKeys = loadDataKeys({ dataKey: config.dataKey, dataDir: os.tmpdir(), allowGenerate: false });
  const unions = await database.query<{ id: string }>(`select o.id from org o join org d on o.path like d.path || '%' where d.code = 'JB' and o.type in ('grassroots', 'joint') order by o.code`);
  // Search never decrypts: one real ciphertext stands in for every row's.
  const enc = encryptField(dataKeys, "person.id_number", fakeIdNumber(0, 900));
  const BATCH = 10_000;
  for (let from = 0; from < n; from += BATCH) {
    const names: string[] = [], hashes: string[] = [], masked: string[] = [], phones: string[] = [], sexes: string[] = [], births: string[] = [], orgs: string[] = [];
    for (let i = from; i < Math.min(n, from + BATCH); i++) {
      const id = fakeIdNumber(i, 100);
      names.push(fakeName(i) + (i % 10 ? "" : GIVEN[i % 13]!));
      hashes.push(hashIdNumber(secrets, id));
      masked.push(`${id.slice(0, 6)}********${id.slice(-4)}`);
      phones.push(`13${String(i).padStart(9, "0")}`);
      sexes.push(Number(id[16]) % 2 ? "male" : "female");
      births.push(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`);
      orgs.push(unions[i % unions.length]!.id);
    }
    await database.query(
      `with p as (
         insert into person (org_id, real_name, id_number_enc, id_number_hash, id_number_masked, phone, sex, birth_date, employment_form, employer_name)
         select o, nm, $1, h, m, ph, s, b::date, 'delivery_rider', 'bench' from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) as u(o, nm, h, m, ph, s, b)
         returning id, org_id)
       insert into membership (person_id, org_id, member_number, status, joined_at, source)
       select id, org_id, 'BN' || replace(id::text, '-', ''), 'active', now(), 'import' from p`,
      [enc, orgs, names, hashes, masked, phones, sexes, births],
    );
    if ((from / BATCH) % 20 === 0) log(`${kind}: ${(from + BATCH).toLocaleString("en")} / ${n.toLocaleString("en")} members`);
  }
  await database.query("analyze person");
  await database.query("analyze membership");
}

async function timed(url: string, headers: Record<string, string>, qs: string[]): Promise<{ p50: number; p99: number; hits: number }> {
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < qs.length + 10; i++) {
    const q = qs[i % qs.length]!;
    const started = performance.now();
    const res = await fetch(`${url}${encodeURIComponent(q)}`, { headers });
    const body = (await res.json()) as { total: number };
    if (res.status !== 200) throw new Error(`${url}${q}: HTTP ${res.status}`);
    if (i >= 10) {
      times.push(performance.now() - started);
      hits += body.total > 0 ? 1 : 0;
    }
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
  return { p50: pct(50), p99: pct(99), hits };
}

/** Records the SQL statements the driver receives while fn runs. */
async function captureSql(database: Database, fn: () => Promise<void>): Promise<{ text: string; params: unknown[] }[]> {
  const seen: { text: string; params: unknown[] }[] = [];
  const target = (database.pool ?? database.pglite) as unknown as { query: (...args: unknown[]) => unknown };
  const original = target.query;
  target.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text: string };
    seen.push({ text: typeof first === "string" ? first : first.text, params: (args[1] as unknown[]) ?? [] });
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    target.query = original;
  }
  return seen;
}

/** (b) search among SEARCH_MEMBERS members on one database (already opened, empty). */
export async function benchSearch(kind: SearchFigures["kind"], database: Database, log: Log): Promise<SearchFigures> {
  log(`${kind}: members search — migrating, demo data, ${SEARCH_MEMBERS.toLocaleString("en")} members`);
  await runMigrations(database);
  await seedDemo(database);
  const started = performance.now();
  await seedMembers(database, SEARCH_MEMBERS, log, kind);
  const seedS = (performance.now() - started) / 1000;
  const app: FastifyInstance = await buildApp({ config: testConfig({ webDistDir: path.join(os.tmpdir(), "niangjia-bench-no-web") }), database, logger: false, jobRunner: false });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  try {
    const headers = await signIn(base, "jb.admin");
    const url = `${base}/api/v1/members?pageSize=20&q=`;
    const pick = (i: number) => Math.floor(((i * 2_654_435_761) % 2 ** 32) / 2 ** 32 * SEARCH_MEMBERS);
    const sample = Array.from({ length: SEQUENTIAL }, (_, i) => pick(i + 1));
    const queries = {
      "name (prefix, full name)": sample.map((i) => fakeName(i) + (i % 10 ? "" : GIVEN[i % 13]!)),
      "phone (exact)": sample.map((i) => `13${String(i).padStart(9, "0")}`),
      "ID number (exact, keyed hash)": sample.map((i) => fakeIdNumber(i, 100)),
    };
    const rows: SearchFigures["rows"] = [];
    const explains: SearchFigures["explains"] = [];
    for (const [label, qs] of Object.entries(queries)) {
      const r = await timed(url, headers, qs);
      rows.push({ label, ...r });
      log(`${kind}: search by ${label}: p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms (${r.hits}/${qs.length} found)`);
      const statements = await captureSql(database, async () => void (await fetch(`${url}${encodeURIComponent(qs[0]!)}`, { headers })).arrayBuffer());
      for (const s of statements.filter((st) => /from "membership"/i.test(st.text))) {
        const plan = (await database.query<Record<string, string>>(`explain ${s.text}`, s.params)).map((p) => Object.values(p)[0]).join("\n");
        const isSeqScan = /Seq Scan on (person|membership)/.test(plan);
        explains.push({ label: `${kind}: ${label}`, sql: s.text, plan, isSeqScan });
        if (isSeqScan) log(`${kind}: ⚠ search by ${label} does a sequential scan`);
      }
    }
    return { kind, members: SEARCH_MEMBERS, seedS, rows, explains };
  } finally {
    await app.close();
  }
}

export function membersMarkdown(imp: ImportFigures | undefined, searches: SearchFigures[], command: string): string {
  const fmt = (n: number, d = 1) => n.toLocaleString("en", { maximumFractionDigits: d, minimumFractionDigits: d });
  const md: string[] = ["## Members: collective import and search", "", `Command: \`${command}\`.`, ""];
  if (imp) {
    md.push(
      `Import of a generated ${imp.rows.toLocaleString("en")}-row .xlsx (${fmt(imp.fileMb)} MB, shared strings, valid fictitious IDs in 500105) through the HTTP API on ${imp.version}: ` +
        `upload (stored in \`member_import.file\`, 202), then the check job and the commit job, polled with \`GET /members/imports/:id\`. ` +
        `The server runs in a child process without a heap flag and samples its RSS every 50 ms.`,
      "",
      "| step | seconds | rows/s |",
      "| --- | --- | --- |",
      `| upload (202) | ${fmt(imp.uploadS, 2)} | — |`,
      `| check (dry run, ${imp.validRows.toLocaleString("en")} valid) | ${fmt(imp.checkS)} | ${fmt(imp.rows / imp.checkS, 0)} |`,
      `| commit (${imp.committedRows.toLocaleString("en")} members, one transaction) | ${fmt(imp.commitS)} | ${fmt(imp.committedRows / imp.commitS, 0)} |`,
      "",
      `Server RSS: ${fmt(imp.idleRssMb, 0)} MB idle, **peak ${fmt(imp.peakRssMb, 0)} MB** (upload + check ${fmt(imp.checkPeakRssMb, 0)} MB, commit ${fmt(imp.commitPeakRssMb, 0)} MB) (limit 512 MB: ${imp.peakRssMb < 512 ? "met" : "**exceeded**"}).`,
      "",
    );
  }
  if (searches.length) {
    md.push(
      `Search with \`GET /api/v1/members?q=…\` as \`jb.admin\` (district scope) among ${searches[0]!.members.toLocaleString("en")} generated members (+ demo data); ${SEQUENTIAL} sequential requests per kind, each a different value. ` +
        `Seeding: ${searches.map((s) => `${s.kind} ${fmt(s.seedS)} s`).join(", ")}. Latencies in ms.`,
      "",
      "| db | search | p50 | p99 | found |",
      "| --- | --- | --- | --- | --- |",
      ...searches.flatMap((s) => s.rows.map((r) => `| ${s.kind} | ${r.label} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ${r.hits}/${SEQUENTIAL} |`)),
      "",
    );
    const pg = searches.find((s) => s.kind === "PostgreSQL");
    const pgl = searches.find((s) => s.kind === "PGlite");
    if (pg && pgl) {
      md.push("| ratio PGlite ÷ PostgreSQL (p50) | value |", "| --- | --- |");
      for (const r of pg.rows) {
        const other = pgl.rows.find((x) => x.label === r.label);
        if (other) md.push(`| ${r.label} | ${(other.p50 / r.p50).toFixed(2)} |`);
      }
      md.push("");
    }
    md.push("### Query plans of the member searches", "");
    for (const e of searches.flatMap((s) => s.explains)) {
      md.push(`**${e.label}** — ${e.isSeqScan ? "**sequential scan on person/membership**" : "index scans only"}`, "", "```", e.plan, "```", "");
    }
  }
  return md.join("\n");
}
