/**
 * Every `status` sendSMS answers with, in one table: its name, the number the contract gives it, and (below) which
 * ones are worth retrying. What each means to the person reading the screen is in the `status` messages
 * (messages/en/status.json, messages/ro/status.json), under the same names; the numbers are the contract's, the
 * sentences are ours. An unknown code is `unknown_error` (negative) or `unknown_success`, whose sentences name the
 * number.
 */

/** A sentence in the dashboard's two languages, side by side (the request builder shows both). */
export interface StatusExplanation {
  en: string;
  ro: string;
}

export const STATUS_CODES = {
  ok: { status: 0 },
  message_sent: { status: 1 },
  key_created: { status: 2 },
  no_action: { status: -1 },
  no_such_action: { status: -2 },
  missing_parameter: { status: -4 },
  authentication_failed: { status: -8 },
  internal_error: { status: -16 },
  routing_error: { status: -32 },
  out_of_credit: { status: -64 },
  invalid_record: { status: -128 },
  could_not_save: { status: -256 },
  duplicate_record: { status: -512 },
  not_an_affiliate: { status: -1024 },
  hlr_not_enabled: { status: -2048 },
  too_many_connections: { status: -4096 },
  too_many_requests: { status: -8192 },
} as const satisfies Record<string, { status: number }>;

/** A key of the `status` messages: `tsc` refuses a name here that messages/en/status.json lacks (lib/sendsms/errors.ts). */
export type StatusCodeName = keyof typeof STATUS_CODES | 'unknown_error' | 'unknown_success';

export interface StatusCodeEntry {
  status: number;
  name: StatusCodeName;
}

const BY_STATUS = new Map<number, StatusCodeEntry>(
  Object.entries(STATUS_CODES).map(([name, entry]) => [entry.status, { name: name as StatusCodeName, ...entry }]),
);

/** The .NET SDK spells -8192 as -8191; both mean the same answer. */
export function normaliseStatus(status: number): number {
  return status === -8191 ? -8192 : status;
}

/** The status's name, the key of its meaning in the `status` messages. */
export function describeStatus(rawStatus: number): StatusCodeEntry {
  const status = normaliseStatus(rawStatus);
  return BY_STATUS.get(status) ?? { status, name: status < 0 ? 'unknown_error' : 'unknown_success' };
}

/** Statuses that mean "not now" rather than "no": the only upstream answers worth retrying a read on. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([
  STATUS_CODES.too_many_connections.status,
  STATUS_CODES.too_many_requests.status,
]);
