import { and, asc, count, eq, min } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { registerMessages } from '../../platform/i18n';
import { collectTodos, notify, type TodoSource } from '../../platform/notifications';
import { findAlarm, raiseAlarm, type ControllerRow } from './access.repository';
import { org, todoScopeCondition } from '../orgs';
import { position } from '../positions';
import { doorAlarm, doorController } from './access.tables';

registerMessages({
  NOTIFY_DOOR_ALARM: ['智慧驿站告警：{kind}', 'Smart station alarm: {kind}'],
  NOTIFY_DOOR_ALARM_BODY: ['{position}（{controller}）', '{position} ({controller})'],
  // Alarm kinds in the console's words (web admin/features/access/locales*.ts).
  TODO_DOOR_ALARM: ['{position}：{kind}（{controller}）', '{position}: {kind} ({controller})'],
  DOOR_ALARM_KIND_held_open: ['门开着太久', 'Door held open too long'],
  DOOR_ALARM_KIND_forced_open: ['门被强行打开', 'Door forced open'],
  DOOR_ALARM_KIND_power_lost: ['断电', 'Power lost'],
  DOOR_ALARM_KIND_tamper: ['设备被拆动', 'Tampering'],
  DOOR_ALARM_KIND_offline: ['设备离线', 'Controller offline'],
});

/** 智慧驿站告警: door alarms in scope nobody has taken up yet (open; acknowledged ones are in hand). */
export const doorAlarmTodos: TodoSource = {
  kind: 'door_alarm',
  permission: 'access.write',
  list(db: Db, q) {
    const where = and(eq(doorAlarm.status, 'open'), todoScopeCondition(q));
    return collectTodos(
      db.select({ n: count(), oldest: min(doorAlarm.raisedAt) }).from(doorAlarm).innerJoin(org, eq(org.id, doorAlarm.orgId)).where(where),
      db
        .select({ id: doorAlarm.id, kind: doorAlarm.kind, positionId: doorAlarm.positionId, positionName: position.name, controller: doorController.name, orgName: org.name, at: doorAlarm.raisedAt })
        .from(doorAlarm)
        .innerJoin(org, eq(org.id, doorAlarm.orgId))
        .innerJoin(position, eq(position.id, doorAlarm.positionId))
        .innerJoin(doorController, eq(doorController.id, doorAlarm.controllerId))
        .where(where)
        .orderBy(asc(doorAlarm.raisedAt))
        .limit(q.limit),
      (r) => ({ id: r.id, title: { key: 'TODO_DOOR_ALARM', params: { position: r.positionName, kind: `DOOR_ALARM_KIND_${r.kind}`, controller: r.controller } }, orgName: r.orgName, at: r.at, link: `/admin/access/stations/${r.positionId}?tab=alarms` }),
    );
  },
};

/**
 * Raises an alarm and, when it is new (the same kind is not already open on the controller), tells
 * the station's staff in the same transaction; it then waits in their 待办 until acknowledged.
 */
export async function raiseAlarmAndNotify(db: Db, c: ControllerRow, kind: string, detail: Record<string, unknown>, at: Date) {
  return db.transaction(async (tx) => {
    const alarm = await raiseAlarm(tx, c, kind, detail, at);
    if (!alarm) return undefined;
    const positionName = (await findAlarm(tx, alarm.id))?.positionName ?? '';
    const controllerName = c.name;
    await notify(tx, {
      to: { staffWith: 'access.write', inScopeOf: c.orgId },
      kind: 'door_alarm.raised',
      title: { key: 'NOTIFY_DOOR_ALARM', params: { kind: `DOOR_ALARM_KIND_${kind}` } },
      body: { key: 'NOTIFY_DOOR_ALARM_BODY', params: { position: positionName, controller: controllerName } },
      link: `/admin/access/stations/${c.positionId}?tab=alarms`,
      entity: { type: 'door_alarm', id: alarm.id },
    });
    return alarm;
  });
}
