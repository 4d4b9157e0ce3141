import { NextResponse } from 'next/server';

import { LOCALE_COOKIE, PREFERENCE_COOKIE_MAX_AGE } from '@/i18n/locales';
import { reachedOverHttps } from '@/lib/auth/request-origin';
import { withPermission } from '@/lib/auth/with-permission';
import { serverDatabaseDeps } from '@/lib/db/deps';
import { preferencesSchema, saveOwnPreferences } from '@/lib/users/preferences';

/**
 * PUT: the signed-in user's language and time zone, kept on their account. The language is also kept in the
 * browser's cookie, which is what the sign-in page reads once they sign out. (Before sign-in, the language switch
 * sets that cookie itself: there is no account to keep it on.)
 */
export const PUT = withPermission(
  'preferences.change',
  async ({ user, body, request }) => {
    const saved = await saveOwnPreferences(serverDatabaseDeps(), user, body);
    const response = NextResponse.json(saved, { headers: { 'cache-control': 'no-store' } });
    if (saved.locale)
      response.cookies.set(LOCALE_COOKIE, saved.locale, {
        path: '/',
        maxAge: PREFERENCE_COOKIE_MAX_AGE,
        sameSite: 'lax',
        secure: reachedOverHttps(request),
      });
    return response;
  },
  { body: preferencesSchema },
);
