#!/usr/bin/env node
// `npm test`: every test run, one after another, with a summary line per run.
//
//   1. unit + int on PGlite                  vitest run --project unit --project int
//   2. int on PostgreSQL (TEST_DATABASE_URL)  vitest run --project int
//   3. browser journeys                       node scripts/ensure-web-build.mjs && vitest run --project e2e
//                                             (on PostgreSQL when TEST_DATABASE_URL is set, else PGlite)
//   4. with NIANGJIA_TEST_CLUSTER=1 (.ci/run): the cluster suite, vitest run --project cluster
//      (two app processes behind nginx on PostgreSQL; the previous release beside this one)
//
// The integration harness picks its database from NIANGJIA_TEST_DB=pglite|postgres. Under CI=true
// TEST_DATABASE_URL is required (.ci/run starts a throwaway cluster and sets it). Extra arguments
// are passed to every vitest run: `npm test -- orgs` runs the files matching "orgs" in each project.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const vitestBin = path.join(root, "node_modules", "vitest", "vitest.mjs");
const extraArgs = process.argv.slice(2);
const isCi = /^(1|true|yes)$/i.test(process.env.CI ?? "");
const databaseUrl = process.env.TEST_DATABASE_URL;

if (isCi && !databaseUrl) {
  console.error(
    "\n✖ CI=true but TEST_DATABASE_URL is not set: the integration tests must also run on PostgreSQL.\n" +
      "  Run `bash .ci/run` (it starts a throwaway PostgreSQL 15 cluster), or set TEST_DATABASE_URL.\n",
  );
  process.exit(2);
}
if (!databaseUrl) {
  console.log(
    "ℹ TEST_DATABASE_URL is not set: integration tests run on PGlite only (CI also runs them on PostgreSQL).",
  );
}
if (!fs.existsSync(vitestBin)) {
  console.error(
    `✖ ${path.relative(root, vitestBin)} not found: run \`npm ci\` first.`,
  );
  process.exit(2);
}

// With a filter, a project may have no matching files; that is not a failure.
const filtering = extraArgs.some((a) => !a.startsWith("-"));
const userChoseReporter = extraArgs.some(
  (a) => a === "--reporter" || a.startsWith("--reporter="),
);
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-test-"));

/** @type {{ name: string, ok: boolean, seconds: number, detail: string }[]} */
const results = [];
let interrupted = false;

function banner(text) {
  const line = "═".repeat(Math.max(20, Math.min(100, text.length + 4)));
  console.log(`\n${line}\n  ${text}\n${line}`);
}

