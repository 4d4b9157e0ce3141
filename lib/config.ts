import 'server-only';
import path from 'node:path';
import { z } from 'zod';

/**
 * The dashboard's whole configuration, read from the environment and validated in one place.
 * Every variable has a default for the embedded mode, so a fresh clone runs with none set; the README's
 * configuration table is written from this file.
 */

export interface BudgetLimits {
  limit: number;
  windowMs: number;
}

/**
 * What sendSMS allows: 10 non-billable queries a minute, counted over a window a little longer than a minute (see
 * lib/sendsms/budget.ts). The default of SENDSMS_BUDGET_PER_MINUTE; here, below the sendSMS client that applies it,
 * so that the configuration imports nothing from the client's folder.
 */
export const SENDSMS_BUDGET: BudgetLimits = { limit: 10, windowMs: 61_000 };

/**
 * The part of the budget the dashboard's own background work may spend (7 of 10 calls a minute), so that a person who
 * presses Refresh or runs a request while it works still finds calls left.
 */
export const BACKGROUND_BUDGET_SHARE = 0.7;

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const emptyAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** A whole number in a range, for ports, counts and durations; `unit` names what it counts in the sentence. */
const wholeNumber = (fallback: number, min: number, max: number, unit?: string) => {
  const sentence = `must be a whole number${unit ? ` of ${unit}` : ''} from ${min} to ${max}`;
  return z.preprocess(
    emptyAsUnset,
    z.coerce.number({ error: sentence }).int(sentence).min(min, sentence).max(max, sentence).default(fallback),
  );
};

const port = (fallback: number) => wholeNumber(fallback, 1, 65535);

/** A duration in milliseconds: a whole number from 1 ms to 10 minutes. */
const milliseconds = (fallback: number) => wholeNumber(fallback, 1, 600_000, 'milliseconds');

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), 'must be a postgres:// or postgresql:// URL');

const httpUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL');

/** 32 bytes for AES-256-GCM, given as 64 hex digits or as base64. */
const encryptionKey = z
  .string()
  .trim()
  .refine((value) => decodeEncryptionKey(value) !== null, 'must be 32 bytes, as 64 hex digits or base64');

export function decodeEncryptionKey(value: string): Buffer | null {
  const bytes = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  return bytes.length === 32 ? bytes : null;
}

