import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('defaults to demo mode on the embedded database', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8080, isDemo: true, databaseUrl: undefined, sms: { sender: 'log' } });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it('is not in demo mode on PostgreSQL unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).isDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', NIANGJIA_DEMO: 'true' }).isDemo).toBe(true);
  });

  it('names a bad variable', () => {
    expect(() => loadConfig({ PORT: 'x' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => loadConfig({ NIANGJIA_DEMO: 'maybe' })).toThrow(ConfigError);
  });

  it('refuses demo conveniences in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/NIANGJIA_SECRET is required/);
    expect(() => loadConfig({ NODE_ENV: 'production', NIANGJIA_SECRET: 's'.repeat(32), SMS_SENDER: 'log', SMS_WEBHOOK_URL: 'https://sms.example/send' })).toThrow(/SMS_SENDER=log/);
    expect(() => loadConfig({ NODE_ENV: 'production', NIANGJIA_SECRET: 's'.repeat(32), NIANGJIA_DEMO: 'true', SMS_WEBHOOK_URL: 'https://sms.example/send' })).toThrow(/NIANGJIA_DEMO/);
    const dataKey = Buffer.alloc(32, 1).toString('base64');
    expect(() => loadConfig({ NODE_ENV: 'production', NIANGJIA_SECRET: 's'.repeat(32), DATABASE_URL: 'postgres://u@h/db', SMS_WEBHOOK_URL: 'https://sms.example/send' })).toThrow(/NIANGJIA_DATA_KEY is required/);
    expect(() => loadConfig({ NIANGJIA_DATA_KEY: 'c2hvcnQ=' })).toThrow(/NIANGJIA_DATA_KEY: must be 32 bytes/);
    const ok = loadConfig({ NODE_ENV: 'production', NIANGJIA_SECRET: 's'.repeat(32), NIANGJIA_DATA_KEY: dataKey, DATABASE_URL: 'postgres://u@h/db', SMS_WEBHOOK_URL: 'https://sms.example/send' });
    expect(ok).toMatchObject({ isDemo: false, sms: { sender: 'webhook' }, session: { cookieSecure: true } });
  });

  it('keeps demo mode (published passwords, codes in the log) on this machine unless HOST says otherwise', () => {
    expect(loadConfig({})).toMatchObject({ isDemo: true, host: '127.0.0.1', mqtt: { host: '127.0.0.1' } });
    expect(loadConfig({ HOST: '0.0.0.0', NIANGJIA_MQTT_HOST: '0.0.0.0' })).toMatchObject({ isDemo: true, host: '0.0.0.0', mqtt: { host: '0.0.0.0' } });
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' })).toMatchObject({ isDemo: false, host: '0.0.0.0', mqtt: { host: '0.0.0.0' } });
  });
});
