import net from 'node:net';
import { Aedes, type AuthenticateError } from 'aedes';
import type { FastifyBaseLogger } from 'fastify';
import { TOPIC_ROOT } from './door-crypto';

/** The server's own MQTT user: may publish commands and read every uplink. */
export const SERVER_MQTT_USER = 'niangjia-server';

export type EmbeddedBroker = { url: string; port: number; close(): Promise<void>; disconnect(deviceId: string): void };

export type BrokerAuth = {
  /** The server's password (derived from the server key). */
  serverPassword: string;
  /** Whether a device's password (its secret) is right and the controller is active. */
  checkDevice(deviceId: string, password: string): Promise<boolean>;
};

function authError(): AuthenticateError {
  const e = new Error('bad username or password') as AuthenticateError;
  e.returnCode = 4;
  return e;
}

/** A device may publish only to its own uplink topics and subscribe only to its own command topic. */
export function isDevicePublishAllowed(deviceId: string, topic: string): boolean {
  return topic === `${TOPIC_ROOT}/${deviceId}/up/ack` || topic === `${TOPIC_ROOT}/${deviceId}/up/heartbeat` || topic === `${TOPIC_ROOT}/${deviceId}/up/event`;
}
export function isDeviceSubscribeAllowed(deviceId: string, topic: string): boolean {
  return topic === `${TOPIC_ROOT}/${deviceId}/cmd`;
}

/**
 * The embedded broker (aedes), so `npm start` needs nothing else. Per-device authentication
 * (username = device id, password = device secret, client id = device id) and a topic ACL.
 */
export async function startEmbeddedBroker(opts: { port: number; host: string; auth: BrokerAuth; log: FastifyBaseLogger; isPortFallbackAllowed?: boolean }): Promise<EmbeddedBroker> {
  const { auth, log } = opts;
  const broker = await Aedes.createBroker({
    authenticate: (client, username, password, done) => {
      const pass = password?.toString('utf8') ?? '';
      if (username === SERVER_MQTT_USER) {
        if (pass === auth.serverPassword) return done(null, true);
        return done(authError(), false);
      }
      // Devices connect with client id = device id, so a rotated or revoked device can be kicked off.
      if (!username || client.id !== username) return done(authError(), false);
      auth.checkDevice(username, pass).then(
        (ok) => (ok ? done(null, true) : done(authError(), false)),
        (error: unknown) => {
          log.error({ err: error }, 'mqtt device authentication failed');
          done(authError(), false);
        },
      );
    },
    authorizePublish: (client, packet, callback) => {
      if (!client) return callback(null);
      const user = (client as unknown as { niangjiaUser?: string }).niangjiaUser ?? client.id;
      if (user === SERVER_MQTT_USER) return callback(null);
      if (isDevicePublishAllowed(client.id, packet.topic)) return callback(null);
      log.warn({ deviceId: client.id, topic: packet.topic }, 'mqtt publish refused by ACL');
      callback(new Error('not authorized'));
    },
    authorizeSubscribe: (client, sub, callback) => {
      const user = (client as unknown as { niangjiaUser?: string }).niangjiaUser ?? client.id;
      if (user === SERVER_MQTT_USER) return callback(null, sub);
      if (isDeviceSubscribeAllowed(client.id, sub.topic)) return callback(null, sub);
      log.warn({ deviceId: client.id, topic: sub.topic }, 'mqtt subscribe refused by ACL');
      // A null subscription answers SUBACK 0x80 (refused) and keeps the connection.
      callback(null, null);
    },
    preConnect: (client, packet, callback) => {
      // Remember who authenticated: the server's client id is free-form.
      (client as unknown as { niangjiaUser?: string }).niangjiaUser = packet.username;
      callback(null, true);
    },
  });
  const server = net.createServer(broker.handle);
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, opts.host, () => {
        server.removeListener('error', reject);
        resolve();
      });
    });
  try {
    await listen(opts.port);
  } catch (error) {
    // Outside production a busy port (another local instance, a test server) is not fatal: take any free one.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !opts.isPortFallbackAllowed) throw error;
    log.warn({ port: opts.port }, 'mqtt port in use: the embedded broker takes a free port instead (set NIANGJIA_MQTT_PORT)');
    await listen(0);
  }
  const address = server.address() as net.AddressInfo;
  const host = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host;
  log.info({ port: address.port }, 'mqtt broker listening');
  return {
    url: `mqtt://${host}:${address.port}`,
    port: address.port,
    disconnect(deviceId) {
      const clients = (broker as unknown as { clients: Record<string, { close(): void } | undefined> }).clients;
      clients[deviceId]?.close();
    },
    async close() {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
