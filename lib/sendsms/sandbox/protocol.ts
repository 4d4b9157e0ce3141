import { isIP } from 'node:net';
import type { Faults, IpListShape } from '@/lib/sendsms/sandbox/faults';
import type { RateLimiter } from '@/lib/sendsms/sandbox/rate-limit';
import type { SandboxStore, StoredAccount, StoredKey } from '@/lib/sendsms/sandbox/store';

/**
 * What the sandbox answers, as sendSMS would: every action of the contract, the assumed ones included, with its
 * rules. Accounts authenticate with username + password; a key used as the password authenticates for its account,
 * subject to its IP rule (a Default key locks to the first caller's IP and answers -8 to any other until
 * token_add_ip; a Cloud key records its first IP and refuses nobody), and every such accepted call counts as a use.
 * Calls naming an account are non-billable queries: 10 a minute per account, then -4096. The fault switches
 * (faults.ts) apply before anything else, so they work even with wrong credentials.
 */

export interface Envelope {
  status: number;
  message: string;
  details: unknown;
}

export type Outcome =
  | { type: 'json'; envelope: Envelope; delayMs: number }
  | { type: 'html'; httpStatus: number; delayMs: number }
  | { type: 'reset'; delayMs: number };

interface Caller {
  account: StoredAccount;
  /** The key named by the `token` parameter, when it is one of the account's keys. */
  tokenKey: StoredKey | null;
  /** The key that authenticated the call, after counting the use; null when the account password did. */
  key: StoredKey | null;
}

interface ActionContext {
  query: URLSearchParams;
  ip: string;
  caller: Caller | null;
  faults: Faults;
}

type Handler = (context: ActionContext) => Promise<Envelope>;

interface SandboxAction {
  needsAccount: boolean;
  handle: Handler;
}

const ok = (details: unknown = null, message = 'OK'): Envelope => ({ status: 0, message, details });
const fail = (status: number, message: string, details: unknown = null): Envelope => ({ status, message, details });
const missing = (parameter: string) => fail(-4, 'Missing parameter', parameter);

function parameter(query: URLSearchParams, name: string): string | null {
  const value = query.get(name);
  return value === null || value.trim() === '' ? null : value.trim();
}

export interface ProtocolOptions {
  store: SandboxStore;
  limiter: RateLimiter;
  /** Base of the authorize_url handed out by user_authorize_application. */
  publicUrl: () => string;
}

