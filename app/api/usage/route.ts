import { withPermission } from '@/lib/auth/with-permission';
import { serverDatabaseDeps } from '@/lib/db/deps';
import { usageFilterSchema } from '@/lib/usage/usage-filter';
import { getUsageOverview } from '@/lib/usage/usage-service';

/** GET: the usage view /usage shows (range, account, which keys and their order in the query string), as JSON. */
export const GET = withPermission('usage.read', async ({ user, request }) => {
  const filter = usageFilterSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const overview = await getUsageOverview({ ...serverDatabaseDeps(), now: () => new Date() }, user, filter);
  return Response.json(overview, { headers: { 'cache-control': 'no-store' } });
});
