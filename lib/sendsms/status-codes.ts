/**
 * Every `status` sendSMS answers with, in one table: its name and what it means to the person reading the screen,
 * in English and in Romanian (the provider's customers are Romanian businesses). The numbers are the contract's;
 * the explanations are ours. Unknown negative codes get a generic explanation that still names the number.
 */

export interface StatusExplanation {
  en: string;
  ro: string;
}

export interface StatusCodeEntry {
  status: number;
  name: string;
  explanation: StatusExplanation;
}

export const STATUS_CODES = {
  ok: {
    status: 0,
    explanation: { en: 'The request succeeded.', ro: 'Cererea a reușit.' },
  },
  message_sent: {
    status: 1,
    explanation: { en: 'The message was queued for sending.', ro: 'Mesajul a fost pus în coada de trimitere.' },
  },
  key_created: {
    status: 2,
    explanation: {
      en: 'A request key was created for the application.',
      ro: 'A fost creată o cheie de cerere pentru aplicație.',
    },
  },
  no_action: {
    status: -1,
    explanation: { en: 'The request named no action.', ro: 'Cererea nu a specificat nicio acțiune.' },
  },
  no_such_action: {
    status: -2,
    explanation: {
      en: 'sendSMS does not offer this action for this account.',
      ro: 'sendSMS nu oferă această acțiune pentru acest cont.',
    },
  },
  missing_parameter: {
    status: -4,
    explanation: { en: 'A required parameter is missing.', ro: 'Lipsește un parametru obligatoriu.' },
  },
  authentication_failed: {
    status: -8,
    explanation: {
      en: 'sendSMS refused the credentials: the username, password or API key is wrong, the password has expired, or the key is not allowed from this IP address.',
      ro: 'sendSMS a refuzat datele de autentificare: numele de utilizator, parola sau cheia API sunt greșite, parola a expirat sau cheia nu este permisă de la această adresă IP.',
    },
  },
  internal_error: {
    status: -16,
    explanation: {
      en: 'sendSMS had an internal error. Try again later.',
      ro: 'sendSMS a întâmpinat o eroare internă. Încercați din nou mai târziu.',
    },
  },
  routing_error: {
    status: -32,
    explanation: {
      en: 'sendSMS found no route for this request.',
      ro: 'sendSMS nu a găsit nicio rută pentru această cerere.',
    },
  },
  out_of_credit: {
    status: -64,
    explanation: { en: 'The account is out of credit.', ro: 'Contul nu mai are credit.' },
  },
  invalid_record: {
    status: -128,
    explanation: {
      en: 'A value sent is not valid (for example a malformed IP address).',
      ro: 'O valoare trimisă nu este validă (de exemplu o adresă IP greșită).',
    },
  },
  could_not_save: {
    status: -256,
    explanation: { en: 'sendSMS could not save the change.', ro: 'sendSMS nu a putut salva modificarea.' },
  },
  duplicate_record: {
    status: -512,
    explanation: {
      en: 'This already exists (for example the IP address is already on the list).',
      ro: 'Înregistrarea există deja (de exemplu adresa IP este deja în listă).',
    },
  },
  not_an_affiliate: {
    status: -1024,
    explanation: { en: 'The account is not an affiliate.', ro: 'Contul nu este afiliat.' },
  },
  hlr_not_enabled: {
    status: -2048,
    explanation: {
      en: 'HLR lookups are not enabled for this account.',
      ro: 'Interogările HLR nu sunt activate pentru acest cont.',
    },
  },
  too_many_connections: {
    status: -4096,
    explanation: {
      en: 'sendSMS has too many connections from this account right now. Wait a little and try again.',
      ro: 'sendSMS are prea multe conexiuni de la acest cont în acest moment. Așteptați puțin și încercați din nou.',
    },
  },
  too_many_requests: {
    status: -8192,
    explanation: {
      en: 'sendSMS timed out or received too many simultaneous requests. Try again shortly.',
      ro: 'sendSMS a depășit timpul de răspuns sau a primit prea multe cereri simultane. Încercați din nou în scurt timp.',
    },
  },
} as const satisfies Record<string, { status: number; explanation: StatusExplanation }>;

export type StatusCodeName = keyof typeof STATUS_CODES | 'unknown_error' | 'unknown_success';

const BY_STATUS = new Map<number, StatusCodeEntry>(
  Object.entries(STATUS_CODES).map(([name, entry]) => [entry.status, { name, ...entry }]),
);

/** The .NET SDK spells -8192 as -8191; both mean the same answer. */
export function normaliseStatus(status: number): number {
  return status === -8191 ? -8192 : status;
}

export function describeStatus(rawStatus: number): StatusCodeEntry & { name: StatusCodeName } {
  const status = normaliseStatus(rawStatus);
  const known = BY_STATUS.get(status);
  if (known) return known as StatusCodeEntry & { name: StatusCodeName };
  if (status < 0) {
    return {
      status,
      name: 'unknown_error',
      explanation: {
        en: `sendSMS answered with an error code this dashboard does not know (${status}).`,
        ro: `sendSMS a răspuns cu un cod de eroare necunoscut acestui panou (${status}).`,
      },
    };
  }
  return {
    status,
    name: 'unknown_success',
    explanation: { en: `The request succeeded (status ${status}).`, ro: `Cererea a reușit (cod ${status}).` },
  };
}

/** Statuses that mean "not now" rather than "no": the only upstream answers worth retrying a read on. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([
  STATUS_CODES.too_many_connections.status,
  STATUS_CODES.too_many_requests.status,
]);