export function createProtocol({ store, limiter, publicUrl }: ProtocolOptions) {
  /** The key a key action acts on: the `token` parameter (account form), else the key that authenticated (key form). */
  async function targetKey(context: ActionContext): Promise<StoredKey | Envelope> {
    const caller = context.caller!;
    const token = parameter(context.query, 'token');
    if (token !== null) {
      if (caller.key && caller.key.secret === token) return caller.key;
      return caller.tokenKey ?? fail(-8, 'Authentication failed', 'token');
    }
    return caller.key ?? missing('token');
  }

  const actions: Record<string, SandboxAction> = {
    ping: { needsAccount: false, handle: async () => ok({ time: new Date().toISOString() }, 'pong') },

    user_get_balance: { needsAccount: true, handle: async ({ caller }) => ok(caller!.account.balance) },

    user_get_info: {
      needsAccount: true,
      handle: async ({ caller }) =>
        ok({ username: caller!.account.username, ...caller!.account.info, balance: caller!.account.balance }),
    },

    token_list_ips: {
      needsAccount: true,
      handle: async (context) => {
        const key = await targetKey(context);
        if (!('id' in key)) return key;
        return ok(shapeIpList(visibleIps(key), context.faults.ipListShape ?? 'objects'));
      },
    },

    token_add_ip: {
      needsAccount: true,
      handle: async (context) => {
        const ip = parameter(context.query, 'ipaddr');
        if (ip === null) return missing('ipaddr');
        if (isIP(ip) === 0) return fail(-128, 'Invalid record', 'ipaddr');
        const key = await targetKey(context);
        if (!('id' in key)) return key;
        // Assumed: nothing restricts a Cloud key, so there is nothing to whitelist on it.
        if (key.kind === 'cloud') return fail(-128, 'Invalid record: Cloud keys accept every IP', 'token');
        return (await store.addIp(key.id, ip)) ? ok(null, 'IP added') : fail(-512, 'Duplicate record', 'ipaddr');
      },
    },

    user_authorize_application: {
      needsAccount: false,
      handle: async ({ query }) => {
        const applicationName = parameter(query, 'application_name');
        if (applicationName === null) return missing('application_name');
        const requestKey = await store.createApplicationRequest({
          applicationName,
          iconUrl: parameter(query, 'icon_url'),
          returnUrl: parameter(query, 'return_url'),
        });
        const authorizeUrl = `${publicUrl()}/authorize?request_key=${encodeURIComponent(requestKey)}`;
        return { status: 2, message: 'Key created', details: { authorize_url: authorizeUrl, request_key: requestKey } };
      },
    },

    user_allow_token_request: {
      needsAccount: true,
      handle: async ({ query, caller }) => {
        const requestKey = parameter(query, 'request_key');
        if (requestKey === null) return missing('request_key');
        const outcome = await store.allowApplicationRequest(requestKey, caller!.account.id);
        if (outcome === 'unknown') return fail(-128, 'Invalid record', 'request_key');
        if (outcome === 'already-allowed') return fail(-512, 'Duplicate record', 'request_key');
        return ok(null, 'Request allowed');
      },
    },

    user_get_api_key: {
      needsAccount: false,
      handle: async ({ query }) => {
        const requestKey = parameter(query, 'request_key');
        if (requestKey === null) return missing('request_key');
        const outcome = await store.collectApplicationKey(requestKey);
        if (outcome === 'unknown' || outcome === 'collected') return fail(-128, 'Invalid record', 'request_key');
        if (outcome === 'not-allowed') return fail(-8, 'Authentication failed: the request was not allowed yet');
        return ok({ username: outcome.username, key: outcome.secret });
      },
    },

    token_list: {
      needsAccount: true,
      handle: async ({ caller }) => ok((await store.listKeys(caller!.account.id)).map(describeKey)),
    },

    token_generate: {
      needsAccount: true,
      handle: async ({ query, caller }) => {
        const name = parameter(query, 'name');
        if (name === null) return missing('name');
        const type = parameter(query, 'type');
        if (type === null) return missing('type');
        if (type !== 'default' && type !== 'cloud') return fail(-128, 'Invalid record', 'type');
        const key = await store.createKey(caller!.account.id, { name, kind: type });
        return ok(
          { name: key.name, type: key.kind, token: key.secret, created: key.createdAt.toISOString() },
          'Key generated',
        );
      },
    },

    token_delete: {
      needsAccount: true,
      handle: async ({ query, caller }) => {
        const token = parameter(query, 'token');
        if (token === null) return missing('token');
        return (await store.deleteKey(caller!.account.id, token))
          ? ok(null, 'Key deleted')
          : fail(-128, 'Invalid record', 'token');
      },
    },
  };

  /** Answers one call; `ip` is the caller's address as the sandbox sees it. */
  async function answer(query: URLSearchParams, ip: string): Promise<Outcome> {
    const name = parameter(query, 'action');
    if (name === null) return json(fail(-1, 'No action'));
    const action = Object.hasOwn(actions, name) ? actions[name] : undefined;
    if (!action) return json(fail(-2, 'No such action', name));

    if (!action.needsAccount) {
      const faults = await store.anonymousFaults();
      return (
        (await faulted(faults, name)) ??
        withShapeFault(await action.handle({ query, ip, caller: null, faults }), faults)
      );
    }

    const username = parameter(query, 'username');
    if (username === null) return json(missing('username'));
    const password = query.get('password');
    if (!password) return json(missing('password'));
    const found = await store.findCaller(username, password, parameter(query, 'token'));
    if (!found) return json(fail(-8, 'Authentication failed'));
    const faults = found.account.faults;
    const fault = await faulted(faults, name);
    if (fault) return fault;

    const release = limiter.reserve(found.account.id);
    if (!release) return json(fail(-4096, 'Too many requests: 10 queries per minute', null));
    let caller: Caller;
    if (password === found.account.password) caller = { account: found.account, key: null, tokenKey: found.tokenKey };
    else if (found.keyId !== null) {
      const key = await store.useKey(found.keyId, ip);
      if (!key) {
        release();
        await store.recordRefusal(found.keyId, ip);
        return json(fail(-8, 'Authentication failed: IP not allowed for this key', ip));
      }
      caller = { account: found.account, key, tokenKey: found.tokenKey };
    } else {
      release();
      return json(fail(-8, 'Authentication failed'));
    }
    return withShapeFault(await action.handle({ query, ip, caller, faults }), faults);
  }

  return { answer, actionNames: Object.keys(actions) };
}

