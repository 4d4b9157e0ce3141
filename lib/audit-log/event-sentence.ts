import { ROLE_NAMES, type Role } from '@/lib/auth/role-names';
import type { AnonymousRefusalRow, AuditRow } from '@/lib/audit-log/audit-row';

/**
 * Each audit event as a sentence in the words of the pages: `Ada Admin authorized 198.51.100.20 on "API Key Test"
 * (Demo shop)`. One entry per action the dashboard records (grep the callers of recordAuditEvent and auditKeyEvent
 * when adding one); an action missing here still reads as a sentence, with its dotted name. Pure: the page, the API
 * and the CSV export say the same thing.
 */

/** The pseudo-action of the minutes of refused requests without a session (not an AuditEvent row). */
export const ANONYMOUS_REFUSALS_ACTION = 'anonymous.refused';

export const OUTCOME_NAMES: Record<string, string> = { success: 'succeeded', failure: 'failed', denied: 'refused' };

export function outcomeName(outcome: string): string {
  return OUTCOME_NAMES[outcome] ?? outcome;
}

/** What the actor did when it succeeded ("authorized …"), and what they set out to do otherwise ("authorize …"). */
interface Phrases {
  done: string;
  attempt: string;
}

/** The words of one event, resolved names first and the recorded parameters after. */
interface EventWords {
  /** The account by its label: `Demo shop`. */
  account: string;
  /** The key by its name, quoted, with its account: `"API Key Test" (Demo shop)`. */
  keyOnAccount: string;
  /** Whether the event names an account at all (a sign-in names none). */
  namesAccount: boolean;
  /** Whether the event names a key at all (a refresh of one key, a request sent as a key). */
  namesKey: boolean;
  /** The user a user.* event is about: `Lee Lead (lead@demo.local)`. */
  subject: string;
  text: (name: string) => string | undefined;
}

interface ActionEntry {
  /** The action in the filter's list. */
  label: string;
  phrase: (words: EventWords) => Phrases;
}

const same = (verbPast: string, verb: string, rest: string): Phrases => ({
  done: `${verbPast} ${rest}`,
  attempt: `${verb} ${rest}`,
});

const KIND_NAMES: Record<string, string> = { DEFAULT: 'Default', CLOUD: 'Cloud' };

function viewedWhat(path: string | undefined): string {
  if (path && /keys/.test(path)) return 'the keys of ';
  if (path && /usage/.test(path)) return 'the usage of ';
  if (path && /request-builder/.test(path)) return 'the requests of ';
  return '';
}

function roleWords(role: string | undefined): string {
  return role && role in ROLE_NAMES ? ROLE_NAMES[role as Role].toLowerCase() : (role ?? 'a user');
}

export const AUDIT_ACTIONS: Record<string, ActionEntry> = {
  'auth.sign_in': {
    label: 'Sign-in',
    phrase: ({ text }) => ({
      done: text('method') === 'oidc' ? 'signed in with single sign-on' : 'signed in',
      attempt: 'sign in',
    }),
  },
  'auth.setup': {
    label: 'First admin set up',
    phrase: () => same('set up', 'set up', 'the dashboard as its first admin'),
  },
  'auth.password_change': {
    label: 'Password change',
    phrase: () => same('changed', 'change', 'their password'),
  },
  'auth.two_factor.enrol': {
    label: 'Two-factor enrolment',
    phrase: () => same('turned on', 'turn on', 'two-factor authentication'),
  },
  'access.denied': {
    label: 'Access refused',
    phrase: ({ text, account, namesAccount }) => {
      const path = text('path') ?? 'a page';
      const where = namesAccount ? ` (${account})` : '';
      return text('method') === 'GET' || !text('method')
        ? same('opened', 'open', `${path}${where}`)
        : same('sent', 'send', `${text('method')} ${path}${where}`);
    },
  },
  'account.view': {
    label: 'Account viewed',
    phrase: ({ text, account }) => same('viewed', 'view', `${viewedWhat(text('path'))}${account}`),
  },
  'account.create': {
    label: 'Account added',
    phrase: ({ account }) => same('added', 'add', `the sendSMS account ${account}`),
  },
  'account.rotate_credential': {
    label: 'Credential replaced',
    phrase: ({ account }) => same('replaced', 'replace', `the credential of ${account}`),
  },
  'user.create': {
    label: 'User created',
    phrase: ({ subject, text }) => same('created', 'create', `${subject} as ${roleWords(text('role'))}`),
  },
  'user.update': { label: 'User changed', phrase: ({ subject }) => same('changed', 'change', subject) },
  'user.disable': { label: 'User disabled', phrase: ({ subject }) => same('disabled', 'disable', subject) },
  'user.enable': { label: 'User enabled', phrase: ({ subject }) => same('enabled', 'enable', subject) },
  'user.reset_two_factor': {
    label: 'Two-factor reset',
    phrase: ({ subject }) => same('reset', 'reset', `the two-factor authentication of ${subject}`),
  },
  'settings.require_admin_two_factor': {
    label: 'Admin two-factor requirement',
    phrase: ({ text }) => ({
      done:
        text('required') === 'false'
          ? 'made two-factor authentication optional for admins'
          : 'made two-factor authentication mandatory for admins',
      attempt: 'change whether admins must use two-factor authentication',
    }),
  },
  'key.generate': {
    label: 'Key generated',
    phrase: ({ keyOnAccount, text }) => {
      const kind = KIND_NAMES[text('kind') ?? ''];
      return same('generated', 'generate', `the ${kind ? `${kind} ` : ''}key ${keyOnAccount}`);
    },
  },
  'key.import': {
    label: 'Key imported',
    phrase: ({ keyOnAccount }) => same('imported', 'import', `the key ${keyOnAccount}`),
  },
  'key.rename': {
    label: 'Key renamed',
    phrase: ({ keyOnAccount, text, account }) => {
      const from = text('from');
      const to = text('to');
      return from && to
        ? same('renamed', 'rename', `the key "${from}" to "${to}" (${account})`)
        : same('renamed', 'rename', `the key ${keyOnAccount}`);
    },
  },
  'key.delete': {
    label: 'Key deleted',
    phrase: ({ keyOnAccount }) => same('deleted', 'delete', `the key ${keyOnAccount}`),
  },
  'ip.authorize': {
    label: 'IP authorized',
    phrase: ({ keyOnAccount, text }) => same('authorized', 'authorize', `${text('ip') ?? 'an IP'} on ${keyOnAccount}`),
  },
  'keys.refresh': {
    label: 'Keys refreshed',
    phrase: ({ keyOnAccount, account, namesKey }) =>
      same('refreshed', 'refresh', `${namesKey ? keyOnAccount : `the keys of ${account}`} from sendSMS`),
  },
  'request.run': {
    label: 'Request run',
    phrase: ({ keyOnAccount, account, namesKey, text }) => {
      const request = text('request') ?? 'a request';
      const target = text('ipaddr') ? ` for ${text('ipaddr')}` : '';
      const on = namesKey ? `with ${keyOnAccount}` : `on ${account}`;
      return same('ran', 'run', `${request}${target} ${on}`);
    },
  },
};

