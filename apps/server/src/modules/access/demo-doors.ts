import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { encryptField, type DataKeys } from '../../platform/pii';
import type { Secrets } from '../../platform/secrets';
import { position } from '../positions';
import { doorAlarm, doorController, doorEntry, doorPolicy } from './access.tables';
import { hashDeviceSecret, SECRET_PURPOSE } from './gateway';

/** Demo controllers with known secrets (printed at startup in demo mode only; never in production). */
export const DEMO_DOORS = [
  { positionCode: 'JB-RS-HQHG', deviceId: 'd-hqhg-demo01', name: '正门', codeMode: 'rotating', secret: 'demo-door-secret-hqhg-0001-not-for-production' },
  { positionCode: 'JB-RS-HQHG', deviceId: 'd-hqhg-demo02', name: '侧门（固定码）', codeMode: 'static', secret: 'demo-door-secret-hqhg-0002-not-for-production' },
] as const;

/**
 * Controllers for the 24-hour demo stations, a month of entries and an open alarm. A third of the
 * entries are the demo worker's, under his real name and phone; the rest are other night visitors.
 */
export async function seedDemoDoors(db: Db, pii: { secrets: Secrets; dataKeys: DataKeys }, worker: { id: string; name: string; phone: string }): Promise<void> {
  for (const d of DEMO_DOORS) {
    const p = (await db.select().from(position).where(eq(position.code, d.positionCode)).limit(1))[0];
    if (!p) continue;
    const [c] = await db
      .insert(doorController)
      .values({
        deviceId: d.deviceId,
        positionId: p.id,
        orgId: p.orgId,
        name: d.name,
        codeMode: d.codeMode,
        maxDistanceM: 150,
        secretEnc: encryptField(pii.dataKeys, SECRET_PURPOSE, d.secret),
        secretHash: hashDeviceSecret(pii.secrets, d.secret),
        doorState: 'closed',
      })
      .returning();
    if (d.codeMode !== 'rotating' || !c) continue;
    await db.insert(doorPolicy).values({ positionId: p.id, orgId: p.orgId }).onConflictDoNothing();
    // A month of night-time visits, a few refusals among them.
    const now = Date.now();
    const rows: (typeof doorEntry.$inferInsert)[] = [];
    for (let i = 0; i < 60; i++) {
      const day = Math.floor(i / 2);
      const hour = [19, 21, 23, 1, 3, 5][i % 6]!;
      const at = new Date(now - day * 86400_000 - ((new Date(now).getUTCHours() + 8 - hour + 48) % 24) * 3600_000);
      const isRefused = i % 9 === 4;
      rows.push({
        at,
        positionId: p.id,
        orgId: p.orgId,
        controllerId: c.id,
        deviceId: d.deviceId,
        userId: i % 3 === 0 ? worker.id : null,
        personName: i % 3 === 0 ? worker.name : ['王小明', '李强', '张伟', '刘洋'][i % 4]!,
        phoneMasked: i % 3 === 0 ? `${worker.phone.slice(0, 3)}****${worker.phone.slice(7)}` : `139****${String(2000 + (i % 4)).slice(-4)}`,
        result: isRefused ? 'refused' : 'opened',
        reason: isRefused ? 'DOOR_CODE_EXPIRED' : null,
        isAfterHours: true,
      });
    }
    await db.insert(doorEntry).values(rows);
    await db.insert(doorAlarm).values({ controllerId: c.id, positionId: p.id, orgId: p.orgId, kind: 'held_open', detail: { seconds: 180 }, raisedAt: new Date(now - 3600_000) });
    // The door that logged those entries and raised that alarm was connected then: its last contact
    // is the latest of them (it shows 离线 until the simulator connects it), so no alarm or entry
    // comes from a door that never spoke to the server.
    const lastContact = Math.max(now - 3600_000, ...rows.map((r) => (r.at as Date).getTime()));
    await db.update(doorController).set({ lastSeenAt: new Date(lastContact) }).where(eq(doorController.id, c.id));
  }
}

/** The startup banner's lines for the demo doors (demo mode only). */
export function demoDoorsText(mqttUrl: string): string {
  return [
    `  智慧驿站门禁 Demo doors (MQTT ${mqttUrl}; secrets are demo-only):`,
    ...DEMO_DOORS.map((d) => `    ${d.deviceId}  ${d.name.padEnd(8)} secret ${d.secret}`),
    `    npm run cli -- device simulate --device ${DEMO_DOORS[0].deviceId}     (prints the QR, UNLOCKED, sends alarms)`,
  ].join('\n');
}
