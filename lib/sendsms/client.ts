import 'server-only';
import type { Logger } from '@/lib/log';
import { redactSecrets } from '@/lib/redact';
import {
  ACTIONS,
  isBudgeted,
  type ActionDefinition,
  type ActionDetails,
  type ActionName,
  type ActionParams,
} from '@/lib/sendsms/actions';
import type { BudgetAccount, CallBudget } from '@/lib/sendsms/budget';
import { createMemoryCapabilityStore, type CapabilityStore } from '@/lib/sendsms/capabilities';
import { createCoalescer } from '@/lib/sendsms/coalesce';
import { parseEnvelope, keptBody, type Envelope } from '@/lib/sendsms/envelope';
import {
  BudgetExhaustedError,
  InvalidRequestError,
  UnsupportedActionError,
  UpstreamFaultError,
  UpstreamNetworkError,
  UpstreamStatusError,
  UpstreamTimeoutError,
  type RedactedEnvelope,
} from '@/lib/sendsms/errors';
import { chooseKeyCallForm, type KeyInUse } from '@/lib/sendsms/key-form';
import { buildRequestUrl, type BuiltRequest, type QueryValue } from '@/lib/sendsms/request-url';
import { httpTransport } from '@/lib/sendsms/http-transport';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isRetryableFailure, type RetryPolicy } from '@/lib/sendsms/retry';
import { fetchTransport, isTransportTimeout, type Transport } from '@/lib/sendsms/transport';

/**
 * The dashboard's one way to talk to sendSMS. Per call, in order: validate the parameters against the action
 * registry; pick the credentials (the key form for key actions, key-form.ts); skip straight to the fallback when
 * the account is known not to support an assumed action; share the call with an identical read already in flight;
 * take a slot of the account's budget; GET; parse the envelope whatever the content type; turn a negative status
 * into a typed error; validate `details`; retry reads on "not now" failures with jittered back-off.
 * Every text that leaves this module (log lines, error messages, kept bodies) is redacted first.
 */

export interface AccountRef {
  username: string;
  /** The account's password or account-level API key, when the dashboard holds it. */
  credential: string | null;
}

export interface CallRequest<Name extends ActionName> {
  params?: ActionParams<Name>;
  /** Needed by account and key actions. */
  account?: AccountRef;
  /** Needed by key actions: the key acted on. */
  key?: KeyInUse;
  /** False once the account form of key calls is known not to work for this account. */
  accountFormWorks?: boolean;
  /** For a key call that can only use the key form on a never-used Default key: the user agreed to lock it here. */
  confirmFirstUseLock?: boolean;
}

export interface CallResult<Name extends ActionName> {
  details: ActionDetails<Name>;
  status: number;
  message: string;
  /** Which form a key action was sent in; null for other actions. */
  form: 'account' | 'key' | null;
  /** The envelope with every secret masked, for the audit log and the request builder. */
  auditEnvelope(): RedactedEnvelope;
}

