import { RUN_FAILURES } from '@/lib/request-builder/run-failure';
import type { StatusExplanation } from '@/lib/sendsms/status-codes';

/**
 * A "Test request" the server refused instead of answering with a result (its budget spent, sendSMS unreachable,
 * a role that may not change keys…), as the result panel shows it: a short label and the meaning in English and
 * Romanian, like every other result. The English is the server's own sentence; the Romanian is the server's when
 * it sent one (sendSMS's failures carry it), else the gist of the refusal by its code. No server imports.
 */

/** What the browser knows of the refusal: the server's JSON body (lib/errors/app-error.ts) as the API client read it. */
export interface BuilderRefusal {
  /** The server's code (`rate-limited`, `forbidden`…); `network` when the dashboard could not be reached. */
  code: string;
  message: string;
  messageRo?: string | null;
  upstreamStatus?: number | null;
}

export interface FailedRunView {
  label: string;
  meaning: StatusExplanation;
}

const BY_CODE: Record<string, { label: string; ro: string }> = {
  'rate-limited': {
    label: RUN_FAILURES.budget,
    ro: 'Prea multe cereri către sendSMS în ultimul minut. Încercați din nou peste puțin timp.',
  },
  'upstream-unavailable': {
    label: RUN_FAILURES.unavailable,
    ro: 'sendSMS nu poate fi contactat acum. Panoul nu a modificat nimic; încercați din nou mai târziu.',
  },
  forbidden: {
    label: 'refused: not allowed',
    ro: 'Rolul dumneavoastră nu permite această cerere pentru acest cont.',
  },
  invalid: { label: 'refused: not valid', ro: 'Cererea nu este validă: corectați câmpurile marcate.' },
  'not-found': { label: 'refused: not found', ro: 'Contul sau cheia nu (mai) există.' },
  conflict: { label: RUN_FAILURES.refused, ro: 'Cererea nu poate fi trimisă în starea actuală a cheii.' },
  network: {
    label: 'dashboard unreachable',
    ro: 'Panoul nu a putut fi contactat. Verificați conexiunea și încercați din nou.',
  },
};

const OTHERWISE = { label: RUN_FAILURES.refused, ro: 'Cererea nu a reușit.' };

export function failedRun(refusal: BuilderRefusal): FailedRunView {
  const known = Object.hasOwn(BY_CODE, refusal.code) ? BY_CODE[refusal.code]! : OTHERWISE;
  const status = refusal.upstreamStatus ?? null;
  return {
    label: status === null ? known.label : `status ${status}`,
    meaning: { en: refusal.message, ro: refusal.messageRo || known.ro },
  };
}
