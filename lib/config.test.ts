import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, upstreamBaseUrl } from '@/lib/config';

describe('parseConfig', () => {
  it('runs with nothing set: embedded database, sandbox, localhost:3000', () => {
    const config = parseConfig({}, '/srv/dashboard');
    expect(config).toMatchObject({
      databaseUrl: null,
      sendsmsApiUrl: null,
      nextAuthSecret: null,
      credentialsEncryptionKey: null,
      port: 3000,
      host: '127.0.0.1',
      logLevel: 'info',
      dataDir: path.resolve('/srv/dashboard', '.data'),
      embeddedPostgresPort: 54329,
      sandboxPort: 4010,
    });
    expect(upstreamBaseUrl(config)).toBe('http://127.0.0.1:4010/json');
  });

  it('treats an empty variable as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', PORT: ' ' }).databaseUrl).toBeNull();
    expect(parseConfig({ PORT: '' }).port).toBe(3000);
  });

  it('reads every variable', () => {
    const key = 'ab'.repeat(32);
    const config = parseConfig({
      DATABASE_URL: 'postgresql://u:p@db.example:5432/keys',
      SENDSMS_API_URL: 'https://api.sendsms.ro/json',
      NEXTAUTH_SECRET: 's'.repeat(40),
      CREDENTIALS_ENCRYPTION_KEY: key,
      PORT: '8080',
      HOST: '0.0.0.0',
      LOG_LEVEL: 'DEBUG',
      DATA_DIR: '/var/lib/keys',
      EMBEDDED_POSTGRES_PORT: '6000',
      SANDBOX_PORT: '6001',
    });
    expect(config.databaseUrl).toBe('postgresql://u:p@db.example:5432/keys');
    expect(upstreamBaseUrl(config)).toBe('https://api.sendsms.ro/json');
    expect(config.credentialsEncryptionKey).toEqual(Buffer.from(key, 'hex'));
    expect(config.port).toBe(8080);
    expect(config.logLevel).toBe('debug');
    expect(config.dataDir).toBe('/var/lib/keys');
  });

  it('accepts the encryption key as base64 too', () => {
    const bytes = Buffer.alloc(32, 7);
    expect(parseConfig({ CREDENTIALS_ENCRYPTION_KEY: bytes.toString('base64') }).credentialsEncryptionKey).toEqual(
      bytes,
    );
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 1 to 65535'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 1 to 65535'],
    [{ EMBEDDED_POSTGRES_PORT: '0' }, 'EMBEDDED_POSTGRES_PORT must be a whole number'],
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, 'DATABASE_URL must be a postgres:// or postgresql:// URL'],
    [{ SENDSMS_API_URL: 'ftp://api.sendsms.ro' }, 'SENDSMS_API_URL must be an http:// or https:// URL'],
    [{ NEXTAUTH_SECRET: 'short' }, 'NEXTAUTH_SECRET must be at least 32 characters'],
    [{ CREDENTIALS_ENCRYPTION_KEY: 'abcd' }, 'CREDENTIALS_ENCRYPTION_KEY must be 32 bytes'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of debug, info, warn, error'],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it('names every bad variable at once and never repeats a secret value', () => {
    const secret = 'hunter2-is-not-long-enough';
    try {
      parseConfig({ PORT: 'x', NEXTAUTH_SECRET: secret, DATABASE_URL: `mysql://root:${secret}@h/db` });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((problem) => problem.split(' ')[0]).sort()).toEqual([
        'DATABASE_URL',
        'NEXTAUTH_SECRET',
        'PORT',
      ]);
      expect((error as Error).message).not.toContain(secret);
    }
  });
});

describe('sign-in settings', () => {
  it('defaults to 8 idle hours, 5 failures in 15 minutes and no single sign-on', () => {
    expect(parseConfig({})).toMatchObject({
      sessionIdleHours: 8,
      signInMaxFailures: 5,
      signInWindowMinutes: 15,
      oidc: null,
    });
  });

  it('reads them, and wants all three OIDC variables together', () => {
    const config = parseConfig({
      SESSION_IDLE_HOURS: '2',
      OIDC_ISSUER: 'https://id.example',
      OIDC_CLIENT_ID: 'dash',
      OIDC_CLIENT_SECRET: 's3cret',
    });
    expect(config.sessionIdleHours).toBe(2);
    expect(config.oidc).toEqual({
      issuer: 'https://id.example',
      clientId: 'dash',
      clientSecret: 's3cret',
      name: 'single sign-on',
    });
    expect(() => parseConfig({ OIDC_ISSUER: 'https://id.example' })).toThrow(
      'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together',
    );
    expect(() => parseConfig({ SESSION_IDLE_HOURS: '0' })).toThrow(
      'SESSION_IDLE_HOURS must be a whole number from 1 to 720',
    );
  });
});
