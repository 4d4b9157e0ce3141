import { z } from 'zod';

/** The keys routes' dynamic segments: ids are cuids, so anything else is a 422 before any query runs. */
const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'is not an id');

export const accountRouteParams = z.object({ accountId: id });
export const keyRouteParams = z.object({ accountId: id, keyId: id });

export const accountOf = ({ params }: { params: { accountId: string } }) => params.accountId;
