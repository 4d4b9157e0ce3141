'use client';

import { useMemo, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';
import { useFormatter, useLocale, useTranslations } from 'next-intl';

import { api, type ApiError } from '@/components/api/api-client';
import { fieldError } from '@/components/api/form-error';
import { BuilderHistory } from '@/components/request-builder/builder-history';
import { FailedRunPanel, refusalWords } from '@/components/request-builder/failed-run-panel';
import { checkIpParameter, type IpCheck } from '@/components/request-builder/ip-messages';
import { ResultPanel, resultWords } from '@/components/request-builder/result-panel';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { DisabledWithReason } from '@/components/ui/disabled-with-reason';
import { Form } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { Locale } from '@/i18n/locales';
import { classifyAddress } from '@/lib/ip/address-range';
import { parseIp } from '@/lib/ip/parse-ip';
import type { BuilderAccountOption, BuilderKeyOption } from '@/lib/request-builder/builder-options';
import { BUILDER_REQUESTS, builderRequest, type BuilderRequest } from '@/lib/request-builder/catalogue';
import type { BuilderHistoryEntry } from '@/lib/request-builder/history';
import type { BuilderRunResult } from '@/lib/request-builder/run-request';

export interface RequestBuilderProps {
  accounts: BuilderAccountOption[];
  /** Per account: why this user may not run requests that change a key there (null: may), in the reader's language. */
  writeDenied: Record<string, string | null>;
  /** The address the dashboard sees this browser at, when it can tell. */
  clientIp: string | null;
  history: BuilderHistoryEntry[];
  initial: { accountId?: string; action?: string; keyId?: string; ipaddr?: string };
}

/** What "Test request" sends: the server makes the call (app/api/accounts/[accountId]/requests). */
interface BuilderRunBody {
  action: string;
  keyId?: string;
  params: Record<string, string>;
  sendAs: 'account' | 'key';
  confirmFirstUseLock?: boolean;
}

interface FormState {
  accountId: string;
  action: string;
  keyId: string;
  params: Record<string, string>;
  sendAs: 'account' | 'key';
}

type Translate = ReturnType<typeof useTranslations<'requestBuilder'>>;

/** Where each way of sending puts the key: sendSMS's parameter names, not words. */
const SEND_AS_CHOICES = [
  { value: 'account', message: 'form.sendAsAccount', param: 'token' },
  { value: 'key', message: 'form.sendAsKey', param: 'password' },
] as const;

/** The username field is sendSMS's parameter, named as the hub names it. */
const USERNAME_PARAMETER = 'username';

/** The key kinds keep their names in every language (messages/GLOSSARY.md). */
const KIND_NAMES: Record<BuilderKeyOption['kind'], string> = { DEFAULT: 'Default', CLOUD: 'Cloud' };

/** The requests the builder describes; another (a newer catalogue) is shown with the catalogue's own line. */
const DESCRIBED_REQUESTS = [
  'token_add_ip',
  'token_list_ips',
  'user_get_balance',
  'user_get_info',
  'token_list',
  'ping',
] as const;
type DescribedRequest = (typeof DESCRIBED_REQUESTS)[number];

function requestSummary(t: Translate, request: BuilderRequest): string {
  return (DESCRIBED_REQUESTS as readonly string[]).includes(request.action)
    ? t(`requests.${request.action as DescribedRequest}`)
    : request.summary;
}

/**
 * The server's sentence under the trap's own explanation, in the reader's language: in Romanian only when the server
 * sent one (sendSMS's Default-key trap does); the dialog's title and description say the rest.
 */
function trapMessage(locale: Locale, error: ApiError): string {
  return locale === 'ro' ? (error.body?.messageRo ?? '') : error.message;
}

function parameterDescription(t: Translate, parameter: BuilderRequest['parameters'][number]): string {
  return parameter.name === 'ipaddr' ? t('parameters.ipaddr') : parameter.description;
}

export function RequestBuilder({ accounts, writeDenied, clientIp, history, initial }: RequestBuilderProps) {
  const t = useTranslations('requestBuilder');
  const tResult = useTranslations('requestBuilder.result');
  const tStatus = useTranslations('status');
  const format = useFormatter();
  const locale = useLocale();
  const router = useRouter();
  const [form, setForm] = useState<FormState>(() => initialForm(accounts, initial));
  const [result, setResult] = useState<BuilderRunResult | null>(null);
  const [trap, setTrap] = useState<{ message: string; body: BuilderRunBody } | null>(null);

  const account = accounts.find((candidate) => candidate.id === form.accountId);
  const request = builderRequest(form.action);
  const keys = account?.keys ?? [];
  const key = keys.find((candidate) => candidate.id === form.keyId);

  const ipChecks = useMemo(
    () =>
      Object.fromEntries(
        // The server's own check (lib/request-builder/run-request.ts), so the field refuses what the server would.
        (request?.parameters ?? []).map((parameter) => [
          parameter.name,
          checkIpParameter(t, form.params[parameter.name] ?? ''),
        ]),
      ) as Record<string, IpCheck>,
    [t, request, form.params],
  );
  const clientIpIsPublic = useMemo(() => {
    const parsed = clientIp ? parseIp(clientIp) : null;
    return parsed?.ok ? classifyAddress(parsed.address, parsed.version).range === 'public' : false;
  }, [clientIp]);

  // An expired session is handled by the API client (sign in again in place, then the request is sent again); the
  // Default-key trap asks first, then sends again with the confirmation; any other refusal is shown in the result's
  // place (and next to its field when it names one). A new run clears the last result first: an answer must never
  // be read as belonging to the request before it.
  const mutation = useMutation<BuilderRunResult, ApiError, { accountId: string; body: BuilderRunBody }>({
    mutationFn: ({ accountId, body }) =>
      api.post<BuilderRunResult>(`/api/accounts/${encodeURIComponent(accountId)}/requests`, body),
    onMutate: () => setResult(null),
    onSuccess: (outcome) => {
      setResult(outcome);
      router.refresh(); // the history below is read from the audit log on the server
    },
    onError: (error, { body }) => {
      if (error.code === 'confirmation-required') setTrap({ message: trapMessage(locale, error), body });
      // A refused run is in the history too (the audit log has it).
      else router.refresh();
    },
  });
  const problem = mutation.error?.code === 'confirmation-required' ? null : mutation.error;
  const refusal = problem
    ? {
        code: problem.code,
        message: problem.message,
        messageRo: problem.body?.messageRo,
        upstreamStatus: problem.body?.upstreamStatus,
      }
    : null;
  // What a screen reader hears, once per run: the panel below is not a live region, so a re-render of it (the
  // history refreshing, a copy button saying Copied) reads nothing again.
  const said = result
    ? resultWords(tResult, tStatus, locale, result)
    : refusal
      ? (({ label, meaning }) => ({ badge: label, meaning }))(refusalWords(t, tStatus, locale, refusal))
      : null;
  const announcement = mutation.isPending
    ? t('announce.sending', { action: mutation.variables?.body.action ?? '' })
    : said
      ? t('announce.result', said)
      : null;

  if (!account || !request) {
    return <p className="text-zinc-600 dark:text-zinc-400">{t('form.noAccounts')}</p>;
  }

  const writeReason = request.permission === 'requests.write' ? (writeDenied[account.id] ?? null) : null;
  const missingKey = request.needsKey && !key;
  const keyNotHeld = request.needsKey && key && !key.held;
  const invalidParameter = request.parameters.some(
    (parameter) =>
      ipChecks[parameter.name]?.error || (parameter.required && !(form.params[parameter.name] ?? '').trim()),
  );
  const blockedReason =
    writeReason ??
    (missingKey
      ? t('blocked.pickKey')
      : keyNotHeld
        ? t('blocked.keyNotHeld')
        : invalidParameter
          ? t('blocked.invalidParameters')
          : null);

  const send = (state: FormState, confirmFirstUseLock?: boolean) => {
    const chosen = builderRequest(state.action);
    mutation.mutate({
      accountId: state.accountId,
      body: {
        action: state.action,
        keyId: chosen?.needsKey ? state.keyId : undefined,
        params: Object.fromEntries(
          (chosen?.parameters ?? []).map((parameter) => [parameter.name, state.params[parameter.name] ?? '']),
        ),
        sendAs: state.sendAs,
        confirmFirstUseLock,
      },
    });
  };

  const update = (change: Partial<FormState>) => setForm((current) => ({ ...current, ...change }));

  const keyLabel = (candidate: BuilderKeyOption): string => {
    const lock =
      candidate.lockState.state === 'locked'
        ? t('keyOption.lockedSince', { date: format.dateTime(new Date(candidate.lockState.since), 'date') })
        : candidate.lockState.state === 'awaiting-first-use'
          ? t('keyOption.awaitingFirstUse')
          : t('keyOption.unrestricted');
    return [
      candidate.name,
      KIND_NAMES[candidate.kind],
      candidate.fragment,
      lock,
      ...(candidate.held ? [] : [t('keyOption.secretNotHeld')]),
    ].join(' · ');
  };

  return (
    <div className="grid gap-8">
      <Form
        className="grid max-w-2xl gap-5"
        aria-label={t('form.label')}
        onSubmit={() => {
          if (!blockedReason) send(form);
        }}
      >
        <Select
          label={t('form.account')}
          value={account.id}
          onChange={(event) => {
            const next = accounts.find((candidate) => candidate.id === event.target.value);
            update({
              accountId: event.target.value,
              keyId: next?.keys[0]?.id ?? '',
              action: next?.actions.includes(form.action) ? form.action : (next?.actions[0] ?? ''),
            });
          }}
          options={accounts.map((candidate) => ({ value: candidate.id, label: candidate.label }))}
        />
        <Input label={USERNAME_PARAMETER} value={account.username} readOnly description={t('form.usernameHint')} />

        <div className="grid gap-1.5">
          <Select
            label={t('form.request')}
            error={fieldError(problem, 'action')}
            value={request.action}
            onChange={(event) => update({ action: event.target.value, params: {} })}
            options={BUILDER_REQUESTS.filter((candidate) => account.actions.includes(candidate.action)).map(
              (candidate) => ({ value: candidate.action, label: candidate.action }),
            )}
          />
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {requestSummary(t, request)}{' '}
            {request.parameters.length === 0
              ? t('parameters.none')
              : t('parameters.list', {
                  names: request.parameters.map((parameter) => parameter.name).join(', '),
                })}
          </p>
        </div>

        {request.needsKey ? (
          <fieldset className="grid gap-3">
            <Select
              label={t('form.key')}
              value={form.keyId}
              onChange={(event) => update({ keyId: event.target.value })}
              error={fieldError(problem, 'keyId')}
              options={[
                { value: '', label: t('form.pickKey') },
                ...keys.map((candidate) => ({ value: candidate.id, label: keyLabel(candidate) })),
              ]}
            />
            {keyNotHeld ? <p className="text-sm text-amber-700 dark:text-amber-400">{t('form.keyNotHeld')}</p> : null}
            <div role="radiogroup" aria-label={t('form.sendAs')} className="grid gap-1 text-sm">
              <span className="font-medium">{t('form.sendAs')}</span>
              {SEND_AS_CHOICES.map((choice) => (
                <label key={choice.value} className="flex items-start gap-2">
                  <input
                    type="radio"
                    name="sendAs"
                    checked={form.sendAs === choice.value}
                    onChange={() => update({ sendAs: choice.value })}
                  />
                  <span>
                    {t.rich(choice.message, { param: choice.param, code: (chunks) => <code>{chunks}</code> })}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}

        {request.parameters.map((parameter) => {
          const check = ipChecks[parameter.name];
          const fieldProblem = fieldError(problem, parameter.name, `params.${parameter.name}`);
          return (
            <div key={parameter.name} className="grid gap-2">
              <Input
                label={parameter.label}
                name={parameter.name}
                required={parameter.required}
                autoComplete="off"
                spellCheck={false}
                inputMode="text"
                value={form.params[parameter.name] ?? ''}
                onChange={(event) => update({ params: { ...form.params, [parameter.name]: event.target.value } })}
                description={check?.warning ?? parameterDescription(t, parameter)}
                error={check?.error ?? fieldProblem}
              />
              {parameter.kind === 'ip' && clientIp ? (
                clientIpIsPublic ? (
                  <div>
                    <Button
                      type="button"
                      variant="secondary"
                      size="sm"
                      onClick={() => update({ params: { ...form.params, [parameter.name]: clientIp } })}
                    >
                      {t('form.useMyAddress', { ip: clientIp })}
                    </Button>
                  </div>
                ) : (
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">
                    {t('form.addressNotPublic', { ip: clientIp })}
                  </p>
                )
              ) : null}
            </div>
          );
        })}

        <div>
          <DisabledWithReason reason={blockedReason}>
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? t('form.sending') : t('form.submit')}
            </Button>
          </DisabledWithReason>
        </div>
      </Form>

      <p role="status" className="sr-only">
        {announcement}
      </p>
      <div aria-busy={mutation.isPending}>
        {mutation.isPending ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {t('form.sendingAction', { action: mutation.variables?.body.action ?? '' })}
          </p>
        ) : result ? (
          <ResultPanel result={result} />
        ) : refusal ? (
          <FailedRunPanel refusal={refusal} />
        ) : null}
      </div>

      <BuilderHistory
        entries={history}
        onRunAgain={(entry) => {
          const again: FormState = {
            accountId: entry.accountId,
            action: entry.action,
            keyId: entry.keyId ?? '',
            params: entry.params,
            sendAs: entry.sendAs ?? 'account',
          };
          setForm(again);
          send(again);
        }}
        runAgainDenied={(entry) => {
          if (entry.runAgainDenied) return entry.runAgainDenied;
          const runOn = accounts.find((candidate) => candidate.id === entry.accountId);
          if (!runOn) return t('blocked.accountGone');
          return runOn.actions.includes(entry.action) ? null : t('blocked.actionNotOffered', { action: entry.action });
        }}
      />

      <Dialog open={trap !== null} onOpenChange={(open) => (open ? undefined : setTrap(null))}>
        <DialogContent title={t('trap.title')} description={t('trap.description')}>
          {trap?.message ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{trap.message}</p> : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">{t('trap.cancel')}</Button>
            </DialogClose>
            <Button
              variant="danger"
              onClick={() => {
                const body = trap?.body;
                setTrap(null);
                if (body) mutation.mutate({ accountId: form.accountId, body: { ...body, confirmFirstUseLock: true } });
              }}
            >
              {t('trap.confirm')}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}

function initialForm(accounts: BuilderAccountOption[], initial: RequestBuilderProps['initial']): FormState {
  const account = accounts.find((candidate) => candidate.id === initial.accountId) ?? accounts[0];
  const action =
    initial.action && account?.actions.includes(initial.action)
      ? initial.action
      : (account?.actions[0] ?? 'token_add_ip');
  const keyId = account?.keys.some((key) => key.id === initial.keyId)
    ? initial.keyId!
    : (account?.keys.find((key) => key.held)?.id ?? '');
  return {
    accountId: account?.id ?? '',
    action,
    keyId,
    params: initial.ipaddr ? { ipaddr: initial.ipaddr } : {},
    sendAs: 'account',
  };
}
