import { withPermission } from '@/lib/auth/with-permission';
import { serverDatabaseDeps } from '@/lib/db/deps';
import { keySearchSchema } from '@/lib/key-search/search-query';
import { searchKeys } from '@/lib/key-search/search-service';

/**
 * GET ?q=…: the keys "Find a key" lists for what a customer said (the end of a key, a name, an IP address, a sendSMS
 * username), across the accounts the user may read. A missing, too short or malformed q is refused with a sentence.
 */
export const GET = withPermission('keys.read', async ({ user, request }) => {
  const input = keySearchSchema.parse({ q: request.nextUrl.searchParams.get('q') });
  const result = await searchKeys(serverDatabaseDeps(), user, input);
  return Response.json(result, { headers: { 'cache-control': 'no-store' } });
});
