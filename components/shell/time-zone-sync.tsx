'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

import { PREFERENCE_COOKIE_MAX_AGE, TIME_ZONE_COOKIE } from '@/i18n/locales';

/**
 * The server cannot know a reader's time zone until the browser says it: on the first visit (or after the
 * computer moved zones) the browser keeps its zone in a cookie and the page is rendered again in it. A user who
 * chose a zone in Preferences keeps theirs: the cookie is only the default.
 */
export function TimeZoneSync({ serverTimeZone }: { serverTimeZone: string }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const current = document.cookie
      .split('; ')
      .find((entry) => entry.startsWith(`${TIME_ZONE_COOKIE}=`))
      ?.slice(TIME_ZONE_COOKIE.length + 1);
    if (current && decodeURIComponent(current) === zone) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=${PREFERENCE_COOKIE_MAX_AGE}; samesite=lax`;
    if (!current && zone !== serverTimeZone) router.refresh();
  }, [router, serverTimeZone]);
  return null;
}
