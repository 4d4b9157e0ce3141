import 'server-only';
import { z } from 'zod';
import type { SessionUser } from '@/lib/auth/session-user';
import { accountRefFor } from '@/lib/accounts/account-ref';
import { maskSecrets } from '@/lib/audit/mask';
import type { Locale } from '@/i18n/locales';
import { classifyAddress } from '@/lib/ip/address-range';
import { translatorFor } from '@/lib/i18n/translator';
import { parseAuthorizableIp } from '@/lib/ip/authorizable-ip';
import { assertAllowed, loadAccount } from '@/lib/keys/access';
import { auditKeyEvent } from '@/lib/keys/audit';
import type { RequestOrigin } from '@/lib/auth/request-meta';
import { authorizeKeyIp } from '@/lib/keys/authorize-ip-service';
import type { KeyServiceDeps } from '@/lib/keys/deps';
import { isAppError, type AppError } from '@/lib/errors/app-error';
import { conflict, invalid, notFound } from '@/lib/errors/refusals';
import { keyInUse } from '@/lib/keys/key-secret';
import { isOutcomeUnknownError } from '@/lib/keys/outcome-unknown';
import { selectKey } from '@/lib/keys/repository';
import type { LockedIpView } from '@/lib/keys/types';
import { builderRequest, type BuilderRequest } from '@/lib/request-builder/catalogue';
import { previewRequest, type RequestPreview } from '@/lib/request-builder/request-preview';
import type { RunFailure } from '@/lib/request-builder/run-failure';
import type { ActionName } from '@/lib/sendsms/actions';
import type { CallRequest } from '@/lib/sendsms/client';
import { explainStatus, isSendsmsError, upstreamStatusOf, type AnySendsmsError } from '@/lib/sendsms/errors';
import { chooseKeyCallForm } from '@/lib/sendsms/key-form';
import {
  asSentenceText,
  errorText,
  inBothLanguages,
  isLocalizedText,
  literalText,
  type LocalizedText,
} from '@/lib/errors/text/localized-text';
import { issueText } from '@/lib/validation/issue-text';
import { ipProblemText } from '@/lib/validation/ip-text';
import { idParam, plainText } from '@/lib/validation/text';

/**
 * "Test request": runs one request from the builder through the server and reports it as the page shows it —
 * the status with its meaning, sendSMS's message, the details (secrets masked), how long it took, and the same
 * request as a URL and a curl line without secrets. sendSMS refusing is a result to show, not an error; only what
 * the builder itself refuses (permission, a bad parameter, a key it does not hold, the Default-key trap without
 * confirmation) is thrown, as the dashboard's AppError, for the route to answer with its HTTP status.
 *
 * token_add_ip goes through the keys service (lib/keys/authorize-ip-service.ts), the one implementation of
 * "authorize an IP": the same rules, the Locked On IP cache updated at once, its own audit row. Every run also
 * writes a `request.run` audit row, the failed ones included (refused by the budget, timed out, the Default-key trap
 * asked): the builder's history is read from those, and a run missing from it would be a run nobody can account for.
 * What is refused before anything could be sent (permission, parameters, the key) is not a run and is not recorded.
 */

export const builderRunInput = z
  .object({
    action: plainText({ max: 64 }).refine((value) => value.length > 0, issueText('requestBuilder.pickRequest')),
    keyId: idParam.optional(),
    params: z.record(plainText({ max: 64 }), plainText({ max: 200 })).default({}),
    /**
     * Key requests: 'account' (the default) sends the account credential and names the key in `token`, so the key
     * itself is not used; 'key' sends the key as the password, as an integration would (and as the public SDKs do).
     */
    sendAs: z.enum(['account', 'key']).default('account'),
    confirmFirstUseLock: z.boolean().optional(),
  })
  .strict();

export type BuilderRunInput = z.input<typeof builderRunInput>;

export interface BuilderRunResult {
  action: ActionName;
  /** sendSMS answered with status ≥ 0. */
  ok: boolean;
  /** null when no envelope came back (timeout, connection failure, a body that is not JSON). */
  status: number | null;
  meaning: { en: string; ro: string };
  /**
   * sendSMS's own message, as it came ('' when it sent none). '' too when the dashboard answered in sendSMS's place
   * (token_add_ip goes through the keys service, which keeps no envelope): `note` then says what to show instead.
   */
  message: string;
  /**
   * In place of sendSMS's message: 'ok' (the address was added) or 'already-listed' (sendSMS said -512), which the
   * result panel words; or the dashboard's own sentence about the run (a refusal, an unclear answer), in English and
   * Romanian like `meaning`.
   */
  note?: { code: 'ok' | 'already-listed' } | { code: 'sentence'; text: { en: string; ro: string } };
  details: unknown;
  durationMs: number;
  preview: RequestPreview;
  /** token_add_ip: the key's Locked On IP list as the dashboard now holds it. */
  lockedIps?: LockedIpView[];
  /** A warning about the parameters that did not stop the request (a private ipaddr, say), in the caller's language. */
  warnings: string[];
  /** token_add_ip sent with no clear answer back: the dashboard is reading sendSMS back to learn what happened. */
  outcome?: 'unknown';
}

