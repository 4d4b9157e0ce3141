import type { Locale } from '@/i18n/locales';
import { maskSecrets } from '@/lib/audit/mask';
import type { AnonymousRefusalRow, AuditDetail, AuditRow } from '@/lib/audit-log/audit-row';
import { auditWords, type AuditTranslator } from '@/lib/audit-log/audit-words';
import { restated } from '@/lib/audit-log/stored-sentence';
import { isRole } from '@/lib/audit-log/event-sentence';
import { MESSAGES, type Messages } from '@/messages';

/**
 * An event's details as labelled fields instead of raw JSON: who, which account and key by name, then what was
 * recorded with it, each parameter under a label in the reader's language (messages/<language>/audit.json,
 * `details` and `params`). Secrets are masked again on the way out (they were on the way in, lib/audit/mask.ts): a
 * row written by hand or by an older version shows no secret either. A parameter no message names is labelled from
 * its own name (`request_key` → `Request key`): it is the recorder's word, not the page's.
 */

/** The parameters whose label is a message (`params.<name>`); any other is labelled from its name. */
type ParamName = keyof Messages['audit']['params'];

function isLabelled(name: string): name is ParamName {
  return Object.hasOwn(MESSAGES.en.audit.params, name);
}

/** Said by the names above the parameters, or not for a reader (ids are on the copy button). */
const SAID_BY_NAMES = new Set(['userId', 'accountIds']);

const ROLE_PARAMS = new Set(['role', 'previousRole']);

/** `request_key` → `Request key`, `ipsFetched` → `Ips fetched`: a label for a parameter no one named. */
function labelOf(name: string): string {
  const words = name
    .replace(/[_.-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}

function roleName(role: string | null, t: AuditTranslator): string | null {
  return isRole(role) ? t(`roles.${role}`) : role;
}

function valueText(name: string, value: unknown, t: AuditTranslator, locale: Locale): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? t('details.yes') : t('details.no');
  if (typeof value === 'string' && ROLE_PARAMS.has(name) && isRole(value)) return t(`roles.${value}`);
  if (typeof value === 'string') return value === '' ? t('details.empty') : restated(value, locale);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value))
    return value.length === 0 ? t('details.none') : value.map((item) => valueText(name, item, t, locale)).join(', ');
  return JSON.stringify(value);
}

/** The parameters as fields, nested objects flattened as `Usage › collected`. */
function paramDetails(params: unknown, t: AuditTranslator, locale: Locale, prefix = ''): AuditDetail[] {
  if (!params || typeof params !== 'object' || Array.isArray(params)) {
    return params === undefined || params === null
      ? []
      : [{ label: prefix || t('details.parameters'), value: valueText('', params, t, locale) }];
  }
  return Object.entries(params as Record<string, unknown>).flatMap(([name, value]) => {
    if (!prefix && SAID_BY_NAMES.has(name)) return [];
    const label = prefix ? `${prefix} › ${labelOf(name)}` : isLabelled(name) ? t(`params.${name}`) : labelOf(name);
    if (value && typeof value === 'object' && !Array.isArray(value)) return paramDetails(value, t, locale, label);
    return [{ label, value: valueText(name, value, t, locale) }];
  });
}

export function eventDetails(row: AuditRow, locale: Locale): AuditDetail[] {
  const t = auditWords(locale);
  const details: AuditDetail[] = [];
  const role = roleName(row.actorRole, t);
  const who = row.actor ? [row.actor.name, row.actor.email] : [row.actorEmail];
  if (who.some(Boolean)) details.push({ label: t('details.user'), value: [...who, role].filter(Boolean).join(' · ') });
  if (row.account)
    details.push({ label: t('details.account'), value: `${row.account.label} · ${row.account.username}` });
  else if (row.accountId) details.push({ label: t('details.account'), value: t('details.goneFromDashboard') });
  if (row.key)
    details.push({
      label: t('details.key'),
      value: [row.key.name, row.key.fragment, row.key.deleted ? t('details.deleted') : null]
        .filter(Boolean)
        .join(' · '),
    });
  else if (row.keyId) details.push({ label: t('details.key'), value: t('details.goneFromDashboard') });
  if (row.subject)
    details.push({ label: t('details.userChanged'), value: `${row.subject.name} · ${row.subject.email}` });
  if (row.grantedAccounts.length > 0)
    details.push({
      label: t('details.accounts'),
      value: row.grantedAccounts.map((account) => account.label).join(', '),
    });
  details.push(...paramDetails(maskSecrets(row.params), t, locale));
  if (row.upstreamStatus !== null)
    details.push({ label: t('details.upstreamStatus'), value: String(row.upstreamStatus) });
  if (row.sourceIp) details.push({ label: t('details.from'), value: row.sourceIp });
  if (row.userAgent) details.push({ label: t('details.browser'), value: row.userAgent });
  return details;
}

/** The ids behind the names, for a support ticket. */
export function eventIds(row: AuditRow, locale: Locale): AuditDetail[] {
  const t = auditWords(locale);
  const ids: AuditDetail[] = [{ label: t('ids.event'), value: row.id }];
  if (row.actorId) ids.push({ label: t('ids.user'), value: row.actorId });
  if (row.accountId) ids.push({ label: t('ids.account'), value: row.accountId });
  if (row.keyId) ids.push({ label: t('ids.key'), value: row.keyId });
  if (row.subject) ids.push({ label: t('ids.userChanged'), value: row.subject.id });
  return ids;
}

export function anonymousRefusalDetails(row: AnonymousRefusalRow, locale: Locale): AuditDetail[] {
  const t = auditWords(locale);
  const details: AuditDetail[] = [{ label: t('details.from'), value: row.sourceIp }];
  if (row.firstPath === row.lastPath) details.push({ label: t('details.path'), value: row.firstPath });
  else
    details.push(
      { label: t('details.firstPath'), value: row.firstPath },
      { label: t('details.lastPath'), value: row.lastPath },
    );
  return details;
}

/** What the copy button copies: `event 123 · user ck… · account ck…`. */
export function idsText(ids: readonly AuditDetail[]): string {
  return ids.map((id) => `${id.label} ${id.value}`).join(' · ');
}
