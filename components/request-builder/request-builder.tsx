'use client';

import { useMemo, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';

import { api, type ApiError } from '@/components/api/api-client';
import { fieldError } from '@/components/api/form-error';
import { BuilderHistory } from '@/components/request-builder/builder-history';
import { FailedRunPanel } from '@/components/request-builder/failed-run-panel';
import { ResultPanel, resultBadge } from '@/components/request-builder/result-panel';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { DisabledWithReason } from '@/components/ui/disabled-with-reason';
import { Form } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { classifyAddress } from '@/lib/ip/address-range';
import { parseAuthorizableIp } from '@/lib/ip/authorizable-ip';
import { parseIp } from '@/lib/ip/parse-ip';
import type { BuilderAccountOption, BuilderKeyOption } from '@/lib/request-builder/builder-options';
import { BUILDER_REQUESTS, builderRequest } from '@/lib/request-builder/catalogue';
import { failedRun } from '@/lib/request-builder/failed-run';
import type { BuilderHistoryEntry } from '@/lib/request-builder/history';
import type { BuilderRunResult } from '@/lib/request-builder/run-request';

export interface RequestBuilderProps {
  accounts: BuilderAccountOption[];
  /** Per account: why this user may not run requests that change a key there (null: may). */
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

const SEND_AS_CHOICES = [
  {
    value: 'account',
    label: (
      <>
        the account (username, password and the key as <code>token</code>): the key itself is not used. Recommended.
      </>
    ),
  },
  {
    value: 'key',
    label: (
      <>
        the key itself (the key as <code>password</code>), as an integration would: counts as a use of the key from the
        dashboard’s server.
      </>
    ),
  },
] as const;

export function RequestBuilder({ accounts, writeDenied, clientIp, history, initial }: RequestBuilderProps) {
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
        (request?.parameters ?? []).map((parameter) => {
          const value = form.params[parameter.name] ?? '';
          if (value.trim() === '') return [parameter.name, { error: null, warning: null }];
          // The server's own check (lib/request-builder/run-request.ts), so the field refuses what the server would.
          const parsed = parseAuthorizableIp(value);
          return [
            parameter.name,
            parsed.ok
              ? { error: null, warning: classifyAddress(parsed.address, parsed.version).warning }
              : { error: parsed.reason, warning: null },
          ];
        }),
      ) as Record<string, { error: string | null; warning: string | null }>,
    [request, form.params],
  );
  const clientIpIsPublic = useMemo(() => {
    const parsed = clientIp ? parseIp(clientIp) : null;
    return parsed?.ok ? classifyAddress(parsed.address, parsed.version).warning === null : false;
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
      if (error.code === 'confirmation-required') setTrap({ message: error.message, body });
      // A refused run is in the history too (the audit log has it).
      else router.refresh();
    },
  });
  const problem = mutation.error?.code === 'confirmation-required' ? null : mutation.error;
  const failed = problem
    ? failedRun({
        code: problem.code,
        message: problem.message,
        messageRo: problem.body?.messageRo,
        upstreamStatus: problem.body?.upstreamStatus,
      })
    : null;
  // What a screen reader hears, once per run: the panel below is not a live region, so a re-render of it (the
  // history refreshing, a copy button saying Copied) reads nothing again.
  const announcement = mutation.isPending
    ? `Sending ${mutation.variables?.body.action ?? ''}…`
    : result
      ? `Result: ${resultBadge(result)}. ${result.meaning.en}`
      : failed
        ? `Result: ${failed.label}. ${failed.meaning.en}`
        : '';

  if (!account || !request) {
    return (
      <p className="text-zinc-600 dark:text-zinc-400">There is no sendSMS account you may send requests for yet.</p>
    );
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
      ? 'Pick the API key first'
      : keyNotHeld
        ? 'The dashboard does not hold this key’s secret'
        : invalidParameter
          ? 'Correct the parameters first'
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

  return (
    <div className="grid gap-8">
      <Form
        className="grid max-w-2xl gap-5"
        aria-label="Api Request Builder"
        onSubmit={() => {
          if (!blockedReason) send(form);
        }}
      >
        <Select
          label="sendSMS account"
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
        <Input
          label="username"
          value={account.username}
          readOnly
          description="Filled in from the account, as on the hub."
        />

        <div className="grid gap-1.5">
          <Select
            label="Request"
            error={fieldError(problem, 'action')}
            value={request.action}
            onChange={(event) => update({ action: event.target.value, params: {} })}
            options={BUILDER_REQUESTS.filter((candidate) => account.actions.includes(candidate.action)).map(
              (candidate) => ({ value: candidate.action, label: candidate.action }),
            )}
          />
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {request.summary}{' '}
            {request.parameters.length === 0
              ? 'No parameters.'
              : `Parameters: ${request.parameters.map((parameter) => parameter.name).join(', ')}.`}
          </p>
        </div>

        {request.needsKey ? (
          <fieldset className="grid gap-3">
            <Select
              label="API key (token)"
              value={form.keyId}
              onChange={(event) => update({ keyId: event.target.value })}
              error={fieldError(problem, 'keyId')}
              options={[
                { value: '', label: 'Pick a key…' },
                ...keys.map((candidate) => ({ value: candidate.id, label: keyLabel(candidate) })),
              ]}
            />
            {keyNotHeld ? (
              <p className="text-sm text-amber-700 dark:text-amber-400">
                The dashboard does not hold this key’s secret (it was listed by sendSMS, not generated or imported
                here), so it cannot send requests with it.
              </p>
            ) : null}
            <div role="radiogroup" aria-label="Send the request as" className="grid gap-1 text-sm">
              <span className="font-medium">Send the request as</span>
              {SEND_AS_CHOICES.map((choice) => (
                <label key={choice.value} className="flex items-start gap-2">
                  <input
                    type="radio"
                    name="sendAs"
                    checked={form.sendAs === choice.value}
                    onChange={() => update({ sendAs: choice.value })}
                  />
                  <span>{choice.label}</span>
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
                description={check?.warning ?? parameter.description}
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
                      Use my current public address ({clientIp})
                    </Button>
                  </div>
                ) : (
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">
                    The dashboard sees this browser at {clientIp}, which is not a public address: sendSMS would see
                    another one.
                  </p>
                )
              ) : null}
            </div>
          );
        })}

        <div>
          <DisabledWithReason reason={blockedReason}>
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? 'Sending…' : 'Test request'}
            </Button>
          </DisabledWithReason>
        </div>
      </Form>

      <p role="status" className="sr-only">
        {announcement}
      </p>
      <div aria-busy={mutation.isPending}>
        {mutation.isPending ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Sending {mutation.variables?.body.action}…</p>
        ) : result ? (
          <ResultPanel result={result} />
        ) : failed ? (
          <FailedRunPanel failed={failed} />
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
          if (!runOn) return 'This account is no longer available here';
          return runOn.actions.includes(entry.action) ? null : `This account does not offer ${entry.action}`;
        }}
      />

      <Dialog open={trap !== null} onOpenChange={(open) => (open ? undefined : setTrap(null))}>
        <DialogContent
          title="This Default key has never been used"
          description="A Default key locks to the IP address of its first request. Sent this way, that first request comes from the dashboard's server, so the key would be locked to the server's address, and your integration would be refused until you authorize its IP."
        >
          {trap?.message ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{trap.message}</p> : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button
              variant="danger"
              onClick={() => {
                const body = trap?.body;
                setTrap(null);
                if (body) mutation.mutate({ accountId: form.accountId, body: { ...body, confirmFirstUseLock: true } });
              }}
            >
              Send, and lock the key to the server’s IP
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}

function keyLabel(key: BuilderKeyOption): string {
  const kind = key.kind === 'DEFAULT' ? 'Default' : 'Cloud';
  const lock =
    key.lockState.state === 'locked'
      ? `locked since ${key.lockState.since.slice(0, 10)}`
      : key.lockState.state === 'awaiting-first-use'
        ? 'awaiting first use'
        : 'no IP restriction';
  return `${key.name} · ${kind} · ${key.fragment} · ${lock}${key.held ? '' : ' · secret not held here'}`;
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
