import crypto from 'node:crypto';
import pg from 'pg';
import { readFaults, type Faults } from '@/lib/sendsms/sandbox/faults';

/**
 * Every read and write of the sandbox's state, as SQL on its schema. The rules that must hold under concurrent
 * calls (a Default key locks to exactly one first IP; a use is counted once; an IP is whitelisted once) are each
 * one statement, so they need no transaction held across round trips and stay fast under load.
 */

export interface StoredAccount {
  id: number;
  username: string;
  password: string;
  balance: number;
  info: Record<string, unknown>;
  faults: Faults;
}

export interface StoredIp {
  ip: string;
  added_at: string;
}

/** Calls refused from one address: when first and last, how many. */
export interface StoredRefusal {
  first: string;
  last: string;
  count: number;
}

export interface StoredKey {
  id: number;
  accountId: number;
  name: string;
  kind: 'default' | 'cloud';
  usageLabel: string;
  secret: string;
  ips: StoredIp[];
  useCount: number;
  lastUsedAt: Date | null;
  createdAt: Date;
  refusedCount: number;
  lastRefusedIp: string | null;
  lastRefusedAt: Date | null;
  /** Refused calls per address. */
  refusals: Record<string, StoredRefusal>;
}

export interface NewKey {
  name: string;
  kind: 'default' | 'cloud';
  usageLabel?: string;
  secret?: string;
  ips?: StoredIp[];
  useCount?: number;
  lastUsedAt?: Date | null;
  createdAt?: Date;
  /** Calls already refused, per address (the demo's history). */
  refusals?: Record<string, StoredRefusal>;
}

/** The refusal columns of a key whose per-address refusals are `refusals`: the total and the latest. */
function refusalColumns(refusals: Record<string, StoredRefusal> = {}) {
  const entries = Object.entries(refusals);
  const latest = entries.reduce<[string, StoredRefusal] | null>(
    (found, entry) => (found === null || entry[1].last > found[1].last ? entry : found),
    null,
  );
  return {
    count: entries.reduce((sum, [, refusal]) => sum + refusal.count, 0),
    lastIp: latest?.[0] ?? null,
    lastAt: latest?.[1].last ?? null,
    json: JSON.stringify(refusals),
  };
}

interface KeyRow {
  id: number;
  account_id: number;
  name: string;
  kind: 'default' | 'cloud';
  usage_label: string;
  secret: string;
  ips: StoredIp[];
  use_count: number;
  last_used_at: Date | null;
  created_at: Date;
  refused_count: number;
  last_refused_ip: string | null;
  last_refused_at: Date | null;
  refusals: Record<string, StoredRefusal> | null;
}

const KEY_COLUMNS =
  'id, account_id, name, kind, usage_label, secret, ips, use_count, last_used_at, created_at, refused_count, last_refused_ip, last_refused_at, refusals';

function toKey(row: KeyRow): StoredKey {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    kind: row.kind,
    usageLabel: row.usage_label,
    secret: row.secret,
    ips: row.ips,
    useCount: row.use_count,
    lastUsedAt: row.last_used_at,
    createdAt: row.created_at,
    refusedCount: row.refused_count ?? 0,
    lastRefusedIp: row.last_refused_ip ?? null,
    lastRefusedAt: row.last_refused_at ?? null,
    refusals: row.refusals ?? {},
  };
}

export function newKeySecret(): string {
  return crypto.randomBytes(16).toString('hex');
}

export type SandboxStore = ReturnType<typeof createSandboxStore>;

