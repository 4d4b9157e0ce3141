import type { Locale } from '@/i18n/locales';
import type { Role } from '@/lib/auth/role-names';
import { AUDIT_OUTCOMES } from '@/lib/audit-log/audit-filter';
import type { AnonymousRefusalRow, AuditRow } from '@/lib/audit-log/audit-row';
import { auditWords, type AuditTranslator } from '@/lib/audit-log/audit-words';
import type { Messages } from '@/messages';

/**
 * Each audit event as a sentence in the reader's language: `Ada Admin authorized 198.51.100.20 on "API Key Test"
 * (Demo shop)`, `Ada Admin a autorizat 198.51.100.20 pentru „API Key Test” (Demo shop)`. Every sentence is a whole
 * message with placeholders (messages/<language>/audit.json, `sentences`), one per way an action reads and per
 * outcome, since the words around the names are in another order from one language to the other. One entry per
 * action the dashboard records (grep the callers of recordAuditEvent and auditKeyEvent when adding one); an action
 * missing here still reads as a sentence, with its dotted name. Pure: the page, the API and the CSV export say the
 * same thing.
 */

/** The pseudo-action of the minutes of refused requests without a session (not an AuditEvent row). */
export const ANONYMOUS_REFUSALS_ACTION = 'anonymous.refused';

type Outcome = (typeof AUDIT_OUTCOMES)[number];

export function isKnownOutcome(outcome: string): outcome is Outcome {
  return (AUDIT_OUTCOMES as readonly string[]).includes(outcome);
}

/** How an event ended, in words ("succeeded", "reușit"); an outcome no one named, as it is. */
export function outcomeName(outcome: string, locale: Locale): string {
  return isKnownOutcome(outcome) ? auditWords(locale)(`outcomes.${outcome}`) : outcome;
}

/** A way an action reads: a group of messages under `sentences`, one per outcome. */
export type SentenceId = keyof Messages['audit']['sentences'];
/** An action's name in the filter's list: a message under `actions`. */
export type ActionLabel = keyof Messages['audit']['actions'];

type Values = Record<string, string>;

/** The words of one event, resolved names first and the recorded parameters after. */
interface EventWords {
  /** The account by its label: `Demo shop`. */
  account: string;
  /** The key by its name, quoted: `"API Key Test"`. */
  key: string;
  /** Whether the event names an account at all (a sign-in names none). */
  namesAccount: boolean;
  /** Whether the event names a key at all (a refresh of one key, a request sent as a key). */
  namesKey: boolean;
  /** The user a user.* event is about: `Lee Lead (lead@demo.local)`. */
  subject: string;
  text: (name: string) => string | undefined;
  t: AuditTranslator;
}

interface ActionEntry {
  /** The action in the filter's list. */
  label: ActionLabel;
  /** Which sentence says it, and the values of its placeholders (the actor's aside). */
  sentence: (words: EventWords) => [SentenceId, Values];
}

const KINDS = new Set(['DEFAULT', 'CLOUD']);

