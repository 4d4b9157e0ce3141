import 'server-only';
import type { AccountRow } from '@/lib/db/account-row';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { getCredentialsKey } from '@/lib/config';
import { getPrisma } from '@/lib/db/client';
import { keyListCache, type KeyListCache } from '@/lib/keys/list-cache';
import type { SendsmsClient } from '@/lib/sendsms/client';
import { getBackgroundSendsmsClient, getSendsmsClient } from '@/lib/sendsms/server-client';

/**
 * What the keys services need from the outside world, passed in so that integration tests can give them a
 * database and a sendSMS client of their own (a sandbox, a tight budget) without touching the server's.
 */
export interface KeyServiceDeps {
  prisma: PrismaClient;
  /** The sendSMS client for an account's base URL (budget and capabilities shared through Postgres). */
  clientFor(apiBaseUrl: string): SendsmsClient;
  /** The client for work nobody waits for (a background refresh): a share of the budget only. Default: clientFor. */
  backgroundClientFor?(apiBaseUrl: string): SendsmsClient;
  /** Encrypts the key secrets the dashboard keeps. */
  credentialsKey: Buffer;
  now(): Date;
  /** Keeps keys list pages between two changes of an account's keys; without one, every list reads the database. */
  listCache?: KeyListCache;
  /** The account the request named, when withPermission already read it with the session (saves a round trip). */
  account?: AccountRow;
}

/** The server's dependencies; `account` is the row withPermission read for the request, when it did. */
export function serverKeyDeps(account?: AccountRow): KeyServiceDeps {
  return {
    prisma: getPrisma(),
    clientFor: getSendsmsClient,
    backgroundClientFor: getBackgroundSendsmsClient,
    credentialsKey: getCredentialsKey(),
    now: () => new Date(),
    listCache: keyListCache,
    account,
  };
}