function json(envelope: Envelope, delayMs = 0): Outcome {
  return { type: 'json', envelope, delayMs };
}

/** The misbehaviour the switches ask for, or null to answer normally (after `slowMs`, applied by withShapeFault's caller). */
async function faulted(faults: Faults, action: string): Promise<Outcome | null> {
  const delayMs = faults.slowMs ?? 0;
  if (faults.reset) return { type: 'reset', delayMs };
  if (faults.httpStatus !== undefined) return { type: 'html', httpStatus: faults.httpStatus, delayMs };
  if (faults.nonJson) return { type: 'html', httpStatus: 200, delayMs };
  if (faults.status !== undefined) return json(fail(faults.status, 'Fault switched on in the sandbox'), delayMs);
  if (faults.unsupported?.includes(action)) return json(fail(-2, 'No such action', action), delayMs);
  return null;
}

function withShapeFault(envelope: Envelope, faults: Faults): Outcome {
  const delayMs = faults.slowMs ?? 0;
  if (faults.unknownShape && envelope.status >= 0)
    return json({ ...envelope, details: { unexpected: { shape: 42 } } }, delayMs);
  return json(envelope, delayMs);
}

/** A Cloud key's list shows only the first IP it was used from, for information. */
function visibleIps(key: StoredKey) {
  return key.kind === 'cloud' ? key.ips.slice(0, 1) : key.ips;
}

function shapeIpList(ips: Array<{ ip: string; added_at: string }>, shape: IpListShape): unknown {
  switch (shape) {
    case 'strings':
      return ips.map((entry) => entry.ip);
    case 'keyed':
      return Object.fromEntries(ips.map((entry) => [entry.ip, entry.added_at]));
    case 'csv':
      return ips.map((entry) => entry.ip).join(',');
    case 'objects':
      return ips.map((entry) => ({ ip: entry.ip, added_at: entry.added_at }));
  }
}

function describeKey(key: StoredKey) {
  return {
    name: key.name,
    type: key.kind,
    usage: key.usageLabel,
    token: key.secret,
    created: key.createdAt.toISOString(),
    last_used: key.lastUsedAt?.toISOString() ?? null,
    use_count: key.useCount,
    ips: visibleIps(key).map((entry) => entry.ip),
    // Not in any public source (token_list itself is assumed): the sandbox's answer to "how does the page learn of
    // refused calls". The dashboard reads these leniently, as optional (lib/sendsms/actions.ts).
    failed_auth_count: key.refusedCount,
    last_refused_ip: key.lastRefusedIp,
    last_refused_at: key.lastRefusedAt?.toISOString() ?? null,
    refused_ips: Object.entries(key.refusals).map(([ip, refusal]) => ({
      ip,
      first_refused: refusal.first,
      last_refused: refusal.last,
      count: refusal.count,
    })),
  };
}
