import type { RequestOrigin } from '@/lib/auth/request-meta';
import type { SessionUser } from '@/lib/auth/session-user';

/**
 * Who asks a service for something on one sendSMS account, and where the request came from (for the audit row):
 * the first argument the account and keys services take after their deps, so their signatures say only what
 * differs between them (the input).
 */
export interface AccountCall {
  actor: SessionUser;
  accountId: string;
  origin?: RequestOrigin;
}