export function createSandboxStore(pool: pg.Pool, schema: string) {
  const s = pg.escapeIdentifier(schema);
  const one = async <Row extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<Row | null> =>
    (await pool.query<Row>(sql, values)).rows[0] ?? null;

  return {
    /**
     * The account named by `username`; the key whose secret is `password`, if it is one of its keys; and the key
     * named by `token`, if given and one of its keys. One statement: the hot path of every call.
     */
    async findCaller(
      username: string,
      password: string,
      token: string | null = null,
    ): Promise<{ account: StoredAccount; keyId: number | null; tokenKey: StoredKey | null } | null> {
      const row = await one<{
        id: number;
        username: string;
        password: string;
        balance: string;
        info: Record<string, unknown>;
        faults: unknown;
        key_id: number | null;
        token_key: KeyRow | null;
      }>(
        `SELECT a.id, a.username, a.password, a.balance, a.info, a.faults, k.id AS key_id, to_jsonb(t) AS token_key
           FROM ${s}.accounts a
           LEFT JOIN ${s}.keys k ON k.account_id = a.id AND k.secret = $2 AND k.deleted_at IS NULL
           LEFT JOIN (SELECT ${KEY_COLUMNS} FROM ${s}.keys WHERE secret = $3 AND deleted_at IS NULL) t ON t.account_id = a.id
          WHERE a.username = $1`,
        [username, password, token],
      );
      if (!row) return null;
      return {
        account: {
          id: row.id,
          username: row.username,
          password: row.password,
          balance: Number(row.balance),
          info: row.info,
          faults: readFaults(row.faults),
        },
        keyId: row.key_id,
        tokenKey: row.token_key
          ? toKey({
              ...row.token_key,
              last_used_at: row.token_key.last_used_at && new Date(row.token_key.last_used_at),
              created_at: new Date(row.token_key.created_at),
              last_refused_at: row.token_key.last_refused_at && new Date(row.token_key.last_refused_at),
            })
          : null,
      };
    },

    /**
     * One call made with the key as the password, from `ip`: refused (null) for a Default key whose list is set
     * and lacks the address; otherwise counted, and an empty list takes the address (Default: the lock; Cloud:
     * the first IP seen, for information).
     */
    async useKey(keyId: number, ip: string): Promise<StoredKey | null> {
      const row = await one<KeyRow>(
        `UPDATE ${s}.keys
            SET ips = CASE WHEN jsonb_array_length(ips) = 0 THEN jsonb_build_array(jsonb_build_object('ip', $2::text, 'added_at', now())) ELSE ips END,
                use_count = use_count + 1,
                last_used_at = clock_timestamp()
          WHERE id = $1 AND deleted_at IS NULL
            AND (kind = 'cloud' OR jsonb_array_length(ips) = 0 OR ips @> jsonb_build_array(jsonb_build_object('ip', $2::text)))
        RETURNING ${KEY_COLUMNS}`,
        [keyId, ip],
      );
      return row ? toKey(row) : null;
    },

    /** A call with the key as the password that its IP rule refused: counted, with the address and the time. */
    async recordRefusal(keyId: number, ip: string): Promise<void> {
      await pool.query(
        `UPDATE ${s}.keys
            SET refused_count = refused_count + 1, last_refused_ip = $2, last_refused_at = clock_timestamp(),
                refusals = refusals || jsonb_build_object($2::text, jsonb_build_object(
                  'first', COALESCE(refusals -> $2::text ->> 'first', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
                  'last', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                  'count', COALESCE((refusals -> $2::text ->> 'count')::int, 0) + 1))
          WHERE id = $1`,
        [keyId, ip],
      );
    },

    async findKey(accountId: number, secret: string): Promise<StoredKey | null> {
      const row = await one<KeyRow>(
        `SELECT ${KEY_COLUMNS} FROM ${s}.keys WHERE account_id = $1 AND secret = $2 AND deleted_at IS NULL`,
        [accountId, secret],
      );
      return row ? toKey(row) : null;
    },

    /** False when the address is already on the list. */
    async addIp(keyId: number, ip: string): Promise<boolean> {
      const row = await one(
        `UPDATE ${s}.keys SET ips = ips || jsonb_build_array(jsonb_build_object('ip', $2::text, 'added_at', now()))
          WHERE id = $1 AND NOT ips @> jsonb_build_array(jsonb_build_object('ip', $2::text))
        RETURNING id`,
        [keyId, ip],
      );
      return row !== null;
    },

    async listKeys(accountId: number): Promise<StoredKey[]> {
      const result = await pool.query<KeyRow>(
        `SELECT ${KEY_COLUMNS} FROM ${s}.keys WHERE account_id = $1 AND deleted_at IS NULL ORDER BY created_at, id`,
        [accountId],
      );
      return result.rows.map(toKey);
    },

    async createKey(accountId: number, key: NewKey): Promise<StoredKey> {
      const row = await one<KeyRow>(
        `INSERT INTO ${s}.keys (account_id, name, kind, usage_label, secret, ips, use_count, last_used_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9, now()))
         RETURNING ${KEY_COLUMNS}`,
        [
          accountId,
          key.name,
          key.kind,
          key.usageLabel ?? key.kind,
          key.secret ?? newKeySecret(),
          JSON.stringify(key.ips ?? []),
          key.useCount ?? 0,
          key.lastUsedAt ?? null,
          key.createdAt ?? null,
        ],
      );
      return toKey(row!);
    },

    async deleteKey(accountId: number, secret: string): Promise<boolean> {
      const row = await one(
        `UPDATE ${s}.keys SET deleted_at = now() WHERE account_id = $1 AND secret = $2 AND deleted_at IS NULL RETURNING id`,
        [accountId, secret],
      );
      return row !== null;
    },

    /** Creates the account, or leaves an existing one as it is; its id either way. */
    async ensureAccount(account: {
      username: string;
      password: string;
      balance?: number;
      info?: Record<string, unknown>;
    }): Promise<{ id: number; created: boolean }> {
      const inserted = await one<{ id: number }>(
        `INSERT INTO ${s}.accounts (username, password, balance, info) VALUES ($1, $2, $3, $4)
         ON CONFLICT (username) DO NOTHING RETURNING id`,
        [account.username, account.password, account.balance ?? 25, JSON.stringify(account.info ?? {})],
      );
      if (inserted) return { id: inserted.id, created: true };
      const existing = await one<{ id: number }>(`SELECT id FROM ${s}.accounts WHERE username = $1`, [
        account.username,
      ]);
      return { id: existing!.id, created: false };
    },

    /** Inserts the key unless one with its secret exists. */
    async ensureKey(accountId: number, key: NewKey & { secret: string }): Promise<boolean> {
      const refused = refusalColumns(key.refusals);
      const row = await one(
        `INSERT INTO ${s}.keys (account_id, name, kind, usage_label, secret, ips, use_count, last_used_at, created_at,
                               refused_count, last_refused_ip, last_refused_at, refusals)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9, now()), $10, $11, $12, $13)
         ON CONFLICT (secret) DO NOTHING RETURNING id`,
        [
          accountId,
          key.name,
          key.kind,
          key.usageLabel ?? key.kind,
          key.secret,
          JSON.stringify(key.ips ?? []),
          key.useCount ?? 0,
          key.lastUsedAt ?? null,
          key.createdAt ?? null,
          refused.count,
          refused.lastIp,
          refused.lastAt,
          refused.json,
        ],
      );
      return row !== null;
    },

    async anonymousFaults(): Promise<Faults> {
      const row = await one<{ faults: unknown }>(`SELECT faults FROM ${s}.anonymous_faults`, []);
      return readFaults(row?.faults);
    },

    /** `username` null: the calls that name no account. False when no such account. */
    async setFaults(username: string | null, faults: Faults): Promise<boolean> {
      const row =
        username === null
          ? await one(`UPDATE ${s}.anonymous_faults SET faults = $1 RETURNING singleton`, [JSON.stringify(faults)])
          : await one(`UPDATE ${s}.accounts SET faults = $2 WHERE username = $1 RETURNING id`, [
              username,
              JSON.stringify(faults),
            ]);
      return row !== null;
    },

    async createApplicationRequest(request: {
      applicationName: string;
      iconUrl: string | null;
      returnUrl: string | null;
    }): Promise<string> {
      const requestKey = newKeySecret();
      await pool.query(
        `INSERT INTO ${s}.application_requests (request_key, application_name, icon_url, return_url) VALUES ($1, $2, $3, $4)`,
        [requestKey, request.applicationName, request.iconUrl, request.returnUrl],
      );
      return requestKey;
    },

    /** The account allows the application: its key is created now (a Default key, as the hub's generate dialog defaults to). */
    async allowApplicationRequest(
      requestKey: string,
      accountId: number,
    ): Promise<'allowed' | 'unknown' | 'already-allowed'> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const request = (
          await client.query<{ application_name: string; account_id: number | null }>(
            `SELECT application_name, account_id FROM ${s}.application_requests WHERE request_key = $1 FOR UPDATE`,
            [requestKey],
          )
        ).rows[0];
        if (!request) {
          await client.query('ROLLBACK');
          return 'unknown';
        }
        if (request.account_id !== null) {
          await client.query('ROLLBACK');
          return 'already-allowed';
        }
        const key = await client.query<{ id: number }>(
          `INSERT INTO ${s}.keys (account_id, name, kind, usage_label, secret) VALUES ($1, $2, 'default', 'app', $3) RETURNING id`,
          [accountId, request.application_name, newKeySecret()],
        );
        await client.query(`UPDATE ${s}.application_requests SET account_id = $2, key_id = $3 WHERE request_key = $1`, [
          requestKey,
          accountId,
          key.rows[0]!.id,
        ]);
        await client.query('COMMIT');
        return 'allowed';
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },

    /** The key made for an allowed application, handed out once. */
    async collectApplicationKey(
      requestKey: string,
    ): Promise<{ username: string; secret: string } | 'unknown' | 'not-allowed' | 'collected'> {
      const row = await one<{
        account_id: number | null;
        collected: boolean;
        username: string | null;
        secret: string | null;
      }>(
        `WITH request AS (SELECT * FROM ${s}.application_requests WHERE request_key = $1 FOR UPDATE),
              collecting AS (
                UPDATE ${s}.application_requests r SET collected_at = now()
                  FROM request WHERE r.request_key = request.request_key AND request.account_id IS NOT NULL AND request.collected_at IS NULL
                RETURNING r.request_key)
         SELECT request.account_id, (request.collected_at IS NOT NULL) AS collected, a.username, k.secret
           FROM request
           LEFT JOIN ${s}.accounts a ON a.id = request.account_id
           LEFT JOIN ${s}.keys k ON k.id = request.key_id`,
        [requestKey],
      );
      if (!row) return 'unknown';
      if (row.account_id === null) return 'not-allowed';
      if (row.collected || !row.username || !row.secret) return 'collected';
      return { username: row.username, secret: row.secret };
    },
  };
}
