import crypto from 'node:crypto';
import type { CredentialKind, KeyKind, KeyUsageLabel } from '@/lib/generated/prisma/enums';

/**
 * The demo world, in one place: who can sign in, which sendSMS accounts exist and which keys they hold. The
 * dashboard's demo seed and the sandbox's seed both read it, so the keys the dashboard lists are the keys the
 * sandbox accepts. Demo secrets are derived from their names: stable across restarts, and never real.
 */

export const DEMO_PASSWORD = 'demo';

export const DEMO_USERS = [
  // The installation's administrator, as /setup would make them; a member of both accounts, so they manage them too.
  { email: 'admin@demo.local', name: 'Ada Admin', role: 'INSTALLATION_ADMIN', accounts: ['demo', 'demo-logistics'] },
  // An account admin whose tenant is the shop alone: what a customer of an agency gets.
  { email: 'shop-admin@demo.local', name: 'Sid Shop', role: 'ADMIN', accounts: ['demo'] },
  { email: 'support@demo.local', name: 'Sam Support', role: 'SUPPORT', accounts: [] },
  { email: 'lead@demo.local', name: 'Lee Lead', role: 'LEAD', accounts: ['demo'] },
] as const;

export interface DemoKey {
  name: string;
  kind: KeyKind;
  usageLabel: KeyUsageLabel;
  /** Default keys: every authorized address, the first being the one that locked it. Cloud keys: the first seen. */
  ips: string[];
  useCount: number;
  /** Minutes before the seed ran; null when never used. */
  lastUsedMinutesAgo: number | null;
  createdDaysAgo: number;
  /** Calls sendSMS refused, per address (a Default key called from an address not on its list). */
  refused?: Array<{ ip: string; count: number; firstMinutesAgo: number; lastMinutesAgo: number }>;
}

export interface DemoAccount {
  label: string;
  username: string;
  credential: string;
  credentialKind: CredentialKind;
  keys: DemoKey[];
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    label: 'Demo shop',
    username: 'demo',
    credential: DEMO_PASSWORD,
    credentialKind: 'PASSWORD',
    keys: [
      {
        name: 'Website orders',
        kind: 'DEFAULT',
        usageLabel: 'DEFAULT',
        ips: ['203.0.113.10'],
        useCount: 1204,
        lastUsedMinutesAgo: 4,
        createdDaysAgo: 120,
        // A second server of the shop's that nobody authorized: what the key page's Refused calls is for.
        refused: [{ ip: '198.51.100.20', count: 3, firstMinutesAgo: 50, lastMinutesAgo: 6 }],
      },
      {
        name: 'Warehouse SMPP',
        kind: 'DEFAULT',
        usageLabel: 'SMPP',
        ips: [],
        useCount: 0,
        lastUsedMinutesAgo: null,
        createdDaysAgo: 2,
      },
      {
        name: 'Mobile app',
        kind: 'CLOUD',
        usageLabel: 'APP',
        ips: ['198.51.100.7'],
        useCount: 318,
        lastUsedMinutesAgo: 60 * 26,
        createdDaysAgo: 45,
      },
      {
        name: 'Staging',
        kind: 'CLOUD',
        usageLabel: 'CLOUD',
        ips: [],
        useCount: 0,
        lastUsedMinutesAgo: null,
        // Made two months ago and never used: the idle key a team lead finds on /usage.
        createdDaysAgo: 60,
      },
    ],
  },
  {
    label: 'Demo logistics',
    username: 'demo-logistics',
    credential: 'demo-logistics-api-key',
    credentialKind: 'API_KEY',
    keys: [
      {
        name: 'Courier notifications',
        kind: 'DEFAULT',
        usageLabel: 'DEFAULT',
        ips: ['192.0.2.44', '192.0.2.45'],
        useCount: 5210,
        lastUsedMinutesAgo: 12,
        createdDaysAgo: 300,
      },
      {
        name: 'Dispatch cloud',
        kind: 'CLOUD',
        usageLabel: 'CLOUD',
        ips: ['198.51.100.99'],
        useCount: 77,
        lastUsedMinutesAgo: 60 * 24 * 40,
        createdDaysAgo: 200,
      },
    ],
  },
];

/** A demo key's secret: 32 hex characters, derived from the account and key names. */
export function demoKeySecret(username: string, keyName: string): string {
  return crypto.createHash('sha256').update(`sendsms-demo:${username}:${keyName}`).digest('hex').slice(0, 32);
}