const environmentSchema = z.object({
  DATABASE_URL: z.preprocess(emptyAsUnset, postgresUrl.optional()),
  SENDSMS_API_URL: z.preprocess(emptyAsUnset, httpUrl.optional()),
  NEXTAUTH_SECRET: z.preprocess(emptyAsUnset, z.string().min(32, 'must be at least 32 characters').optional()),
  CREDENTIALS_ENCRYPTION_KEY: z.preprocess(emptyAsUnset, encryptionKey.optional()),
  PORT: port(3000),
  HOST: z.preprocess(emptyAsUnset, z.string().trim().min(1).default('127.0.0.1')),
  LOG_LEVEL: z.preprocess(
    (value) => (typeof emptyAsUnset(value) === 'string' ? String(value).toLowerCase() : value),
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
  DATA_DIR: z.preprocess(emptyAsUnset, z.string().default('.data')),
  EMBEDDED_POSTGRES_PORT: port(54329),
  SANDBOX_PORT: port(4010),
  SENDSMS_TIMEOUT_MS: milliseconds(10_000),
  SENDSMS_BUDGET_PER_MINUTE: wholeNumber(SENDSMS_BUDGET.limit, 1, 10_000, 'calls'),
  USAGE_COLLECTION: z.preprocess(
    (value) => (typeof emptyAsUnset(value) === 'string' ? String(value).toLowerCase() : value),
    z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  ),
  USAGE_RETENTION_MONTHS: wholeNumber(13, 1, 120, 'months'),
  JOB_QUEUE_SCHEMA: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .trim()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case PostgreSQL schema name (letters, digits, _)')
      .default('pgboss'),
  ),
  SESSION_IDLE_HOURS: wholeNumber(8, 1, 720),
  SIGN_IN_MAX_FAILURES: wholeNumber(5, 1, 100),
  SIGN_IN_WINDOW_MINUTES: wholeNumber(15, 1, 1440),
  TRUST_PROXY_HOPS: wholeNumber(0, 0, 10),
  OIDC_ISSUER: z.preprocess(emptyAsUnset, httpUrl.optional()),
  OIDC_CLIENT_ID: z.preprocess(emptyAsUnset, z.string().trim().min(1).optional()),
  OIDC_CLIENT_SECRET: z.preprocess(emptyAsUnset, z.string().min(1).optional()),
  OIDC_NAME: z.preprocess(emptyAsUnset, z.string().trim().min(1).max(60).default('single sign-on')),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  /** Null means: start the embedded PostgreSQL under dataDir and use it. */
  databaseUrl: string | null;
  /** Null means: start the bundled sandbox on 127.0.0.1:sandboxPort and talk to it. */
  sendsmsApiUrl: string | null;
  nextAuthSecret: string | null;
  credentialsEncryptionKey: Buffer | null;
  port: number;
  host: string;
  logLevel: LogLevel;
  /** Absolute. Holds the embedded database and the secrets generated for the embedded mode. */
  dataDir: string;
  embeddedPostgresPort: number;
  /** Where `npm start` runs the bundled sandbox when SENDSMS_API_URL is not set. */
  sandboxPort: number;
  /** How long one call to sendSMS may take before it is abandoned (and, for reads, retried). */
  sendsmsTimeoutMs: number;
  /**
   * Non-billable sendSMS queries allowed per account and minute, shared by every process: the provider's documented
   * 10 by default. The bundled sandbox enforces the same number.
   */
  sendsmsBudgetPerMinute: number;
  /**
   * Whether each dashboard server process also runs the usage collector (lib/collection); `off` where it runs apart
   * (`npm run worker`). Either way the job queue runs each job once, however many processes work it.
   */
  usageCollection: boolean;
  /** How long the daily uses are kept (detail, per hour, is kept 7 days). */
  usageRetentionMonths: number;
  /** The PostgreSQL schema the job queue (pg-boss) keeps its tables in, in the dashboard's database. */
  jobQueueSchema: string;
  /** A session unused for this long ends; every request made with it starts the count again. */
  sessionIdleHours: number;
  /** Failed sign-ins allowed per email and per source IP within the window before sign-in is refused. */
  signInMaxFailures: number;
  signInWindowMinutes: number;
  /**
   * How many proxies in front of the dashboard append to X-Forwarded-For and are trusted to: 0 (the default) takes
   * the socket's address as the source of a request, whatever the header says (lib/auth/source-ip.ts).
   */
  trustProxyHops: number;
  /** Single sign-on through an OpenID Connect provider; null when not configured (all three variables are needed). */
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string } | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment; throws ConfigError naming every bad variable (and never echoing a secret's value). */
export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const result = environmentSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`),
    );
  }
  const values = result.data;
  const oidcSet = [values.OIDC_ISSUER, values.OIDC_CLIENT_ID, values.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcSet > 0 && oidcSet < 3) {
    // Half a single sign-on set-up would silently not appear on the sign-in page: say so at start-up instead.
    throw new ConfigError(['OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together']);
  }
  return {
    databaseUrl: values.DATABASE_URL ?? null,
    sendsmsApiUrl: values.SENDSMS_API_URL ?? null,
    nextAuthSecret: values.NEXTAUTH_SECRET ?? null,
    credentialsEncryptionKey: values.CREDENTIALS_ENCRYPTION_KEY
      ? decodeEncryptionKey(values.CREDENTIALS_ENCRYPTION_KEY)
      : null,
    port: values.PORT,
    host: values.HOST,
    logLevel: values.LOG_LEVEL,
    dataDir: path.resolve(cwd, values.DATA_DIR),
    embeddedPostgresPort: values.EMBEDDED_POSTGRES_PORT,
    sandboxPort: values.SANDBOX_PORT,
    sendsmsTimeoutMs: values.SENDSMS_TIMEOUT_MS,
    sendsmsBudgetPerMinute: values.SENDSMS_BUDGET_PER_MINUTE,
    usageCollection: values.USAGE_COLLECTION === 'on',
    usageRetentionMonths: values.USAGE_RETENTION_MONTHS,
    jobQueueSchema: values.JOB_QUEUE_SCHEMA,
    sessionIdleHours: values.SESSION_IDLE_HOURS,
    signInMaxFailures: values.SIGN_IN_MAX_FAILURES,
    signInWindowMinutes: values.SIGN_IN_WINDOW_MINUTES,
    trustProxyHops: values.TRUST_PROXY_HOPS,
    oidc:
      values.OIDC_ISSUER && values.OIDC_CLIENT_ID && values.OIDC_CLIENT_SECRET
        ? {
            issuer: values.OIDC_ISSUER,
            clientId: values.OIDC_CLIENT_ID,
            clientSecret: values.OIDC_CLIENT_SECRET,
            name: values.OIDC_NAME,
          }
        : null,
  };
}

let cached: Config | undefined;

/** The running server's configuration (parsed once from process.env). */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** The bundled sandbox's endpoint, on loopback only. */
export function sandboxApiUrl(config: Pick<Config, 'sandboxPort'>): string {
  return `http://127.0.0.1:${config.sandboxPort}/json`;
}

/** The sendSMS base URL the dashboard talks to by default: SENDSMS_API_URL, or the bundled sandbox. */
export function upstreamBaseUrl(config: Config): string {
  return config.sendsmsApiUrl ?? sandboxApiUrl(config);
}

/** The key that encrypts stored credentials and key secrets; `npm start` always provides it to the server. */
export function getCredentialsKey(): Buffer {
  const key = getConfig().credentialsEncryptionKey;
  if (!key)
    throw new Error('CREDENTIALS_ENCRYPTION_KEY is not set: start the dashboard with `npm start`, which provides it');
  return key;
}

/** The sendSMS budget as the client and the sandbox apply it: SENDSMS_BUDGET_PER_MINUTE over the sliding window. */
export function sendsmsBudgetLimits(config: Pick<Config, 'sendsmsBudgetPerMinute'>): BudgetLimits {
  return { ...SENDSMS_BUDGET, limit: config.sendsmsBudgetPerMinute };
}
