import { parseIp } from '@/lib/ip/parse-ip';

/**
 * What a search for a key is about, decided from the text alone (pure: the page, the route and the tests agree):
 * an IP address when the one IP parser takes it (then only Locked On IPs and refused calls are searched, by the
 * address's normal form, as it is stored), otherwise the end of the key's secret, its name and the account's
 * username or label, all at once, since "3f9a", "shop" and "magazin01" cannot be told apart.
 *
 * ApiKey.fragment holds "…" and the secret's last 4 characters (lib/crypto.ts secretFragment), so a fragment is
 * matched on the last 4 characters of what was pasted, with or without the ellipsis the dashboard shows. Text that
 * looks like a whole key is cut to those 4 characters before anything else sees it: a whole secret must not end up
 * in an address bar, a history or a name search.
 */

export type KeySearchQuery =
  | { kind: 'ip'; address: string }
  | {
      kind: 'text';
      /** Searched in key names (and the names sendSMS knows them by), account usernames and labels. Null: a pasted key. */
      text: string | null;
      /** The "…xxxx" fragment to look for, when the text can be the end of a key. */
      fragment: string | null;
    };

/** Characters of the secret kept in ApiKey.fragment. */
export const FRAGMENT_LENGTH = 4;
const ELLIPSIS = /^(…|\.{3})/;
// A whole key pasted: one run of letters and digits, long, with both (sandbox keys are 32 hex digits). Names and
// usernames that long are written with separators (spaces, dashes, underscores).
const WHOLE_KEY = /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]{24,}$/;

/** The text a search looks for: trimmed, without the ellipsis of a fragment copied from the dashboard. */
export function searchedText(input: string): string {
  return input.trim().replace(ELLIPSIS, '').trimStart();
}

export function classifyKeySearch(input: string): KeySearchQuery {
  const ip = parseIp(input.trim());
  if (ip.ok) return { kind: 'ip', address: ip.address };
  const withoutEllipsis = searchedText(input);
  const fragment =
    withoutEllipsis.length >= FRAGMENT_LENGTH && !/\s/.test(withoutEllipsis)
      ? `…${withoutEllipsis.slice(-FRAGMENT_LENGTH)}`
      : null;
  if (WHOLE_KEY.test(withoutEllipsis)) return { kind: 'text', text: null, fragment };
  return { kind: 'text', text: withoutEllipsis, fragment };
}

/** Whether the text is a whole key (cut to its fragment by classifyKeySearch): the page drops it from its address. */
export function isWholeKey(input: string): boolean {
  const query = classifyKeySearch(input);
  return query.kind === 'text' && query.text === null;
}
