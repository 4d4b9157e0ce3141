import enAccounts from './en/accounts.json';
import enAudit from './en/audit.json';
import enAuth from './en/auth.json';
import enCommon from './en/common.json';
import enErrors from './en/errors.json';
import enKeys from './en/keys.json';
import enOverview from './en/overview.json';
import enPreferences from './en/preferences.json';
import enRequestBuilder from './en/requestBuilder.json';
import enSearch from './en/search.json';
import enShell from './en/shell.json';
import enStatus from './en/status.json';
import enUsage from './en/usage.json';
import enUsers from './en/users.json';
import roAccounts from './ro/accounts.json';
import roAudit from './ro/audit.json';
import roAuth from './ro/auth.json';
import roCommon from './ro/common.json';
import roErrors from './ro/errors.json';
import roKeys from './ro/keys.json';
import roOverview from './ro/overview.json';
import roPreferences from './ro/preferences.json';
import roRequestBuilder from './ro/requestBuilder.json';
import roSearch from './ro/search.json';
import roShell from './ro/shell.json';
import roStatus from './ro/status.json';
import roUsage from './ro/usage.json';
import roUsers from './ro/users.json';

import type { Locale } from '@/i18n/locales';

/**
 * Every message of the dashboard, one JSON file per area and language (messages/<language>/<area>.json): the
 * namespace is the file's name. English is the reference the types are drawn from (i18n/app-config.d.ts); a unit
 * test (messages/messages.test.ts) fails when a key or a placeholder is in one language and not the other.
 */

const en = {
  accounts: enAccounts,
  audit: enAudit,
  auth: enAuth,
  common: enCommon,
  errors: enErrors,
  keys: enKeys,
  overview: enOverview,
  preferences: enPreferences,
  requestBuilder: enRequestBuilder,
  search: enSearch,
  shell: enShell,
  status: enStatus,
  usage: enUsage,
  users: enUsers,
};

export type Messages = typeof en;
export type Namespace = keyof Messages;

export const MESSAGES: Record<Locale, Messages> = {
  en,
  ro: {
    accounts: roAccounts,
    audit: roAudit,
    auth: roAuth,
    common: roCommon,
    errors: roErrors,
    keys: roKeys,
    overview: roOverview,
    preferences: roPreferences,
    requestBuilder: roRequestBuilder,
    search: roSearch,
    shell: roShell,
    status: roStatus,
    usage: roUsage,
    users: roUsers,
  } as unknown as Messages,
};

/**
 * What the browser is sent: the active language only, and only the areas client components read. Messages used on
 * the server alone (API errors) stay there.
 */
const SERVER_ONLY: readonly Namespace[] = ['errors'];

export function clientMessages(locale: Locale): Partial<Messages> {
  const all = MESSAGES[locale];
  return Object.fromEntries(Object.entries(all).filter(([namespace]) => !SERVER_ONLY.includes(namespace as Namespace)));
}
