/**
 * The app server as a child process of the members benchmark, so the load generator's memory
 * does not count: listens on a free port, samples its own RSS every 50 ms and answers the
 * parent's "peak" (and "reset") messages over IPC. Env: BENCH_MEMBERS_DB (a PostgreSQL URL).
 */
import os from "node:os";
import path from "node:path";
import { buildApp } from "../apps/server/src/app";
import { testConfig } from "../apps/server/src/config";
import { openDatabase } from "../apps/server/src/db/client";

let peak = process.memoryUsage().rss;
let atPeak: NodeJS.MemoryUsage | undefined;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  if (m.rss > peak) {
    peak = m.rss;
    atPeak = m;
  }
}, 50);

async function main(): Promise<void> {
  const database = await openDatabase({ databaseUrl: process.env.BENCH_MEMBERS_DB! });
  const app = await buildApp({
    config: testConfig({ webDistDir: path.join(os.tmpdir(), "niangjia-bench-no-web") }),
    database,
    logger: false,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  process.on("message", (msg: { type: string }) => {
    if (msg.type === "reset") peak = process.memoryUsage().rss;
    if (msg.type === "peak") process.send!({ type: "peak", peak, rss: process.memoryUsage().rss, atPeak });
    if (msg.type === "stop") {
      clearInterval(sampler);
      void app.close().then(() => database.close()).then(() => process.exit(0));
    }
  });
  process.send!({ type: "ready", port, rss: process.memoryUsage().rss });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