export async function runBuilderRequest(
  deps: KeyServiceDeps,
  actor: SessionUser,
  accountId: string,
  rawInput: BuilderRunInput,
  origin: RequestOrigin = {},
  locale: Locale = 'en',
): Promise<BuilderRunResult> {
  const input = builderRunInput.parse(rawInput);
  const request = builderRequest(input.action);
  if (!request) throw invalid('requestBuilder.notOffered', { values: { action: input.action }, field: 'action' });
  assertAllowed(actor, request.permission, accountId);

  const account = await loadAccount(deps, accountId);
  const { params, warnings } = checkParameters(request, input.params, locale);
  const key = request.needsKey ? await loadKey(deps, accountId, input.keyId) : null;
  const accountRef = accountRefFor(account);

  const accountFormWorks = input.sendAs !== 'key';
  const form = key
    ? chooseKeyCallForm(request.action, {
        username: account.username,
        accountCredential: accountRef.credential,
        key: key.inUse,
        accountFormWorks,
        confirmFirstUseLock: true,
      }).form
    : null;
  const preview = previewRequest({
    baseUrl: account.apiBaseUrl,
    action: request.action,
    username: account.username,
    form,
    params,
  });
  const audit = async (outcome: 'success' | 'failure', status: number | null, failure: RunFailure | null = null) =>
    auditKeyEvent(deps.prisma, actor, origin, {
      accountId,
      keyId: key?.id ?? null,
      action: 'request.run',
      params: {
        request: request.action,
        ...params,
        ...(key ? { sendAs: input.sendAs } : {}),
        ...(failure ? { failure } : {}),
      },
      outcome,
      upstreamStatus: status,
    });

  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;

  if (request.action === 'token_add_ip') {
    try {
      const authorized = await authorizeKeyIp(
        deps,
        { actor, accountId, keyId: key!.id, origin },
        { ip: params.ipaddr!, sendAs: input.sendAs, confirmFirstUseLock: input.confirmFirstUseLock },
      );
      const status = authorized.alreadyListed ? -512 : 0;
      await audit('success', status);
      return {
        ...answered(request.action, status, '', null),
        note: { code: authorized.alreadyListed ? 'already-listed' : 'ok' },
        durationMs: elapsed(),
        preview,
        lockedIps: authorized.lockedIps,
        warnings,
      };
    } catch (error) {
      // The address may have been added: shown as a result that says so, never as a failure.
      if (isOutcomeUnknownError(error)) {
        await audit('failure', null, 'outcome-unknown');
        const meaning = inBothLanguages(errorText('requestBuilder.noClearAnswer'));
        return {
          action: request.action,
          ok: false,
          status: null,
          meaning,
          message: '',
          note: { code: 'sentence', text: inBothLanguages(sentenceOf(error)) },
          details: null,
          durationMs: elapsed(),
          preview,
          warnings,
          outcome: 'unknown',
        };
      }
      // A bug, not a run that failed: for the 500 and the log.
      if (!isAppError(error)) throw error;
      // The dashboard's own refusals (the 409 trap, its budget's 429, a 503) are answered as such, and recorded.
      if (error.options.upstreamStatus === undefined || error.options.upstreamStatus === null) {
        await audit('failure', null, failureOfRefusal(error));
        throw error;
      }
      // sendSMS's answer is the result to show.
      await audit('failure', error.options.upstreamStatus);
      return {
        ...answered(request.action, error.options.upstreamStatus, '', null),
        note: { code: 'sentence', text: inBothLanguages(sentenceOf(error)) },
        durationMs: elapsed(),
        preview,
        warnings,
      };
    }
  }

  try {
    const call = {
      account: accountRef,
      key: key?.inUse,
      params,
      accountFormWorks,
      confirmFirstUseLock: input.confirmFirstUseLock,
    } as CallRequest<typeof request.action>;
    const result = await deps.clientFor(account.apiBaseUrl).call(request.action, call);
    const envelope = result.auditEnvelope();
    await audit('success', envelope.status);
    return {
      ...answered(request.action, envelope.status, envelope.message, maskSecrets(envelope.details)),
      durationMs: elapsed(),
      preview,
      warnings,
    };
  } catch (error) {
    if (!isSendsmsError(error)) throw error;
    // Not answers of sendSMS but the dashboard's own refusals: the Default-key trap (409) and its budget (429).
    if (error.kind === 'default-key-first-use' || error.kind === 'budget') {
      await audit('failure', null, FAILURE_OF_KIND[error.kind]);
      throw error;
    }
    const status = upstreamStatusOf(error);
    await audit('failure', status, status === null ? FAILURE_OF_KIND[error.kind] : null);
    const envelope = error.kind === 'status' ? error.envelope : null;
    return {
      action: request.action,
      ok: false,
      status,
      meaning: error.explanation,
      message: envelope?.message ?? error.message,
      details: envelope ? maskSecrets(envelope.details) : null,
      durationMs: elapsed(),
      preview,
      warnings,
    };
  }
}