/** The actions the filter offers, by label, in the order above; the refused requests without a session last. */
export const AUDIT_ACTION_CHOICES: ReadonlyArray<{ value: string; label: string }> = [
  ...Object.entries(AUDIT_ACTIONS).map(([value, entry]) => ({ value, label: entry.label })),
  { value: ANONYMOUS_REFUSALS_ACTION, label: 'Refused without a session' },
];

/** A parameter as words: strings and numbers as they are, booleans as 'true'/'false'; anything else is not words. */
function paramText(params: unknown, name: string): string | undefined {
  if (!params || typeof params !== 'object' || Array.isArray(params)) return undefined;
  const value = (params as Record<string, unknown>)[name];
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Who did it: the user's name, else the email they gave (an unknown one at sign-in), else the dashboard itself. */
export function actorWords(row: Pick<AuditRow, 'actor' | 'actorEmail' | 'actorId' | 'action'>): string {
  if (row.actor) return row.actor.name.trim() || row.actor.email;
  if (row.actorEmail) return row.actorEmail;
  if (row.actorId) return `A removed user (${row.actorId})`;
  // Rows from before refusals without a session were counted instead (lib/audit/anonymous-refusal.ts).
  if (row.action === 'access.denied' || row.action.startsWith('auth.')) return 'Someone without a session';
  return 'The dashboard';
}

function wordsOf(row: AuditRow): EventWords {
  const text = (name: string) => paramText(row.params, name);
  const account =
    row.account?.label ??
    text('label') ??
    text('username') ??
    (row.accountId ? `the account ${row.accountId}` : 'an account');
  const keyName = row.key?.name ?? text('name') ?? text('to');
  const key = keyName ? `"${keyName}"` : row.keyId ? `the key ${row.keyId}` : 'a key';
  const subjectEmail = row.subject?.email ?? text('email');
  const subjectName = row.subject?.name.trim();
  const subject = subjectName
    ? `${subjectName}${subjectEmail ? ` (${subjectEmail})` : ''}`
    : (subjectEmail ?? 'a user');
  return {
    account,
    keyOnAccount: `${key} (${account})`,
    namesAccount: row.accountId !== null,
    namesKey: row.keyId !== null,
    subject,
    text,
  };
}

function fallbackPhrases(row: AuditRow, words: EventWords): Phrases {
  const target = row.keyId ? ` on ${words.keyOnAccount}` : row.accountId ? ` on ${words.account}` : '';
  return same('did', 'do', `"${row.action}"${target}`);
}

/** The event in one sentence: who, what, on which key and account; how it ended is `outcomeName`'s. */
export function eventSentence(row: AuditRow): string {
  const words = wordsOf(row);
  const entry = Object.hasOwn(AUDIT_ACTIONS, row.action) ? AUDIT_ACTIONS[row.action] : undefined;
  const { done, attempt } = entry ? entry.phrase(words) : fallbackPhrases(row, words);
  const who = actorWords(row);
  if (row.outcome === 'success') return `${who} ${done}`;
  if (row.outcome === 'failure') return `${who} tried to ${attempt}`;
  if (row.outcome === 'denied') return `${who} was not allowed to ${attempt}`;
  return `${who} ${done} (${row.outcome})`;
}

/** A minute of refused requests without a session, as one line. */
export function anonymousRefusalSentence(row: AnonymousRefusalRow): string {
  const requests = row.count === 1 ? '1 refused request' : `${row.count.toLocaleString('en')} refused requests`;
  return `${requests} without a session from ${row.sourceIp} in this minute`;
}
