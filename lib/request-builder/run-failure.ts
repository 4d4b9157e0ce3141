/**
 * The English the history shows for a change whose outcome is being checked (the page says it in the reader's
 * language). Kept here, not beside lib/keys/outcome-unknown.ts: the builder's page imports this module in the
 * browser, and that one brings the server's error messages (every language) with it.
 */
const OUTCOME_UNKNOWN_LABEL = 'outcome unknown, checking';

/**
 * Why a run of the builder ended without a sendSMS status to show: kept as `failure` in the run's `request.run`
 * audit row, so that "Requests made here" lists it with what happened rather than a bare "failure". A run that
 * sendSMS answered needs none: its status says it. No server imports: the history table words these.
 */

export const RUN_FAILURES = {
  /** The dashboard's own budget of sendSMS queries a minute was spent: nothing was sent. */
  budget: 'refused: query budget spent',
  /** A never-used Default key would have locked to the server: asked first, nothing sent. */
  'confirmation-required': 'not sent: confirmation asked',
  timeout: 'no answer in time',
  network: 'connection failed',
  /** sendSMS answered something that is not its reply (an error page, say). */
  fault: 'answer not understood',
  unavailable: 'sendSMS unavailable',
  /** A change sent with no clear answer back: it may have happened; the dashboard reads sendSMS back. */
  'outcome-unknown': OUTCOME_UNKNOWN_LABEL,
  /** The dashboard refused it for another reason. */
  refused: 'refused by the dashboard',
} as const;

export type RunFailure = keyof typeof RUN_FAILURES;

export function isRunFailure(value: unknown): value is RunFailure {
  return typeof value === 'string' && Object.hasOwn(RUN_FAILURES, value);
}
