import type { BuilderRunResult } from '@/lib/request-builder/run-request';

/**
 * The browser's side of "Test request": POST to the server, which makes the call. What can come back besides a
 * result, each with what the page does about it: the session ended (sign in again, the form keeps its input), the
 * Default-key trap (ask, then send again with the confirmation), a refusal of the builder's own (say why, next to
 * the field when there is one).
 */

export interface BuilderRunBody {
  action: string;
  keyId?: string;
  params: Record<string, string>;
  sendAs: 'account' | 'key';
  confirmFirstUseLock?: boolean;
}

export type BuilderRunOutcome =
  | { kind: 'result'; result: BuilderRunResult }
  | { kind: 'signed-out' }
  | { kind: 'confirm-first-use'; message: string }
  | { kind: 'refused'; message: string; field?: string };

export async function runRequest(accountId: string, body: BuilderRunBody): Promise<BuilderRunOutcome> {
  let response: Response;
  try {
    response = await fetch(`/api/accounts/${encodeURIComponent(accountId)}/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { kind: 'refused', message: 'The dashboard did not answer. Check your connection and try again.' };
  }
  const payload = (await response.json().catch(() => ({}))) as {
    error?: string;
    message?: string;
    field?: string | null;
    issues?: Array<{ path?: string; message?: string }>;
  };
  if (response.ok) return { kind: 'result', result: payload as unknown as BuilderRunResult };
  if (response.status === 401) return { kind: 'signed-out' };
  if (response.status === 409 && payload.error === 'confirmation-required')
    return { kind: 'confirm-first-use', message: payload.message ?? '' };
  const issue = payload.issues?.[0];
  return {
    kind: 'refused',
    message: payload.message ?? issue?.message ?? `The request was refused (HTTP ${response.status}).`,
    field: payload.field ?? issue?.path?.split('.').at(-1) ?? undefined,
  };
}
