import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import mqtt, { type MqttClient } from 'mqtt';
import pg from 'pg';
import { z } from 'zod';
import type { DoorConfig, MqttConfig } from '../../config';
import type { Database } from '../../db/client';
import { decryptField, type DataKeys } from '../../platform/pii';
import { keyedHash, safeEqual, type Secrets } from '../../platform/secrets';
import { raiseAlarmAndNotify } from './access.notify';
import { exceedsJsonDepth } from '../../platform/validation';
import * as repo from './access.repository';
import type { DoorCache } from './door-cache';
import { recordAck, type RunQuery } from './scan.repository';
import { SERVER_MQTT_USER, startEmbeddedBroker, type EmbeddedBroker } from './broker';
import { commandTopic, createMessage, isValidSignature, parseUplinkTopic, UPLINK_FILTER, type DoorMessage } from './door-crypto';

export const SECRET_PURPOSE = 'door_controller.secret';
/** Device messages older or newer than this (device clock vs server clock) are refused. */
const MAX_SKEW_MS = 60_000;
/** Device messages are a few hundred bytes and nest two levels (message → body → detail). */
export const MAX_DEVICE_MESSAGE_BYTES = 8192;
export const MAX_DEVICE_MESSAGE_DEPTH = 6;
const ACK_CHANNEL = 'door_ack';

export const doorMessageSchema = z.strictObject({
  v: z.literal(1),
  type: z.enum(['unlock', 'ack', 'heartbeat', 'event']),
  deviceId: z.string().max(40),
  id: z.string().min(8).max(64),
  ts: z.number().int(),
  nonce: z.string().regex(/^[0-9a-f]{16,64}$/),
  body: z.record(z.string(), z.unknown()),
  sig: z.string().max(100),
});

const ackBodySchema = z.object({ commandId: z.uuid(), result: z.enum(['done', 'refused']), reason: z.string().max(60).optional(), duplicate: z.boolean().optional() });
const heartbeatBodySchema = z.object({ doorState: z.enum(['closed', 'open', 'unknown']).optional() }).loose();
const eventBodySchema = z
  .object({ kind: z.enum(['held_open', 'forced_open', 'power_lost', 'power_restored', 'tamper', 'door_state']), doorState: z.enum(['closed', 'open', 'unknown']).optional() })
  .loose();

export type AckOutcome = { result: 'done' | 'refused' | 'timeout'; reason: string | null };
export type PreparedUnlock = { commandId: string; issuedAt: Date; expiresAt: Date };

/** The ack's NOTIFY payload: {"c": commandId, "r": "done"|"refused", "why": reason}. */
export function parseAckPayload(payload: string): { commandId: string; outcome: AckOutcome } | undefined {
  try {
    const p = JSON.parse(payload) as { c?: unknown; r?: unknown; why?: unknown };
    if (typeof p.c !== 'string' || (p.r !== 'done' && p.r !== 'refused')) return undefined;
    return { commandId: p.c, outcome: { result: p.r, reason: typeof p.why === 'string' ? p.why : null } };
  } catch {
    return undefined;
  }
}

/** The server password on the embedded broker, derived from the server key (same on every instance). */
export function serverMqttPassword(secrets: Secrets): string {
  return keyedHash(secrets, 'mqtt_server', 'v1');
}
export function hashDeviceSecret(secrets: Secrets, secret: string): string {
  return keyedHash(secrets, 'door_secret', secret);
}

/**
 * The server's side of the door protocol: starts the embedded broker (or connects to the
 * external one), publishes signed unlock commands and waits for their acknowledgement, and
 * checks every device message (signature, clock, nonce) before acting on it. Acks are written
 * to the database and announced with NOTIFY, so the instance that waits learns of an ack that
 * another instance received.
 */
