import { randomUUID } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { codeStepAt, commandTopic, createMessage, deriveRotatingCode, deriveStaticCode, isValidSignature, uplinkTopic, type DoorMessage } from './door-crypto';

export type SimulatorOptions = {
  mqttUrl: string;
  deviceId: string;
  secret: string;
  onUnlock?: (commandId: string) => void;
  /** Anything the device refused (bad signature, expired, other device), for logs and tests. */
  onRefuse?: (reason: string, commandId: string | null) => void;
  heartbeatMs?: number;
  /** normal: ack every valid command; none: never ack (a stuck lock); refuse: ack with result refused. */
  ackMode?: 'normal' | 'none' | 'refuse';
  ackDelayMs?: number;
  /** Do not send the first heartbeat on connect. */
  isQuiet?: boolean;
};

export type DoorSimulator = {
  client: MqttClient;
  /** Command ids executed, in order; a command is never executed twice. */
  unlocks: string[];
  currentCode(at?: Date): string;
  staticCode(): string;
  sendHeartbeat(doorState?: 'closed' | 'open'): Promise<DoorMessage>;
  sendAlarm(kind: 'held_open' | 'forced_open' | 'power_lost' | 'power_restored' | 'tamper', detail?: Record<string, unknown>): Promise<DoorMessage>;
  /** Publishes raw bytes on one of this device's uplink topics (tests of forged and replayed messages). */
  publishRaw(kind: 'ack' | 'heartbeat' | 'event', payload: string): Promise<void>;
  setAckMode(mode: 'normal' | 'none' | 'refuse'): void;
  close(): Promise<void>;
};

/**
 * A door controller that speaks protocol v1 (docs/door-protocol.md): the CLI's `device simulate`,
 * the tests and the browser journey use it. It checks each unlock's signature, device and expiry,
 * executes each command id at most once and acknowledges (again, without executing, on a repeat).
 */
export async function startDoorSimulator(opts: SimulatorOptions): Promise<DoorSimulator> {
  const { deviceId, secret } = opts;
  let ackMode = opts.ackMode ?? 'normal';
  const executed = new Set<string>();
  const unlocks: string[] = [];
  const client = await mqtt.connectAsync(opts.mqttUrl, { clientId: deviceId, username: deviceId, password: secret, reconnectPeriod: 1000, connectTimeout: 5000 });

  const publish = async (kind: 'ack' | 'heartbeat' | 'event', body: Record<string, unknown>) => {
    const message = createMessage(secret, { type: kind, deviceId, id: randomUUID(), body });
    await client.publishAsync(uplinkTopic(deviceId, kind), JSON.stringify(message), { qos: 1 });
    return message;
  };

  client.on('message', (_topic, payload) => {
    let m: DoorMessage;
    try {
      m = JSON.parse(payload.toString('utf8')) as DoorMessage;
    } catch {
      return opts.onRefuse?.('malformed', null);
    }
    if (m.type !== 'unlock' || m.deviceId !== deviceId) return opts.onRefuse?.('other_device', m.id ?? null);
    if (!isValidSignature(secret, m)) return opts.onRefuse?.('bad_signature', m.id);
    const commandId = m.id;
    if (executed.has(commandId)) {
      // Idempotent by command id: acknowledge again, never open twice.
      void publish('ack', { commandId, result: 'done', duplicate: true });
      return;
    }
    if (typeof m.body.expiresAt !== 'number' || m.body.expiresAt < Date.now()) {
      opts.onRefuse?.('expired', commandId);
      void publish('ack', { commandId, result: 'refused', reason: 'expired' });
      return;
    }
    if (ackMode === 'refuse') {
      void publish('ack', { commandId, result: 'refused', reason: 'jammed' });
      return;
    }
    executed.add(commandId);
    unlocks.push(commandId);
    opts.onUnlock?.(commandId);
    if (ackMode === 'none') return;
    const ack = () => void publish('ack', { commandId, result: 'done' });
    if (opts.ackDelayMs) setTimeout(ack, opts.ackDelayMs);
    else ack();
  });
  await client.subscribeAsync(commandTopic(deviceId), { qos: 1 });

  const heartbeat = () => publish('heartbeat', { doorState: 'closed' });
  if (!opts.isQuiet) await heartbeat();
  const timer = setInterval(() => void heartbeat().catch(() => undefined), opts.heartbeatMs ?? 30_000);
  timer.unref();

  return {
    client,
    unlocks,
    currentCode: (at = new Date()) => deriveRotatingCode(secret, deviceId, codeStepAt(at)),
    staticCode: () => deriveStaticCode(secret, deviceId),
    sendHeartbeat: (doorState = 'closed') => publish('heartbeat', { doorState }),
    sendAlarm: (kind, detail = {}) => publish('event', { kind, ...detail }),
    publishRaw: async (kind, payload) => {
      await client.publishAsync(uplinkTopic(deviceId, kind), payload, { qos: 1 });
    },
    setAckMode: (mode) => {
      ackMode = mode;
    },
    async close() {
      clearInterval(timer);
      await client.endAsync();
    },
  };
}
