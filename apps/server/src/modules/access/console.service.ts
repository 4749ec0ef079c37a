import type {
  CreateDoorBan,
  CreateDoorController,
  DoorAlarm,
  DoorAlarmSummary,
  DoorBan,
  DoorController,
  DoorControllerCredentials,
  DoorEntry,
  DoorPolicy,
  ListDoorAlarmsQuery,
  ListDoorControllersQuery,
  ListDoorEntriesQuery,
  Page,
  PositionUsage,
  PositionUsageQuery,
  UpdateDoorController,
  UpdateDoorPolicy,
} from '@niangjia/contracts';
import type { DoorConfig } from '../../config';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { announceTodoChange } from '../../platform/notifications';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, versionConflict } from '../../platform/errors';
import { encryptField, type DataKeys } from '../../platform/pii';
import type { Secrets } from '../../platform/secrets';
import * as repo from './access.repository';
import { deriveStaticCode, generateDeviceId, generateDeviceSecret } from './door-crypto';
import { DEFAULT_POLICY, isOnline, maskPhone } from './doors.service';
import { hashDeviceSecret, SECRET_PURPOSE, type DoorGateway } from './gateway';

export type StaffActor = { scope: Scope; audit: AuditContext };
type Paging = { page: number; pageSize: number };

const notFound = (entity: string) => new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity } });
const limitOf = (q: Paging) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

