/**
 * The 200 door controllers of bench/doors.ts, in their own process (devices are not the server):
 * reads [{ deviceId, secret }] from the DOORS env (JSON), connects each to BROKER, and reports
 * { ready } then { commandId, at } (Date.now()) for every unlock over IPC.
 */
import {
  startDoorSimulator,
  type DoorSimulator,
} from "../apps/server/src/modules/access";

const doors = JSON.parse(process.env.DOORS ?? "[]") as {
  deviceId: string;
  secret: string;
}[];
const sims: DoorSimulator[] = [];
for (const d of doors) {
  sims.push(
    await startDoorSimulator({
      mqttUrl: process.env.BROKER!,
      deviceId: d.deviceId,
      secret: d.secret,
      heartbeatMs: 600_000,
      onUnlock: (commandId) => process.send?.({ commandId, at: Date.now() }),
    }),
  );
}
process.send?.({ ready: true });
process.on("message", (m: { stop?: boolean }) => {
  if (m.stop)
    void Promise.all(sims.map((s) => s.close())).then(() => process.exit(0));
});
