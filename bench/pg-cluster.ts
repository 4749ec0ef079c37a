import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A throwaway PostgreSQL 15 cluster, as .ci/run makes one: initdb into a temporary directory
 * (as the postgres user when we are root), trust auth on 127.0.0.1, durability off. stop()
 * removes everything; it also runs on process exit.
 */
export type PgCluster = {
  url(database: string): string;
  port: number;
  bin: string;
  stop(): void;
};

const DEFAULT_BIN = "/usr/lib/postgresql/15/bin";

export function pgBin(): string {
  return process.env.PG_BIN ?? DEFAULT_BIN;
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 200; port++)
    if (await portIsFree(port)) return port;
  throw new Error(`no free port in ${from}-${from + 199}`);
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = pgBin();
  if (!fs.existsSync(path.join(bin, "initdb")))
    throw new Error(
      `PostgreSQL binaries not found in ${bin} (set PG_BIN or BENCH_DATABASE_URL)`,
    );
  const port = await freePort(54339);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-bench-pg-"));
  fs.chmodSync(dir, 0o755);
  const root = isRoot();
  if (root) {
    const uid = Number(
      execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim(),
    );
    const gid = Number(
      execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim(),
    );
    fs.chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  const log = path.join(dir, "postgres.log");
  const asPg = (cmd: string, args: string[]) => {
    const [file, argv] = root
      ? ["runuser", ["-u", "postgres", "--", cmd, ...args]]
      : [cmd, args];
    const r = spawnSync(file, argv, { cwd: dir, encoding: "utf8" });
    if (r.status !== 0) {
      const logText = fs.existsSync(log) ? fs.readFileSync(log, "utf8") : "";
      throw new Error(
        `${path.basename(cmd)} failed (${r.status}): ${r.stderr}${r.stdout}\n${logText}`,
      );
    }
  };

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (fs.existsSync(path.join(data, "postmaster.pid"))) {
      try {
        asPg(path.join(bin, "pg_ctl"), [
          "stop",
          "-D",
          data,
          "-m",
          "immediate",
          "-s",
        ]);
      } catch {
        // already gone
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.on("exit", stop);

  try {
    asPg(path.join(bin, "initdb"), [
      "-D",
      data,
      "--auth=trust",
      "--username=postgres",
      "--encoding=UTF8",
      "--locale=C.UTF-8",
    ]);
    const opts = `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    asPg(path.join(bin, "pg_ctl"), [
      "start",
      "-w",
      "-t",
      "60",
      "-s",
      "-D",
      data,
      "-l",
      log,
      "-o",
      opts,
    ]);
  } catch (error) {
    stop();
    throw error;
  }
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    port,
    bin,
    stop,
  };
}
