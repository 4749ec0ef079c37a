/**
 * The POS load generator in its own process (issue 11 pt 7): signing and sending never compete
 * with the server for its event loop. Reads its options as JSON from argv[2]: `clients` closed
 * loops spread over the terminals' keys, each sending `batch` sales per request (one sale as a
 * plain body); an untimed warm-up, then the timed run. Prints one JSON line: accepted sales,
 * requests, seconds, and the requests' p50 / p99 in ms.
 */
import { randomSale, signPosRequest } from "../apps/server/src/modules/fund";

type Opts = { base: string; keys: { keyId: string; secret: string }[]; clients: number; batch: number; warmup: number; seconds: number; prefix: string };
const opts = JSON.parse(process.argv[2] ?? "{}") as Opts;
const PATH = "/api/v1/pos/sales";

async function post(key: { keyId: string; secret: string }, body: unknown): Promise<{ status: string }[]> {
  const text = JSON.stringify(body);
  const res = await fetch(opts.base + PATH, { method: "POST", headers: { ...signPosRequest({ ...key, method: "POST", path: PATH, body: text }), "content-type": "application/json" }, body: text });
  if (res.status !== 200) throw new Error(`POS answered ${res.status}: ${await res.text()}`);
  const answer = (await res.json()) as { status: string } | { results: { status: string }[] };
  return "results" in answer ? answer.results : [answer];
}

async function run(seconds: number, times: number[] | null): Promise<{ accepted: number; requests: number }> {
  const until = Date.now() + seconds * 1000;
  let accepted = 0;
  let requests = 0;
  await Promise.all(
    Array.from({ length: opts.clients }, async (_, c) => {
      const key = opts.keys[c % opts.keys.length]!;
      while (Date.now() < until) {
        const sales = Array.from({ length: opts.batch }, () => randomSale(`${opts.prefix}${c}`));
        const started = performance.now();
        const results = await post(key, opts.batch === 1 ? sales[0] : { sales });
        times?.push(performance.now() - started);
        requests += 1;
        accepted += results.filter((r) => r.status === "accepted").length;
      }
    }),
  );
  return { accepted, requests };
}

if (opts.warmup > 0) await run(opts.warmup, null);
const times: number[] = [];
const t0 = performance.now();
const { accepted, requests } = await run(opts.seconds, times);
const seconds = (performance.now() - t0) / 1000;
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN;
console.log(JSON.stringify({ accepted, requests, seconds, p50: q(0.5), p99: q(0.99) }));
