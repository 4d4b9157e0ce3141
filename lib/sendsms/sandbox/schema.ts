import pg from 'pg';

/**
 * The sandbox's own tables, in their own schema (default `sandbox`) beside the dashboard's, so that the demo's
 * upstream state survives restarts without touching prisma/schema.prisma. Idempotent, and run under an advisory
 * lock so that several sandboxes starting on one database (parallel test files) do not race on CREATE.
 */

export function sandboxDdl(schema: string): string {
  const s = pg.escapeIdentifier(schema);
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.accounts (
  id serial PRIMARY KEY,
  username text NOT NULL UNIQUE,
  password text NOT NULL,
  balance numeric(12, 2) NOT NULL DEFAULT 25,
  info jsonb NOT NULL DEFAULT '{}',
  faults jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS ${s}.keys (
  id serial PRIMARY KEY,
  account_id integer NOT NULL REFERENCES ${s}.accounts (id) ON DELETE CASCADE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('default', 'cloud')),
  usage_label text NOT NULL DEFAULT 'default',
  secret text NOT NULL UNIQUE,
  -- [{ "ip": "…", "added_at": "…" }]: Default keys, every authorized address (the first locked it); Cloud keys, the first seen.
  ips jsonb NOT NULL DEFAULT '[]',
  use_count integer NOT NULL DEFAULT 0,
  last_used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX IF NOT EXISTS keys_account_id_idx ON ${s}.keys (account_id);
-- Calls refused for a key (a Default key used from an address not on its list): reported by token_list, so the
-- dashboard can show "a call from 198.51.100.20 was refused". Added after the table first shipped, hence ALTER.
ALTER TABLE ${s}.keys ADD COLUMN IF NOT EXISTS refused_count integer NOT NULL DEFAULT 0;
ALTER TABLE ${s}.keys ADD COLUMN IF NOT EXISTS last_refused_ip text;
ALTER TABLE ${s}.keys ADD COLUMN IF NOT EXISTS last_refused_at timestamptz;
-- The same per address: { "198.51.100.20": { "first": "…", "last": "…", "count": 3 } }.
ALTER TABLE ${s}.keys ADD COLUMN IF NOT EXISTS refusals jsonb NOT NULL DEFAULT '{}';
CREATE TABLE IF NOT EXISTS ${s}.application_requests (
  request_key text PRIMARY KEY,
  application_name text NOT NULL,
  icon_url text,
  return_url text,
  account_id integer REFERENCES ${s}.accounts (id) ON DELETE CASCADE,
  key_id integer REFERENCES ${s}.keys (id) ON DELETE SET NULL,
  collected_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- Fault switches for the calls that name no account (ping, user_authorize_application, user_get_api_key).
CREATE TABLE IF NOT EXISTS ${s}.anonymous_faults (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  faults jsonb NOT NULL DEFAULT '{}'
);
INSERT INTO ${s}.anonymous_faults (singleton) VALUES (true) ON CONFLICT DO NOTHING;
`;
}

export async function ensureSandboxSchema(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`sendsms-sandbox-ddl:${schema}`]);
    try {
      await client.query(sandboxDdl(schema));
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`sendsms-sandbox-ddl:${schema}`]);
    }
  } finally {
    client.release();
  }
}