/** The console's side of smart stations: controllers, policy, bans, entry log, alarms, usage. */
export function createAccessService({ db, secrets, dataKeys, gateway, door, publicUrl }: { db: Db; secrets: Secrets; dataKeys: DataKeys; gateway: DoorGateway; door: DoorConfig; publicUrl: string | undefined }) {
  const toController = (r: NonNullable<Awaited<ReturnType<typeof repo.findControllerListed>>>): DoorController => ({
    id: r.controller.id,
    deviceId: r.controller.deviceId,
    positionId: r.controller.positionId,
    positionName: r.positionName,
    name: r.controller.name,
    codeMode: r.controller.codeMode as DoorController['codeMode'],
    maxDistanceM: r.controller.maxDistanceM,
    status: r.controller.status as DoorController['status'],
    isOnline: isOnline(r.controller, door),
    lastSeenAt: r.controller.lastSeenAt?.toISOString() ?? null,
    doorState: r.controller.doorState as DoorController['doorState'],
    openAlarms: Number(r.openAlarms),
    createdAt: r.controller.createdAt.toISOString(),
    version: r.controller.version,
  });

  async function getControllerInScope(id: string, scope: Scope) {
    const r = await repo.findControllerListed(db, id);
    if (!r || !isInScope(scope, r.orgPath)) throw notFound('ENTITY_door_controller');
    return r;
  }

  async function getPositionInScope(positionId: string, scope: Scope, path = 'positionId') {
    const found = await repo.findPositionWithOrg(db, positionId);
    if (!found || !isInScope(scope, found.orgPath)) throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_position' }, errors: [{ path, message: 'NOT_FOUND' }] });
    return found.position;
  }

  async function credentialsOf(id: string, secret: string): Promise<DoorControllerCredentials> {
    const r = (await repo.findControllerListed(db, id))!;
    const staticCode = r.controller.codeMode === 'static' ? deriveStaticCode(secret, r.controller.deviceId) : null;
    const base = (publicUrl ?? '').replace(/\/$/, '');
    return {
      controller: toController(r),
      deviceId: r.controller.deviceId,
      secret,
      mqttUrl: gateway.publicMqttUrl,
      staticCode,
      doorUrl: `${base}/m/door/${r.controller.deviceId}${staticCode ? `?c=${staticCode}` : ''}`,
    };
  }

  const toAlarm = (r: NonNullable<Awaited<ReturnType<typeof repo.findAlarm>>>): DoorAlarm => ({
    id: r.alarm.id,
    positionId: r.alarm.positionId,
    positionName: r.positionName,
    controllerId: r.alarm.controllerId,
    controllerName: r.controllerName,
    deviceId: r.deviceId,
    kind: r.alarm.kind as DoorAlarm['kind'],
    status: r.alarm.status as DoorAlarm['status'],
    raisedAt: r.alarm.raisedAt.toISOString(),
    detail: r.alarm.detail as Record<string, unknown>,
    acknowledgedAt: r.alarm.acknowledgedAt?.toISOString() ?? null,
    acknowledgedByName: r.alarm.acknowledgedByName,
    resolvedAt: r.alarm.resolvedAt?.toISOString() ?? null,
    resolvedByName: r.alarm.resolvedByName,
    note: r.alarm.note,
    version: r.alarm.version,
  });

  async function underPathOf(orgId: string | undefined, scope: Scope): Promise<string | undefined> {
    if (!orgId) return undefined;
    const path = await repo.findOrgPath(db, orgId);
    if (!path || !isInScope(scope, path)) throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_org' }, errors: [{ path: 'orgId', message: 'NOT_FOUND' }] });
    return path;
  }

  return {
    async listControllers(q: ListDoorControllersQuery & { orgId?: string | undefined }, scope: Scope): Promise<Page<DoorController>> {
      const underPath = await underPathOf(q.orgId, scope);
      const { items, total } = await repo.listControllers(db, { scope, underPath, positionId: q.positionId, status: q.status }, limitOf(q));
      return { items: items.map(toController), total, page: q.page, pageSize: q.pageSize };
    },

    async getController(id: string, scope: Scope): Promise<DoorController> {
      return toController(await getControllerInScope(id, scope));
    },

    async createController(input: CreateDoorController, actor: StaffActor): Promise<DoorControllerCredentials> {
      const position = await getPositionInScope(input.positionId, actor.scope);
      const secret = generateDeviceSecret();
      const id = await db.transaction(async (tx) => {
        const row = await repo.insertController(tx, {
          deviceId: generateDeviceId(),
          positionId: position.id,
          orgId: position.orgId,
          name: input.name,
          codeMode: input.codeMode,
          maxDistanceM: input.maxDistanceM,
          secretEnc: encryptField(dataKeys, SECRET_PURPOSE, secret),
          secretHash: hashDeviceSecret(secrets, secret),
        });
        await recordAudit(tx, actor.audit, { action: 'door_controller.create', entityType: 'door_controller', entityId: row.id, orgId: row.orgId, after: { deviceId: row.deviceId, name: row.name, codeMode: row.codeMode } });
        return row.id;
      });
      return credentialsOf(id, secret);
    },

    async updateController(id: string, input: UpdateDoorController, actor: StaffActor): Promise<DoorController> {
      const before = await getControllerInScope(id, actor.scope);
      await db.transaction(async (tx) => {
        const { version, ...values } = input;
        const row = await repo.updateController(tx, id, values, version);
        if (!row) throw versionConflict(version, before.controller.version);
        await recordAudit(tx, actor.audit, { action: 'door_controller.update', entityType: 'door_controller', entityId: id, orgId: row.orgId, before: { name: before.controller.name, codeMode: before.controller.codeMode, maxDistanceM: before.controller.maxDistanceM }, after: values });
      });
      return toController((await repo.findControllerListed(db, id))!);
    },

    async rotateSecret(id: string, version: number, actor: StaffActor): Promise<DoorControllerCredentials> {
      const before = await getControllerInScope(id, actor.scope);
      if (before.controller.status !== 'active') throw new AppError('CONFLICT', { status: 409 });
      const secret = generateDeviceSecret();
      await db.transaction(async (tx) => {
        const row = await repo.updateController(tx, id, { secretEnc: encryptField(dataKeys, SECRET_PURPOSE, secret), secretHash: hashDeviceSecret(secrets, secret) }, version);
        if (!row) throw versionConflict(version, before.controller.version);
        await recordAudit(tx, actor.audit, { action: 'door_controller.rotate_secret', entityType: 'door_controller', entityId: id, orgId: row.orgId });
      });
      gateway.disconnectDevice(before.controller.deviceId);
      return credentialsOf(id, secret);
    },

    async revokeController(id: string, version: number, actor: StaffActor): Promise<DoorController> {
      const before = await getControllerInScope(id, actor.scope);
      await db.transaction(async (tx) => {
        const row = await repo.updateController(tx, id, { status: 'revoked', revokedAt: new Date() }, version);
        if (!row) throw versionConflict(version, before.controller.version);
        await recordAudit(tx, actor.audit, { action: 'door_controller.revoke', entityType: 'door_controller', entityId: id, orgId: row.orgId });
      });
      gateway.disconnectDevice(before.controller.deviceId);
      return toController((await repo.findControllerListed(db, id))!);
    },

    async getPolicy(positionId: string, scope: Scope): Promise<DoorPolicy> {
      await getPositionInScope(positionId, scope);
      const row = await repo.findPolicy(db, positionId);
      if (!row) return { positionId, ...DEFAULT_POLICY, version: 0 };
      return { positionId, scanHours: row.scanHours as DoorPolicy['scanHours'], customRanges: row.customRanges as DoorPolicy['customRanges'], whoMayEnter: row.whoMayEnter as DoorPolicy['whoMayEnter'], isClosed: row.isClosed, closedNote: row.closedNote, rateLimitPer10Min: row.rateLimitPer10Min, version: row.version };
    },

    async putPolicy(positionId: string, input: UpdateDoorPolicy, actor: StaffActor): Promise<DoorPolicy> {
      const position = await getPositionInScope(positionId, actor.scope);
      const values = { scanHours: input.scanHours, customRanges: input.customRanges, whoMayEnter: input.whoMayEnter, isClosed: input.isClosed, closedNote: input.closedNote ?? null, rateLimitPer10Min: input.rateLimitPer10Min };
      await db.transaction(async (tx) => {
        const row = input.version === 0 ? await repo.insertPolicy(tx, { positionId, orgId: position.orgId, ...values }) : await repo.updatePolicy(tx, positionId, input.version, values);
        if (!row) throw versionConflict(input.version);
        await recordAudit(tx, actor.audit, { action: 'door_policy.update', entityType: 'position', entityId: positionId, orgId: position.orgId, after: values });
      });
      return this.getPolicy(positionId, actor.scope);
    },

    async listBans(q: { positionId?: string | undefined } & Paging, scope: Scope): Promise<Page<DoorBan>> {
      const { items, total } = await repo.listBans(db, { scope, positionId: q.positionId }, limitOf(q));
      return {
        items: items.map((r) => ({ id: r.ban.id, positionId: r.ban.positionId, positionName: r.positionName, phoneMasked: maskPhone(r.ban.phone) ?? '', personName: r.personName, reason: r.ban.reason, until: r.ban.until?.toISOString() ?? null, createdAt: r.ban.createdAt.toISOString(), createdByName: r.ban.createdByName })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async createBan(input: CreateDoorBan, actor: StaffActor): Promise<DoorBan> {
      const position = await getPositionInScope(input.positionId, actor.scope);
      const phone = input.phone ?? (input.userId ? (await repo.findWorker(db, input.userId)).phone : null);
      if (!phone) throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'userId', message: 'DOOR_BAN_NO_PHONE' }] });
      const ban = await db.transaction(async (tx) => {
        const row = await repo.insertBan(tx, { positionId: position.id, orgId: position.orgId, phone, reason: input.reason, until: input.until ? new Date(input.until) : null, createdBy: actor.audit.actorId, createdByName: actor.audit.actorName });
        await recordAudit(tx, actor.audit, { action: 'door_ban.create', entityType: 'door_ban', entityId: row.id, orgId: row.orgId, after: { positionId: row.positionId, phone: maskPhone(row.phone), reason: row.reason } });
        return row;
      });
      return { id: ban.id, positionId: ban.positionId, positionName: position.name, phoneMasked: maskPhone(ban.phone) ?? '', personName: null, reason: ban.reason, until: ban.until?.toISOString() ?? null, createdAt: ban.createdAt.toISOString(), createdByName: ban.createdByName };
    },

    async liftBan(id: string, actor: StaffActor): Promise<void> {
      const found = await repo.findBan(db, id);
      if (!found || !isInScope(actor.scope, found.orgPath) || found.ban.liftedAt) throw notFound('ENTITY_door_ban');
      await db.transaction(async (tx) => {
        await repo.liftBan(tx, id, new Date());
        await recordAudit(tx, actor.audit, { action: 'door_ban.lift', entityType: 'door_ban', entityId: id, orgId: found.ban.orgId });
      });
    },

    async listEntries(q: ListDoorEntriesQuery & { orgId?: string | undefined }, scope: Scope): Promise<Page<DoorEntry>> {
      const underPath = await underPathOf(q.orgId, scope);
      const { items, total } = await repo.listEntries(db, { scope, underPath, positionId: q.positionId, controllerId: q.controllerId, result: q.result, from: q.from, to: q.to }, limitOf(q));
      return {
        items: items.map(({ entry: e, positionName, controllerName }) => ({
          id: e.id,
          at: e.at.toISOString(),
          positionId: e.positionId,
          positionName,
          controllerId: e.controllerId,
          controllerName,
          deviceId: e.deviceId,
          userId: e.userId,
          personName: e.personName,
          phoneMasked: e.phoneMasked,
          result: e.result as DoorEntry['result'],
          reason: e.reason,
          commandId: e.commandId,
          isAfterHours: e.isAfterHours,
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async listAlarms(q: ListDoorAlarmsQuery & { orgId?: string | undefined }, scope: Scope): Promise<Page<DoorAlarm>> {
      const underPath = await underPathOf(q.orgId, scope);
      const { items, total } = await repo.listAlarms(db, { scope, underPath, status: q.status, positionId: q.positionId }, limitOf(q));
      return { items: items.map(toAlarm), total, page: q.page, pageSize: q.pageSize };
    },

    async summarizeAlarms(scope: Scope, orgId?: string): Promise<DoorAlarmSummary> {
      const underPath = await underPathOf(orgId, scope);
      const counts = await repo.countAlarmsByStatus(db, scope, underPath);
      const latest = await repo.listAlarms(db, { scope, underPath, status: 'open' }, { limit: 5, offset: 0 });
      return { open: counts.open ?? 0, acknowledged: counts.acknowledged ?? 0, latest: latest.items.map(toAlarm) };
    },

    async moveAlarm(id: string, to: 'acknowledged' | 'resolved', input: { version: number; note?: string | undefined }, actor: StaffActor): Promise<DoorAlarm> {
      const found = await repo.findAlarm(db, id);
      if (!found || !isInScope(actor.scope, found.orgPath)) throw notFound('ENTITY_door_alarm');
      const allowedFrom = to === 'acknowledged' ? ['open'] : ['open', 'acknowledged'];
      if (!allowedFrom.includes(found.alarm.status)) throw new AppError('DOOR_ALARM_STATE', { status: 409 });
      const now = new Date();
      await db.transaction(async (tx) => {
        const values =
          to === 'acknowledged'
            ? { status: to, acknowledgedAt: now, acknowledgedBy: actor.audit.actorId, acknowledgedByName: actor.audit.actorName, ...(input.note ? { note: input.note } : {}) }
            : { status: to, resolvedAt: now, resolvedBy: actor.audit.actorId, resolvedByName: actor.audit.actorName, note: input.note ?? null, ...(found.alarm.acknowledgedAt ? {} : { acknowledgedAt: now, acknowledgedBy: actor.audit.actorId, acknowledgedByName: actor.audit.actorName }) };
        const row = await repo.updateAlarm(tx, id, input.version, values);
        if (!row) throw versionConflict(input.version, found.alarm.version);
        await recordAudit(tx, actor.audit, { action: `door_alarm.${to === 'acknowledged' ? 'acknowledge' : 'resolve'}`, entityType: 'door_alarm', entityId: id, orgId: row.orgId, after: { status: to, note: input.note ?? null } });
        await announceTodoChange(tx, row.orgId);
      });
      return toAlarm((await repo.findAlarm(db, id))!);
    },

    async getUsage(positionId: string, q: PositionUsageQuery, scope: Scope): Promise<PositionUsage> {
      await getPositionInScope(positionId, scope, 'id');
      const to = q.to ? new Date(q.to) : new Date();
      const from = q.from ? new Date(q.from) : new Date(to.getTime() - (q.granularity === 'hour' ? 2 : q.granularity === 'day' ? 30 : 365) * 86400_000);
      if (from >= to) throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'from', message: 'FIELD_FORMAT' }] });
      return buildUsage(db, positionId, q.granularity, from, to);
    },
  };
}

export async function buildUsage(db: Db, positionId: string, granularity: 'hour' | 'day' | 'month', from: Date, to: Date): Promise<PositionUsage> {
  const { rows, totals } = await repo.aggregateUsage(db, positionId, granularity, from, to);
  return {
    positionId,
    granularity,
    from: from.toISOString(),
    to: to.toISOString(),
    buckets: rows.map((r) => ({ bucket: `${r.bucket}+08:00`, visits: Number(r.visits), uniqueVisitors: Number(r.unique_visitors), afterHoursVisits: Number(r.after_hours) })),
    totals: {
      visits: Number(totals.visits),
      uniqueVisitors: Number(totals.unique_visitors),
      afterHoursVisits: Number(totals.after_hours),
      afterHoursShare: Number(totals.visits) ? Number(totals.after_hours) / Number(totals.visits) : 0,
      refused: Number(totals.refused),
    },
  };
}

export type AccessService = ReturnType<typeof createAccessService>;
