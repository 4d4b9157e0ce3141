import { z } from 'zod';
import { idParam as id } from '@/lib/validation/text';

/** The keys routes' dynamic segments: ids are cuids, so anything else is a 422 before any query runs. */

export const accountRouteParams = z.object({ accountId: id });
export const keyRouteParams = z.object({ accountId: id, keyId: id });

export const accountOf = ({ params }: { params: { accountId: string } }) => params.accountId;