/** What a sendSMS error without a status says about the run, for the history. */
const FAILURE_OF_KIND: Record<AnySendsmsError['kind'], RunFailure> = {
  budget: 'budget',
  'default-key-first-use': 'confirmation-required',
  timeout: 'timeout',
  network: 'network',
  fault: 'fault',
  'invalid-request': 'refused',
  status: 'refused',
  unsupported: 'refused',
};

/** The dashboard's refusal of a token_add_ip it tried (lib/keys/authorize-ip-service.ts), by its code. */
function failureOfRefusal(error: AppError): RunFailure {
  switch (error.code) {
    case 'rate-limited':
      return 'budget';
    case 'confirmation-required':
      return 'confirmation-required';
    case 'upstream-unavailable':
      return 'unavailable';
    default:
      return 'refused';
  }
}

/** The dashboard's sentence of an error, as a message key (its English, for an error of another module copy). */
function sentenceOf(error: AppError): LocalizedText {
  return isLocalizedText(error.text) ? error.text : literalText(error.message);
}

function answered(action: ActionName, status: number, message: string, details: unknown) {
  return { action, ok: status >= 0, status, meaning: explainStatus(status), message, details };
}

/** The builder's own check of each parameter, before anything is sent: every IP goes through lib/ip. */
function checkParameters(
  request: BuilderRequest,
  given: Record<string, string>,
  locale: Locale,
): { params: Record<string, string>; warnings: string[] } {
  const params: Record<string, string> = {};
  const warnings: string[] = [];
  const t = translatorFor(locale, 'requestBuilder');
  for (const parameter of request.parameters) {
    const value = given[parameter.name]?.trim() ?? '';
    if (value === '') {
      if (parameter.required)
        throw invalid('requestBuilder.parameterRequired', {
          values: { label: parameter.label },
          field: parameter.name,
        });
      continue;
    }
    // Every builder parameter is an IP to authorize (token_add_ip's ipaddr).
    const parsed = parseAuthorizableIp(value);
    if (!parsed.ok) {
      const reason = ipProblemText(parsed.problem);
      throw invalid(asSentenceText(errorText('requestBuilder.parameterRefused', { reason })), {
        field: parameter.name,
      });
    }
    params[parameter.name] = parsed.address;
    // The same sentence as the field's own warning (components/request-builder/ip-messages.ts), in the caller's language.
    const { range, cidr } = classifyAddress(parsed.address, parsed.version);
    if (range !== 'public' && cidr !== null) warnings.push(t(`ip.warning.${range}`, { address: parsed.address, cidr }));
  }
  const unknown = Object.keys(given).filter((name) => !request.parameters.some((parameter) => parameter.name === name));
  if (unknown.length > 0)
    throw invalid('requestBuilder.noSuchParameter', { values: { action: request.action, names: unknown.join(', ') } });
  return { params, warnings };
}

async function loadKey(deps: KeyServiceDeps, accountId: string, keyId: string | undefined) {
  if (!keyId) throw invalid('requestBuilder.pickKey', { field: 'keyId' });
  const key = await selectKey(deps.prisma, accountId, keyId);
  if (!key) throw notFound('notFound.key', { field: 'keyId' });
  const inUse = keyInUse(key, deps.credentialsKey);
  if (!inUse) {
    throw conflict('requestBuilder.keyNotHeld', { field: 'keyId' });
  }
  return { id: key.id, inUse };
}