const ROLES: readonly Role[] = ['INSTALLATION_ADMIN', 'ADMIN', 'SUPPORT', 'LEAD'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function viewedWhat(path: string | undefined): SentenceId {
  if (path && /keys/.test(path)) return 'accountViewKeys';
  if (path && /usage/.test(path)) return 'accountViewUsage';
  if (path && /request-builder/.test(path)) return 'accountViewRequests';
  return 'accountView';
}

export const AUDIT_ACTIONS: Record<string, ActionEntry> = {
  'auth.sign_in': {
    label: 'signIn',
    sentence: ({ text }) => [text('method') === 'oidc' ? 'signInSso' : 'signIn', {}],
  },
  'auth.setup': { label: 'setup', sentence: () => ['setup', {}] },
  'auth.password_change': { label: 'passwordChange', sentence: () => ['passwordChange', {}] },
  'auth.two_factor.enrol': { label: 'twoFactorEnrol', sentence: () => ['twoFactorEnrol', {}] },
  'access.denied': {
    label: 'accessDenied',
    sentence: ({ text, account, namesAccount, t }) => {
      const path = text('path') ?? t('names.somePage');
      const method = text('method');
      if (method === 'GET' || !method) return [namesAccount ? 'accessOpenOnAccount' : 'accessOpen', { path, account }];
      return [namesAccount ? 'accessSendOnAccount' : 'accessSend', { method, path, account }];
    },
  },
  'account.view': {
    label: 'accountView',
    sentence: ({ text, account }) => [viewedWhat(text('path')), { account }],
  },
  'account.create': { label: 'accountCreate', sentence: ({ account }) => ['accountCreate', { account }] },
  'account.rotate_credential': {
    label: 'accountRotateCredential',
    sentence: ({ account }) => ['accountRotateCredential', { account }],
  },
  'user.create': {
    label: 'userCreate',
    sentence: ({ subject, text, t }) => {
      const role = text('role');
      if (!role) return ['userCreateWithoutRole', { subject }];
      return ['userCreate', { subject, role: isRole(role) ? t(`rolesInSentence.${role}`) : role }];
    },
  },
  'user.update': { label: 'userUpdate', sentence: ({ subject }) => ['userUpdate', { subject }] },
  'user.disable': { label: 'userDisable', sentence: ({ subject }) => ['userDisable', { subject }] },
  'user.enable': { label: 'userEnable', sentence: ({ subject }) => ['userEnable', { subject }] },
  'user.reset_two_factor': {
    label: 'userResetTwoFactor',
    sentence: ({ subject }) => ['userResetTwoFactor', { subject }],
  },
  'settings.require_admin_two_factor': {
    label: 'adminTwoFactor',
    sentence: ({ text }) => [text('required') === 'false' ? 'adminTwoFactorOptional' : 'adminTwoFactorMandatory', {}],
  },
  'key.generate': {
    label: 'keyGenerate',
    sentence: ({ key, account, text }) => {
      const kind = text('kind') ?? '';
      return ['keyGenerate', { key, account, kind: KINDS.has(kind) ? kind : 'none' }];
    },
  },
  'key.import': { label: 'keyImport', sentence: ({ key, account }) => ['keyImport', { key, account }] },
  'key.rename': {
    label: 'keyRename',
    sentence: ({ key, text, account }) => {
      const from = text('from');
      const to = text('to');
      return from && to ? ['keyRenameFromTo', { from, to, account }] : ['keyRename', { key, account }];
    },
  },
  'key.delete': { label: 'keyDelete', sentence: ({ key, account }) => ['keyDelete', { key, account }] },
  'ip.authorize': {
    label: 'ipAuthorize',
    sentence: ({ key, account, text, t }) => ['ipAuthorize', { ip: text('ip') ?? t('names.someIp'), key, account }],
  },
  'keys.refresh': {
    label: 'keysRefresh',
    sentence: ({ key, account, namesKey }) => [namesKey ? 'keysRefreshKey' : 'keysRefreshAccount', { key, account }],
  },
  'request.run': {
    label: 'requestRun',
    sentence: ({ key, account, namesKey, text, t }) => {
      const request = text('request') ?? t('names.someRequest');
      const ip = text('ipaddr');
      const values = { request, key, account, ip: ip ?? '' };
      if (namesKey) return [ip ? 'requestRunWithKeyForIp' : 'requestRunWithKey', values];
      return [ip ? 'requestRunOnAccountForIp' : 'requestRunOnAccount', values];
    },
  },
};

/**
 * The actions the filter offers, as message keys of their labels (`actions.<label>`), in the order above; the
 * refused requests without a session last.
 */
export const AUDIT_ACTION_CHOICES: ReadonlyArray<{ value: string; label: ActionLabel }> = [
  ...Object.entries(AUDIT_ACTIONS).map(([value, entry]) => ({ value, label: entry.label })),
  { value: ANONYMOUS_REFUSALS_ACTION, label: 'anonymousRefused' },
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
export function actorWords(row: Pick<AuditRow, 'actor' | 'actorEmail' | 'actorId' | 'action'>, locale: Locale): string {
  if (row.actor) return row.actor.name.trim() || row.actor.email;
  if (row.actorEmail) return row.actorEmail;
  const t = auditWords(locale);
  if (row.actorId) return t('names.removedUser', { id: row.actorId });
  // Rows from before refusals without a session were counted instead (lib/audit/anonymous-refusal.ts).
  if (row.action === 'access.denied' || row.action.startsWith('auth.')) return t('names.someoneWithoutSession');
  return t('names.theDashboard');
}

function wordsOf(row: AuditRow, t: AuditTranslator): EventWords {
  const text = (name: string) => paramText(row.params, name);
  const account =
    row.account?.label ??
    text('label') ??
    text('username') ??
    (row.accountId ? t('names.accountById', { id: row.accountId }) : t('names.someAccount'));
  const keyName = row.key?.name ?? text('name') ?? text('to');
  const key = keyName
    ? t('names.quotedKey', { name: keyName })
    : row.keyId
      ? t('names.keyById', { id: row.keyId })
      : t('names.someKey');
  const subjectEmail = row.subject?.email ?? text('email');
  const subjectName = row.subject?.name.trim();
  const subject = subjectName
    ? subjectEmail
      ? t('names.userWithEmail', { name: subjectName, email: subjectEmail })
      : subjectName
    : (subjectEmail ?? t('names.someUser'));
  return {
    account,
    key,
    namesAccount: row.accountId !== null,
    namesKey: row.keyId !== null,
    subject,
    text,
    t,
  };
}

function fallbackSentence(row: AuditRow, words: EventWords): [SentenceId, Values] {
  const values = { action: row.action, key: words.key, account: words.account };
  if (row.keyId) return ['unknownOnKey', values];
  if (row.accountId) return ['unknownOnAccount', values];
  return ['unknown', values];
}

/** The event in one sentence: who, what, on which key and account; how it ended is `outcomeName`'s. */
export function eventSentence(row: AuditRow, locale: Locale): string {
  const t = auditWords(locale);
  const words = wordsOf(row, t);
  const entry = Object.hasOwn(AUDIT_ACTIONS, row.action) ? AUDIT_ACTIONS[row.action] : undefined;
  const [id, values] = entry ? entry.sentence(words) : fallbackSentence(row, words);
  const all = { ...values, actor: actorWords(row, locale) };
  if (isKnownOutcome(row.outcome)) return t(`sentences.${id}.${row.outcome}`, all);
  return t('unknownOutcome', { sentence: t(`sentences.${id}.success`, all), outcome: row.outcome });
}

/** A minute of refused requests without a session, as one line. */
export function anonymousRefusalSentence(row: AnonymousRefusalRow, locale: Locale): string {
  return auditWords(locale)('anonymousRefusals', { count: row.count, ip: row.sourceIp });
}
