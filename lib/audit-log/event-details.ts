import { maskSecrets } from '@/lib/audit/mask';
import { ROLE_NAMES, type Role } from '@/lib/auth/role-names';
import type { AnonymousRefusalRow, AuditDetail, AuditRow } from '@/lib/audit-log/audit-row';

/**
 * An event's details as labelled fields instead of raw JSON: who, which account and key by name, then what was
 * recorded with it, each parameter under a label in the page's words. Secrets are masked again on the way out
 * (they were on the way in, lib/audit/mask.ts): a row written by hand or by an older version shows no secret either.
 */

const PARAM_LABELS: Record<string, string> = {
  ip: 'IP address',
  ipaddr: 'IP address',
  reason: 'Reason',
  method: 'Method',
  path: 'Path',
  permission: 'Permission',
  name: 'Key name',
  kind: 'Kind',
  usageLabel: 'Usage label',
  via: 'Generated through',
  kindSetOnHub: 'Kind set on the hub',
  fragment: 'Fragment',
  ips: 'Locked On IPs found',
  from: 'Old name',
  to: 'New name',
  lastUsedAt: 'Last used',
  useCount: 'Use count',
  revokedUpstream: 'Revoked at sendSMS',
  confirmFirstUseLock: 'First-use lock confirmed',
  alreadyListed: 'Already on the list',
  trigger: 'Started by',
  usage: 'Usage',
  ipsFetched: 'IP lists fetched',
  ipsDeferred: 'IP lists left for later',
  part: 'Failed step',
  message: 'Message',
  request: 'Request',
  sendAs: 'Sent as',
  label: 'Account label',
  username: 'Username',
  credentialKind: 'Credential kind',
  apiBaseUrl: 'API address',
  email: 'Email',
  role: 'Role',
  previousRole: 'Previous role',
  disabled: 'Disabled',
  required: 'Required',
  password: 'Password',
  shownToNobody: 'Secret shown to nobody',
  resolvedAfterCheck: 'Settled by reading sendSMS back',
};

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

function valueText(name: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' && ROLE_PARAMS.has(name) && value in ROLE_NAMES) return ROLE_NAMES[value as Role];
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value))
    return value.length === 0 ? '(none)' : value.map((item) => valueText(name, item)).join(', ');
  return JSON.stringify(value);
}

/** The parameters as fields, nested objects flattened as `Usage › collected`. */
function paramDetails(params: unknown, prefix = ''): AuditDetail[] {
  if (!params || typeof params !== 'object' || Array.isArray(params)) {
    return params === undefined || params === null
      ? []
      : [{ label: prefix || 'Parameters', value: valueText('', params) }];
  }
  return Object.entries(params as Record<string, unknown>).flatMap(([name, value]) => {
    if (!prefix && SAID_BY_NAMES.has(name)) return [];
    const label = prefix ? `${prefix} › ${labelOf(name)}` : (PARAM_LABELS[name] ?? labelOf(name));
    if (value && typeof value === 'object' && !Array.isArray(value)) return paramDetails(value, label);
    return [{ label, value: valueText(name, value) }];
  });
}

export function eventDetails(row: AuditRow): AuditDetail[] {
  const details: AuditDetail[] = [];
  const role = row.actorRole && row.actorRole in ROLE_NAMES ? ROLE_NAMES[row.actorRole as Role] : row.actorRole;
  const who = row.actor ? [row.actor.name, row.actor.email] : [row.actorEmail];
  if (who.some(Boolean)) details.push({ label: 'User', value: [...who, role].filter(Boolean).join(' · ') });
  if (row.account) details.push({ label: 'Account', value: `${row.account.label} · ${row.account.username}` });
  else if (row.accountId) details.push({ label: 'Account', value: 'no longer on the dashboard' });
  if (row.key)
    details.push({
      label: 'Key',
      value: [row.key.name, row.key.fragment, row.key.deleted ? 'deleted' : null].filter(Boolean).join(' · '),
    });
  else if (row.keyId) details.push({ label: 'Key', value: 'no longer on the dashboard' });
  if (row.subject) details.push({ label: 'User changed', value: `${row.subject.name} · ${row.subject.email}` });
  if (row.grantedAccounts.length > 0)
    details.push({ label: 'Accounts', value: row.grantedAccounts.map((account) => account.label).join(', ') });
  details.push(...paramDetails(maskSecrets(row.params)));
  if (row.upstreamStatus !== null) details.push({ label: 'sendSMS status', value: String(row.upstreamStatus) });
  if (row.sourceIp) details.push({ label: 'From', value: row.sourceIp });
  if (row.userAgent) details.push({ label: 'Browser', value: row.userAgent });
  return details;
}

/** The ids behind the names, for a support ticket. */
export function eventIds(row: AuditRow): AuditDetail[] {
  const ids: AuditDetail[] = [{ label: 'event', value: row.id }];
  if (row.actorId) ids.push({ label: 'user', value: row.actorId });
  if (row.accountId) ids.push({ label: 'account', value: row.accountId });
  if (row.keyId) ids.push({ label: 'key', value: row.keyId });
  if (row.subject) ids.push({ label: 'user changed', value: row.subject.id });
  return ids;
}

export function anonymousRefusalDetails(row: AnonymousRefusalRow): AuditDetail[] {
  const details: AuditDetail[] = [{ label: 'From', value: row.sourceIp }];
  if (row.firstPath === row.lastPath) details.push({ label: 'Path', value: row.firstPath });
  else details.push({ label: 'First path', value: row.firstPath }, { label: 'Last path', value: row.lastPath });
  return details;
}

/** What the copy button copies: `event 123 · user ck… · account ck…`. */
export function idsText(ids: readonly AuditDetail[]): string {
  return ids.map((id) => `${id.label} ${id.value}`).join(' · ');
}
