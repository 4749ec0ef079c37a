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
export function createDoorGateway(deps: { database: Database; mqtt: MqttConfig; door: DoorConfig; secrets: Secrets; dataKeys: DataKeys; log: FastifyBaseLogger; isProduction?: boolean; onAck?: (result: 'done' | 'refused') => void }) {
  const { database, secrets, dataKeys, log } = deps;
  const db = database.db;
  const acks = new EventEmitter();
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

  function announceAck(commandId: string): void {
    acks.emit(commandId);
    if (database.kind === 'postgres') void database.query('select pg_notify($1, $2)', [ACK_CHANNEL, commandId]).catch(() => undefined);
  }

  async function handleUplink(topic: string, payload: Buffer): Promise<void> {
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
    const controller = await repo.findControllerByDevice(db, deviceId);
    if (!controller) return reject(deviceId, topic, 'unknown_device');
    if (controller.status !== 'active') return reject(deviceId, topic, 'revoked_device');
    if (!isValidSignature(secretOf(controller), message)) return reject(deviceId, topic, 'bad_signature');
    const now = new Date();
    if (Math.abs(now.getTime() - message.ts) > MAX_SKEW_MS) return reject(deviceId, topic, 'stale');
    if (!(await repo.insertNonce(db, deviceId, message.nonce))) return reject(deviceId, topic, 'replay');

    if (kind === 'ack') {
      const body = ackBodySchema.safeParse(message.body);
      if (!body.success) return reject(deviceId, topic, 'malformed');
      const acked = await repo.ackCommand(db, body.data.commandId, controller.id, now, body.data.result, body.data.reason ?? null);
      await repo.touchController(db, controller.id, now);
      if (!acked) {
        const command = await repo.findCommand(db, body.data.commandId);
        if (!command || command.controllerId !== controller.id) return reject(deviceId, topic, 'foreign_command');
        log.info({ deviceId, commandId: body.data.commandId }, 'door command acknowledged again (ignored)');
        return;
      }
      // An ack after the scan gave up still makes the entry log true (the door did open).
      if (acked.entryId && acked.ackResult === 'done') await repo.markEntryOpenedByAck(db, acked.entryId);
      announceAck(acked.id);
      // Which instance recorded it (the log line carries the instance id): with several instances the ack may reach another one than the scan.
      log.info({ deviceId, commandId: acked.id, result: body.data.result }, 'door command acknowledged');
      deps.onAck?.(body.data.result);
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
        listener = new pg.Client({ connectionString: (database.pool.options as { connectionString?: string }).connectionString });
        await listener.connect();
        listener.on('notification', (n) => {
          if (n.channel === ACK_CHANNEL && n.payload) acks.emit(n.payload);
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
      await broker?.close();
    },

    /** Kicks a device off the embedded broker (after a rotation or a revocation). */
    disconnectDevice(deviceId: string): void {
      broker?.disconnect(deviceId);
    },

    sweepOffline,

    /**
     * Sends a signed, single-use unlock command (expires in 10 s) and waits up to the ack timeout
     * for the controller's acknowledgement, from whichever instance receives it.
     */
    async sendUnlock(controller: repo.ControllerRow, entryId: string): Promise<{ commandId: string; outcome: AckOutcome; publishedAt: number }> {
      if (!client) throw new Error('door gateway not started');
      const commandId = randomUUID();
      const issuedAt = new Date();
      const expiresAt = new Date(issuedAt.getTime() + deps.door.commandTtlMs);
      await repo.insertCommand(db, { id: commandId, controllerId: controller.id, entryId, issuedAt, expiresAt });
      const message = createMessage(secretOf(controller), { type: 'unlock', deviceId: controller.deviceId, id: commandId, ts: issuedAt.getTime(), body: { expiresAt: expiresAt.getTime(), entryId } });
      let onAck: () => void = () => undefined;
      const acked = new Promise<void>((resolve) => {
        onAck = resolve;
        acks.once(commandId, onAck);
      });
      const publishedAt = Date.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        await client.publishAsync(commandTopic(controller.deviceId), JSON.stringify(message), { qos: 1 });
        const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), deps.door.ackTimeoutMs)));
        await Promise.race([acked, timedOut]);
      } finally {
        clearTimeout(timer);
        acks.removeListener(commandId, onAck);
      }
      // The database is the truth: an ack recorded by another instance counts even if its NOTIFY was missed.
      const command = await repo.findCommand(db, commandId);
      const outcome: AckOutcome = command?.ackedAt ? { result: command.ackResult === 'done' ? 'done' : 'refused', reason: command.ackReason } : { result: 'timeout', reason: null };
      return { commandId, outcome, publishedAt };
    },
  };
}

export type DoorGateway = ReturnType<typeof createDoorGateway>;