export interface SendsmsClientOptions {
  baseUrl: string;
  /** Per attempt. Default 10 s (SENDSMS_TIMEOUT_MS). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Required, so that forgetting the shared budget is a type error; UNLIMITED_BUDGET says "none" explicitly. */
  budget: CallBudget;
  /** How long a call may wait for a budget slot before failing with BudgetExhaustedError. Default 0: fail now. */
  maxBudgetWaitMs?: number;
  capabilities?: CapabilityStore;
  log?: Logger;
  /** How requests travel. Default: node:http(s) with keep-alive (http-transport.ts). */
  transport?: Transport;
  /** Send through this fetch instead (tests counting calls, the traffic simulator adding a header). */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface SendsmsClient {
  readonly baseUrl: string;
  call<Name extends ActionName>(name: Name, request?: CallRequest<Name>): Promise<CallResult<Name>>;
  readonly capabilities: CapabilityStore;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Prepared {
  action: ActionDefinition;
  /** The URL, secrets included (sent, and the identity of a read in flight), and its masked form for logs. */
  request: BuiltRequest;
  secrets: string[];
  account: BudgetAccount | null;
  form: 'account' | 'key' | null;
}

export function createSendsmsClient(options: SendsmsClientOptions): SendsmsClient {
  const baseUrl = options.baseUrl;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const capabilities = options.capabilities ?? createMemoryCapabilityStore();
  const transport = options.transport ?? (options.fetch ? fetchTransport(options.fetch) : httpTransport());
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const maxBudgetWaitMs = options.maxBudgetWaitMs ?? 0;
  const log = options.log;
  const coalescer = createCoalescer();

  function prepare(name: ActionName, request: CallRequest<ActionName>): Prepared {
    const action: ActionDefinition = ACTIONS[name];
    const params = action.params.safeParse(request.params ?? {});
    const secrets = [request.account?.credential, request.key?.secret].filter((value): value is string =>
      Boolean(value),
    );
    if (!params.success) {
      const problems = params.error.issues
        .map((issue) => `${issue.path.join('.') || 'params'} ${issue.message}`)
        .join('; ');
      throw new InvalidRequestError(name, redactSecrets(problems, secrets));
    }
    const paramValues = params.data as Record<string, QueryValue>;
    for (const secretParameter of ['token', 'request_key'] as const) {
      const value = paramValues[secretParameter];
      if (typeof value === 'string') secrets.push(value);
    }

    let credentials: Record<string, string> = {};
    let form: Prepared['form'] = null;
    if (action.auth !== 'none') {
      if (!request.account) throw new InvalidRequestError(name, 'the account is missing');
      if (action.auth === 'account') {
        if (!request.account.credential) throw new InvalidRequestError(name, 'the account credential is missing');
        credentials = { username: request.account.username, password: request.account.credential };
      } else {
        if (!request.key) throw new InvalidRequestError(name, 'the key is missing');
        const chosen = chooseKeyCallForm(name, {
          username: request.account.username,
          accountCredential: request.account.credential,
          key: request.key,
          accountFormWorks: request.accountFormWorks,
          confirmFirstUseLock: request.confirmFirstUseLock,
        });
        credentials = chosen.credentials;
        form = chosen.form;
      }
    }
    return {
      action,
      request: buildRequestUrl(baseUrl, { action: name, ...credentials, ...paramValues }),
      secrets,
      account: request.account ? { apiBaseUrl: baseUrl, username: request.account.username } : null,
      form,
    };
  }

  async function takeBudget(prepared: Prepared): Promise<void> {
    if (!prepared.account || !isBudgeted(prepared.action)) return;
    let waited = 0;
    for (;;) {
      const decision = await options.budget.take(prepared.account, prepared.action.name);
      if (decision.granted) return;
      if (waited + decision.retryAfterMs > maxBudgetWaitMs)
        throw new BudgetExhaustedError(prepared.action.name, decision.retryAfterMs, decision.limit);
      await sleep(decision.retryAfterMs);
      waited += decision.retryAfterMs;
    }
  }

  async function sendOnce(prepared: Prepared, attempt: number): Promise<Envelope> {
    const name = prepared.action.name;
    const { url, displayUrl } = prepared.request;
    const started = performance.now();
    let httpStatus: number;
    let body: string;
    try {
      ({ httpStatus, body } = await transport({ url, timeoutMs, reuseConnection: prepared.action.retrySafe }));
    } catch (error) {
      if (isTransportTimeout(error)) throw new UpstreamTimeoutError(name, timeoutMs);
      throw new UpstreamNetworkError(name, networkCode(error));
    }
    const envelope = parseEnvelope(name, httpStatus, body, () => redactSecrets(body, prepared.secrets));
    const elapsedMs = Math.round(performance.now() - started);
    log?.debug(() => `${displayUrl()} → status ${envelope.status} in ${elapsedMs} ms (attempt ${attempt})`);
    return envelope;
  }

  function redactedEnvelope(envelope: Envelope, secrets: string[]): RedactedEnvelope {
    const text = redactSecrets(
      JSON.stringify({ status: envelope.status, message: envelope.message, details: envelope.details ?? null }),
      secrets,
    );
    return JSON.parse(text) as RedactedEnvelope;
  }

  async function execute(prepared: Prepared): Promise<CallResult<ActionName>> {
    const name = prepared.action.name as ActionName;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await takeBudget(prepared);
        const envelope = await sendOnce(prepared, attempt);
        return await interpret(prepared, envelope);
      } catch (error) {
        if (!prepared.action.retrySafe || !isRetryableFailure(error) || attempt >= retry.attempts) throw error;
        const delay = backoffDelayMs(retry, attempt, random);
        log?.warn(
          `${name}: ${(error as Error).message}; retrying in ${delay} ms (attempt ${attempt + 1} of ${retry.attempts})`,
        );
        await sleep(delay);
      }
    }
  }

  async function interpret(prepared: Prepared, envelope: Envelope): Promise<CallResult<ActionName>> {
    const name = prepared.action.name as ActionName;
    if (envelope.status < 0) {
      if (envelope.status === -2) {
        if (prepared.account) await capabilities.record(prepared.account, name, 'unsupported');
        throw new UnsupportedActionError(name, false);
      }
      throw new UpstreamStatusError(name, envelope.status, redactedEnvelope(envelope, prepared.secrets));
    }
    const details = prepared.action.details.safeParse(envelope.details);
    if (!details.success) {
      const raw = keptBody(redactSecrets(JSON.stringify(envelope), prepared.secrets));
      throw new UpstreamFaultError(
        name,
        'unknown-shape',
        raw,
        200,
        redactSecrets(details.error.issues[0]?.message ?? '', prepared.secrets),
      );
    }
    if (prepared.action.assumed && prepared.account) await capabilities.record(prepared.account, name, 'supported');
    return {
      details: details.data as ActionDetails<ActionName>,
      status: envelope.status,
      message: envelope.message,
      form: prepared.form,
      auditEnvelope: () => redactedEnvelope(envelope, prepared.secrets),
    };
  }

  return {
    baseUrl,
    capabilities,
    async call<Name extends ActionName>(name: Name, request: CallRequest<Name> = {}): Promise<CallResult<Name>> {
      const prepared = prepare(name, request as CallRequest<ActionName>);
      if (prepared.action.assumed && prepared.account) {
        const known = await capabilities.get(prepared.account);
        if (known[name] === 'unsupported') throw new UnsupportedActionError(name, true);
      }
      if (!prepared.action.retrySafe) return (await execute(prepared)) as CallResult<Name>;
      // The full URL (credentials included) identifies a read: only identical calls share one answer. It lives in
      // memory for the length of the call, like the credentials themselves, and is never logged.
      return (await coalescer.run(prepared.request.url, () => execute(prepared))) as CallResult<Name>;
    },
  };
}

function networkCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : 'unknown';
}
