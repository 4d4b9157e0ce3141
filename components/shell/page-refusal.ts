import 'server-only';
import { headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import { PATHNAME_HEADER } from '@/lib/auth/page-guard-header';
import { deniedSentence } from '@/lib/auth/denied-text';
import type { Permission } from '@/lib/auth/permissions';
import { getSessionState } from '@/lib/auth/session';
import { orderedSections } from './sections';

/**
 * What app/(dashboard)/forbidden.tsx and not-found.tsx say. Next.js renders them without props, after the page
 * threw, so they work out the reason again from the address (the proxy passes it in PATHNAME_HEADER) and the
 * session: the page the address names, the permission that page asks for (its section's, keys.read for an
 * account's keys), the account the address names, and the permission table's sentence.
 */

interface PageAccess {
  permission: Permission;
  accountId?: string;
  keyId?: string;
}

const KEYS_PAGE = /^\/accounts\/([^/]+)\/api-keys(?:\/([^/]+))?\/?$/;

function pageAccessOf(address: string): PageAccess | null {
  const url = new URL(address, 'http://dashboard.invalid');
  const keys = KEYS_PAGE.exec(url.pathname);
  if (keys) return { permission: 'keys.read', accountId: decodeURIComponent(keys[1]!), keyId: keys[2] };
  const section = orderedSections.find(
    (candidate) => url.pathname === candidate.href || url.pathname.startsWith(`${candidate.href}/`),
  );
  if (!section) return null;
  return { permission: section.permission, accountId: url.searchParams.get('accountId') ?? undefined };
}

async function addressOfRequest(): Promise<string> {
  return (await headers()).get(PATHNAME_HEADER) ?? '/';
}

/** Why the signed-in user may not open the page they asked for, in the permission table's words. */
export async function refusedPageReason(): Promise<string> {
  const [state, address, t] = await Promise.all([
    getSessionState(),
    addressOfRequest(),
    getTranslations('shell.refused'),
  ]);
  const access = pageAccessOf(address);
  const locale = await getLocale();
  const reason = state && access ? deniedSentence(state.user, access.permission, locale, access.accountId) : null;
  return reason ? `${reason}.` : t('roleDoesNotAllow');
}

/** What does not exist at the address: a key of an account, an account, or the page itself. */
export async function missingPageMessage(): Promise<string> {
  const [address, t] = await Promise.all([addressOfRequest(), getTranslations('shell.refused')]);
  const access = pageAccessOf(address);
  if (access?.keyId) return t('noSuchKey');
  if (access?.accountId) return t('noSuchAccount');
  return t('noSuchPage');
}
