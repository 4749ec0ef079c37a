/**
 * The workers' phones of bench/doors.ts, in their own process (the load generator must not share
 * the server's event loop): on { base, headers, scans: [{ deviceId, code }] } it sends every scan
 * at once and replies { answers: [{ status, commandId, code, startedAt, answeredAt }] } (Date.now()).
 */
import { randomUUID } from "node:crypto";

type Job = { base: string; headers: Record<string, string>; scans: { deviceId: string; code: string }[] };

process.on("message", (m: Job | { stop: true }) => {
  if ("stop" in m) process.exit(0);
  const job = m;
  void Promise.all(
    job.scans.map(async (s) => {
      const startedAt = Date.now();
      const res = await fetch(`${job.base}/api/v1/doors/${s.deviceId}/open`, {
        method: "POST",
        headers: { "content-type": "application/json", ...job.headers },
        body: JSON.stringify({ code: s.code, requestId: randomUUID() }),
      });
      const body = (await res.json()) as { commandId?: string; code?: string };
      return { status: res.status, commandId: body.commandId ?? null, code: body.code ?? null, startedAt, answeredAt: Date.now() };
    }),
  ).then((answers) => process.send?.({ answers }));
});
process.send?.({ ready: true });