export function createDoorGateway(deps: { database: Database; mqtt: MqttConfig; door: DoorConfig; secrets: Secrets; dataKeys: DataKeys; log: FastifyBaseLogger; isProduction?: boolean; onAck?: (result: 'done' | 'refused') => void; cache?: DoorCache }) {
  const { database, secrets, dataKeys, log } = deps;
  const db = database.db;
  /** Acks carry their outcome (from the NOTIFY payload, or the local handler) to the scan that waits. */
  const acks = new EventEmitter();
  /** Acks get their own two connections, so they never queue behind the scans in the main pool. */
  let ackPool: pg.Pool | undefined;
  const runAck: RunQuery = (text, params) => (ackPool ? ackPool.query(text, params).then((r) => r.rows) : database.query(text, params));
  acks.setMaxListeners(0);
  let broker: EmbeddedBroker | undefined;
  let client: MqttClient | undefined;
  let listener: pg.Client | undefined;
  let sweepTimer: NodeJS.Timeout | undefined;
  let url = deps.mqtt.url ?? '';
  const isExternal = Boolean(deps.mqtt.url);

  const secretOf = (c: repo.ControllerRow) => decryptField(dataKeys, SECRET_PURPOSE, c.secretEnc);

  async function reject(deviceId: string | null, topic: string, reason: string): Promise<void> {
    log.warn({ deviceId, topic, reason }, 'door message refused');
    await repo.insertRejected(db, { deviceId, topic, reason }).catch(() => undefined);
  }

  /** The controller's row for a device: this instance's copy when there is one (the ack's statement re-checks its version). */
  async function findController(deviceId: string): Promise<repo.ControllerRow | undefined> {
    return deps.cache ? (await deps.cache.find(deviceId))?.controller : repo.findControllerByDevice(db, deviceId);
  }

  async function handleUplink(topic: string, payload: Buffer, isRetry = false): Promise<void> {
    const parsedTopic = parseUplinkTopic(topic);
    if (!parsedTopic) return;
    const { deviceId, kind } = parsedTopic;
    // Measured before anything parses it or computes its canonical form for the signature: a deeply
    // nested message overflowed the stack there (issue 9).
    if (payload.length > MAX_DEVICE_MESSAGE_BYTES) return reject(deviceId, topic, 'too_large');
    const text = payload.toString('utf8');
    if (exceedsJsonDepth(text, MAX_DEVICE_MESSAGE_DEPTH)) return reject(deviceId, topic, 'too_deep');
    let message: DoorMessage;
    try {
      const parsed = doorMessageSchema.safeParse(JSON.parse(text));
      if (!parsed.success) return reject(deviceId, topic, 'malformed');
      message = parsed.data;
    } catch {
      return reject(deviceId, topic, 'malformed');
    }
    if (message.deviceId !== deviceId || message.type !== kind) return reject(deviceId, topic, 'topic_mismatch');
    const controller = isRetry ? await repo.findControllerByDevice(db, deviceId) : await findController(deviceId);
    if (!controller) return reject(deviceId, topic, 'unknown_device');
    if (controller.status !== 'active') return reject(deviceId, topic, 'revoked_device');
    if (!isValidSignature(secretOf(controller), message)) {
      // A rotated secret may not have reached this instance's copy yet: judge once more on a fresh read.
      if (!isRetry && deps.cache) {
        deps.cache.drop(deviceId);
        return handleUplink(topic, payload, true);
      }
      return reject(deviceId, topic, 'bad_signature');
    }
    const now = new Date();
    if (Math.abs(now.getTime() - message.ts) > MAX_SKEW_MS) return reject(deviceId, topic, 'stale');
    // The ack's nonce is recorded by its own statement below.
    if (kind !== 'ack' && !(await repo.insertNonce(db, deviceId, message.nonce))) return reject(deviceId, topic, 'replay');

    if (kind === 'ack') {
      const body = ackBodySchema.safeParse(message.body);
      if (!body.success) return reject(deviceId, topic, 'malformed');
      // One statement: nonce, first ack, last seen, entry, and the NOTIFY with the result (sent at commit).
      const recorded = await recordAck(runAck, {
        controllerId: controller.id,
        controllerVersion: controller.version,
        deviceId,
        nonce: message.nonce,
        at: now,
        result: body.data.result,
        reason: body.data.reason ?? null,
        commandId: body.data.commandId,
        channel: ACK_CHANNEL,
      });
      if (recorded.kind === 'stale') {
        // The copy was out of date (rotated or revoked meanwhile): judge the message again on a fresh read.
        deps.cache?.drop(deviceId);
        if (isRetry) return reject(deviceId, topic, 'revoked_device');
        return handleUplink(topic, payload, true);
      }
      if (recorded.kind === 'replay') return reject(deviceId, topic, 'replay');
      if (recorded.kind === 'foreign') return reject(deviceId, topic, 'foreign_command');
      if (recorded.kind === 'again') {
        log.info({ deviceId, commandId: body.data.commandId }, 'door command acknowledged again (ignored)');
        return;
      }
      // Heard here at once; other instances hear the statement's NOTIFY.
      acks.emit(recorded.commandId, { result: recorded.result, reason: recorded.reason } satisfies AckOutcome);
      // Which instance recorded it (the log line carries the instance id): with several instances the ack may reach another one than the scan.
      log.info({ deviceId, commandId: recorded.commandId, result: recorded.result }, 'door command acknowledged');
      deps.onAck?.(recorded.result);
      return;
    }
    if (kind === 'heartbeat') {
      const body = heartbeatBodySchema.safeParse(message.body);
      await repo.touchController(db, controller.id, now, body.success ? body.data.doorState : undefined);
      return;
    }
    const body = eventBodySchema.safeParse(message.body);
    if (!body.success) return reject(deviceId, topic, 'malformed');
    const { kind: eventKind, doorState, ...detail } = body.data;
    await repo.touchController(db, controller.id, now, doorState ?? (eventKind === 'held_open' || eventKind === 'forced_open' ? 'open' : undefined));
    if (eventKind === 'door_state' || eventKind === 'power_restored') return;
    const alarm = await raiseAlarmAndNotify(db, controller, eventKind, detail, now);
    if (alarm) log.warn({ deviceId, alarmId: alarm.id, kind: eventKind }, 'door alarm raised');
  }

  async function sweepOffline(): Promise<void> {
    const silentSince = new Date(Date.now() - deps.door.heartbeatSeconds * deps.door.offlineAfterMissed * 1000);
    const now = new Date();
    for (const c of await repo.markSilentOffline(db, silentSince)) {
      await raiseAlarmAndNotify(db, c, 'offline', { lastSeenAt: c.lastSeenAt?.toISOString() ?? null }, now);
      log.warn({ deviceId: c.deviceId }, 'door controller offline');
    }
    await repo.pruneNonces(db, new Date(Date.now() - 10 * MAX_SKEW_MS));
  }

  return {
    get mqttUrl() {
      return url;
    },
    /** Devices' broker URL as told at registration. */
    get publicMqttUrl() {
      return deps.mqtt.publicUrl ?? url;
    },

    async start(): Promise<void> {
      if (!isExternal) {
        broker = await startEmbeddedBroker({
          port: deps.mqtt.port,
          host: deps.mqtt.host,
          log,
          isPortFallbackAllowed: !deps.isProduction,
          auth: {
            serverPassword: serverMqttPassword(secrets),
            async checkDevice(deviceId, password) {
              const c = await repo.findControllerByDevice(db, deviceId);
              return Boolean(c && c.status === 'active' && safeEqual(c.secretHash, hashDeviceSecret(secrets, password)));
            },
          },
        });
        url = broker.url;
      }
      const username = isExternal ? deps.mqtt.username : SERVER_MQTT_USER;
      const password = isExternal ? deps.mqtt.password : serverMqttPassword(secrets);
      client = await mqtt.connectAsync(url, {
        clientId: `niangjia-server-${randomUUID().slice(0, 8)}`,
        ...(username ? { username } : {}),
        ...(password ? { password } : {}),
        reconnectPeriod: 1000,
        connectTimeout: 5000,
      });
      client.on('message', (topic, payload) => {
        handleUplink(topic, payload).catch((error: unknown) => log.error({ err: error, topic }, 'door message failed'));
      });
      client.on('error', (error) => log.error({ err: error }, 'mqtt client error'));
      // With an external broker several instances share the uplinks (each message to one of them).
      await client.subscribeAsync(isExternal ? `$share/${deps.mqtt.shareGroup}/${UPLINK_FILTER}` : UPLINK_FILTER, { qos: 1 });
      if (database.kind === 'postgres' && database.pool) {
        ackPool = new pg.Pool({ connectionString: (database.pool.options as { connectionString?: string }).connectionString, max: 2 });
        ackPool.on('error', (error) => log.error({ err: error }, 'door ack pool connection failed'));
        listener = new pg.Client({ connectionString: (database.pool.options as { connectionString?: string }).connectionString });
        await listener.connect();
        listener.on('notification', (n) => {
          if (n.channel !== ACK_CHANNEL || !n.payload) return;
          const heard = parseAckPayload(n.payload);
          if (heard) acks.emit(heard.commandId, heard.outcome);
        });
        listener.on('error', (error) => log.error({ err: error }, 'door ack listener failed'));
        await listener.query(`listen ${ACK_CHANNEL}`);
      }
      sweepTimer = setInterval(() => void sweepOffline().catch((error: unknown) => log.error({ err: error }, 'door offline sweep failed')), deps.door.heartbeatSeconds * 1000);
      sweepTimer.unref();
    },

    async stop(): Promise<void> {
      if (sweepTimer) clearInterval(sweepTimer);
      await client?.endAsync().catch(() => undefined);
      await listener?.end().catch(() => undefined);
      await ackPool?.end().catch(() => undefined);
      ackPool = undefined;
      await broker?.close();
    },

    /** Kicks a device off the embedded broker (after a rotation or a revocation). */
    disconnectDevice(deviceId: string): void {
      broker?.disconnect(deviceId);
    },

    sweepOffline,

    /** A new command's id and times, recorded by the scan's own write (scan.repository `commitScan`). */
    prepareUnlock(): PreparedUnlock {
      const issuedAt = new Date();
      return { commandId: randomUUID(), issuedAt, expiresAt: new Date(issuedAt.getTime() + deps.door.commandTtlMs) };
    },

    /**
     * Sends a signed, single-use unlock command (expires in 10 s) and waits up to the ack timeout
     * for the controller's acknowledgement, from whichever instance receives it: the outcome travels
     * in the ack's NOTIFY, so the scan does not read it back. The command row was recorded by the scan.
     */
    async sendUnlock(controller: repo.ControllerRow, entryId: string, prepared: PreparedUnlock): Promise<{ commandId: string; outcome: AckOutcome; publishedAt: number }> {
      if (!client) throw new Error('door gateway not started');
      const { commandId, issuedAt, expiresAt } = prepared;
      const message = createMessage(secretOf(controller), { type: 'unlock', deviceId: controller.deviceId, id: commandId, ts: issuedAt.getTime(), body: { expiresAt: expiresAt.getTime(), entryId } });
      let onAck: (heard?: AckOutcome) => void = () => undefined;
      const acked = new Promise<AckOutcome | undefined>((resolve) => {
        onAck = resolve;
        acks.once(commandId, onAck);
      });
      const publishedAt = Date.now();
      let timer: NodeJS.Timeout | undefined;
      let heard: AckOutcome | undefined | 'timeout';
      try {
        await client.publishAsync(commandTopic(controller.deviceId), JSON.stringify(message), { qos: 1 });
        const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), deps.door.ackTimeoutMs)));
        heard = await Promise.race([acked, timedOut]);
      } finally {
        clearTimeout(timer);
        acks.removeListener(commandId, onAck);
      }
      if (heard && heard !== 'timeout') return { commandId, outcome: heard, publishedAt };
      // The database is the truth: an ack recorded by another instance counts even if its NOTIFY was missed.
      const command = await repo.findCommand(db, commandId);
      const outcome: AckOutcome = command?.ackedAt ? { result: command.ackResult === 'done' ? 'done' : 'refused', reason: command.ackReason } : { result: 'timeout', reason: null };
      return { commandId, outcome, publishedAt };
    },
  };
}

export type DoorGateway = ReturnType<typeof createDoorGateway>;
