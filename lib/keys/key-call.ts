import type { AccountCall } from '@/lib/auth/account-call';

/** An `AccountCall` about one key of that account. */
export interface KeyCall extends AccountCall {
  keyId: string;
}
