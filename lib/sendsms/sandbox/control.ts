import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { faultsSchema, type Faults } from '@/lib/sendsms/sandbox/faults';
import type { SandboxStore, StoredKey } from '@/lib/sendsms/sandbox/store';

/**
 * What tests, the demo and scripts may do to the sandbox that sendSMS itself would not let them: create accounts
 * and keys, flip fault switches, read an account's state. Offered as functions and, for other processes, over
 * HTTP under /__sandbox/ (only while the sandbox listens on loopback). Never part of the wire protocol.
 */

export const newAccountSchema = z
  .object({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1),
    balance: z.number().optional(),
    keys: z
      .array(
        z
          .object({
            name: z.string().trim().min(1),
            kind: z.enum(['default', 'cloud']),
            secret: z.string().min(8).optional(),
            ips: z.array(z.union([z.ipv4(), z.ipv6()])).optional(),
            useCount: z.number().int().min(0).optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export type NewAccount = z.input<typeof newAccountSchema>;

export interface KeySnapshot {
  name: string;
  kind: 'default' | 'cloud';
  secret: string;
  ips: string[];
  useCount: number;
  lastUsedAt: string | null;
}

export interface AccountSnapshot {
  username: string;
  keys: KeySnapshot[];
}

export class SandboxControlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxControlError';
  }
}

export type SandboxControl = ReturnType<typeof createSandboxControl>;

function snapshotKey(key: StoredKey): KeySnapshot {
  return {
    name: key.name,
    kind: key.kind,
    secret: key.secret,
    ips: key.ips.map((entry) => entry.ip),
    useCount: key.useCount,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  };
}

export function createSandboxControl(store: SandboxStore) {
  async function account(username: string): Promise<AccountSnapshot | null> {
    const found = await store.findCaller(username, '');
    if (!found) return null;
    return { username, keys: (await store.listKeys(found.account.id)).map(snapshotKey) };
  }

  return {
    /** Creates an account with its keys; fails if the username is taken, so tests never share state by accident. */
    async createAccount(input: NewAccount): Promise<AccountSnapshot> {
      const parsed = newAccountSchema.parse(input);
      const created = await store.ensureAccount({
        username: parsed.username,
        password: parsed.password,
        balance: parsed.balance,
      });
      if (!created.created)
        throw new SandboxControlError(`the sandbox already has an account named ${parsed.username}`);
      const now = new Date().toISOString();
      for (const key of parsed.keys) {
        await store.createKey(created.id, {
          name: key.name,
          kind: key.kind,
          secret: key.secret,
          ips: (key.ips ?? []).map((ip) => ({ ip, added_at: now })),
          useCount: key.useCount,
        });
      }
      return (await account(parsed.username))!;
    },

    async setFaults(username: string | null, faults: Faults): Promise<void> {
      if (!(await store.setFaults(username, faultsSchema.parse(faults))))
        throw new SandboxControlError(`the sandbox has no account named ${username}`);
    },

    account,
  };
}

const faultsRequestSchema = z.object({ username: z.string().nullable(), faults: faultsSchema }).strict();

/** The HTTP face of the control: true when the request was one of its paths. */
export async function handleControlRequest(
  control: SandboxControl,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<boolean> {
  const send = (status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  try {
    if (request.method === 'POST' && path === '/__sandbox/accounts') {
      send(201, await control.createAccount(newAccountSchema.parse(await readJson(request))));
      return true;
    }
    if (request.method === 'PUT' && path === '/__sandbox/faults') {
      const body = faultsRequestSchema.parse(await readJson(request));
      await control.setFaults(body.username, body.faults);
      send(200, { ok: true });
      return true;
    }
    const accountPath = /^\/__sandbox\/accounts\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && accountPath) {
      const snapshot = await control.account(decodeURIComponent(accountPath[1]!));
      send(snapshot ? 200 : 404, snapshot ?? { error: 'no such account' });
      return true;
    }
    return false;
  } catch (error) {
    send(error instanceof z.ZodError || error instanceof SandboxControlError ? 422 : 500, {
      error: error instanceof Error ? error.message : String(error),
    });
    return true;
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new SandboxControlError('request body too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new SandboxControlError('request body is not JSON');
  }
}