/** Runs one vitest invocation and records its result. */
function runVitest(name, projects, db) {
  if (interrupted) return;
  banner(`${name}  (NIANGJIA_TEST_DB=${db})`);
  const jsonFile = path.join(reportDir, `${name.replace(/\W+/g, "-")}.json`);
  const args = [vitestBin, "run", ...projects.flatMap((p) => ["--project", p])];
  if (!userChoseReporter)
    args.push(
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${jsonFile}`,
    );
  if (filtering) args.push("--passWithNoTests");
  args.push(...extraArgs);
  const started = performance.now();
  const child = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NIANGJIA_TEST_DB: db },
  });
  const seconds = (performance.now() - started) / 1000;
  if (child.signal)
    interrupted = child.signal === "SIGINT" || child.signal === "SIGTERM";
  const ok = child.status === 0;
  results.push({
    name,
    ok,
    seconds,
    detail: describe(jsonFile, child),
    counts: countsOf(jsonFile),
    failures: failuresOf(jsonFile),
  });
}

/**
 * The failed tests of one run (file, title, first line of the error), at most 12, so that the last
 * lines of a CI log name what failed even when only its tail is kept.
 */
function failuresOf(jsonFile) {
  try {
    const r = JSON.parse(fs.readFileSync(jsonFile, "utf8"));
    const out = [];
    for (const f of r.testResults ?? []) {
      const file = path.relative(root, f.name ?? "");
      const failedTests = (f.assertionResults ?? []).filter((t) => t.status === "failed");
      if (failedTests.length === 0 && f.status === "failed")
        out.push(`${file}: ${firstLine(f.message)}`);
      for (const t of failedTests)
        out.push(`${file} › ${t.fullName ?? t.title}: ${firstLine(t.failureMessages?.[0])}`);
    }
    return out;
  } catch {
    return [];
  }
}

function firstLine(text) {
  const line = String(text ?? "").replace(/\x1b\[[0-9;]*m/g, "").split("\n").find((l) => l.trim()) ?? "";
  return line.trim().slice(0, 240);
}

function countsOf(jsonFile) {
  try {
    const r = JSON.parse(fs.readFileSync(jsonFile, "utf8"));
    return {
      passed: r.numPassedTests ?? 0,
      failed: r.numFailedTests ?? 0,
      skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
    };
  } catch {
    return { passed: 0, failed: 0, skipped: 0 };
  }
}

function describe(jsonFile, child) {
  if (child.error) return `could not start vitest: ${child.error.message}`;
  if (child.signal) return `killed by ${child.signal}`;
  try {
    const r = JSON.parse(fs.readFileSync(jsonFile, "utf8"));
    const parts = [`${r.numPassedTests} passed`];
    if (r.numFailedTests) parts.push(`${r.numFailedTests} failed`);
    if (r.numPendingTests || r.numTodoTests)
      parts.push(`${(r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)} skipped`);
    const failedFiles = (r.testResults ?? []).filter(
      (f) => f.status === "failed",
    ).length;
    let text = `${parts.join(", ")} of ${r.numTotalTests} tests in ${r.testResults?.length ?? 0} files`;
    if (failedFiles) text += ` (${failedFiles} files failed)`;
    if (r.numTotalTests === 0) text += " — no tests ran";
    return text;
  } catch {
    return `exit code ${child.status}`;
  }
}

function runEnsureWebBuild() {
  if (interrupted) return false;
  banner("web build (scripts/ensure-web-build.mjs)");
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [path.join(root, "scripts", "ensure-web-build.mjs")],
    { cwd: root, stdio: "inherit" },
  );
  if (child.signal) interrupted = true;
  if (child.status === 0) return true;
  results.push({
    name: "web build",
    ok: false,
    seconds: (performance.now() - started) / 1000,
    detail: child.error?.message ?? `exit code ${child.status}`,
  });
  return false;
}

function hasE2eFiles() {
  const dir = path.join(root, "e2e");
  if (!fs.existsSync(dir)) return false;
  return fs
    .readdirSync(dir, { recursive: true })
    .some(
      (f) =>
        String(f).endsWith(".e2e.test.ts") &&
        !String(f).includes("node_modules"),
    );
}

const startedAll = performance.now();
runVitest("unit + int on PGlite", ["unit", "int"], "pglite");
if (databaseUrl) runVitest("int on PostgreSQL", ["int"], "postgres");
const e2eName = `e2e on ${databaseUrl ? "PostgreSQL" : "PGlite"}`;
if (!hasE2eFiles()) {
  // Until the first journey lands; the summary says so rather than failing on "no test files".
  results.push({
    name: e2eName,
    ok: true,
    seconds: 0,
    detail: "⚠ SKIPPED: no e2e/**/*.e2e.test.ts files",
  });
} else if (runEnsureWebBuild()) {
  runVitest(e2eName, ["e2e"], databaseUrl ? "postgres" : "pglite");
}
if (/^(1|true|yes)$/i.test(process.env.NIANGJIA_TEST_CLUSTER ?? "")) {
  runVitest("cluster (nginx, 2 instances)", ["cluster"], "postgres");
}
fs.rmSync(reportDir, { recursive: true, force: true });

banner(
  `npm test summary (${((performance.now() - startedAll) / 1000).toFixed(1)} s)`,
);
for (const r of results) {
  console.log(
    `${r.ok ? "✔ PASS" : "✖ FAIL"}  ${r.name.padEnd(24)} ${r.seconds.toFixed(1).padStart(6)} s  ${r.detail}`,
  );
}
for (const r of results) {
  const failures = r.failures ?? [];
  if (failures.length === 0) continue;
  console.log(`\n✖ failed in ${r.name}:`);
  for (const f of failures.slice(0, 12)) console.log(`  - ${f}`);
  if (failures.length > 12) console.log(`  … and ${failures.length - 12} more`);
}
if (interrupted) console.log("✖ interrupted");
const failed = interrupted || results.some((r) => !r.ok);
// One plain closing line with the totals of every run ("N passed, N failed").
const totals = results.reduce(
  (t, r) => ({
    passed: t.passed + (r.counts?.passed ?? 0),
    failed: t.failed + (r.counts?.failed ?? (r.ok ? 0 : 1)),
    skipped: t.skipped + (r.counts?.skipped ?? 0),
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
if (failed && totals.failed === 0) totals.failed = 1;
console.log(failed ? "\nnpm test: FAILED" : "\nnpm test: all runs passed");
console.log(
  `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`,
);
process.exit(failed ? 1 : 0);
