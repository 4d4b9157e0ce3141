import type { PrismaClient } from '@/lib/generated/prisma/client';
import { hashPassword } from '@/lib/auth/password';
import { encryptSecret, fingerprintSecret, secretFragment } from '@/lib/crypto';
import { dayStart, hourStart, usesBetween } from '@/lib/keys/usage-tally';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_USERS, demoKeySecret, type DemoKey } from '@/lib/demo/fixtures';

/**
 * Writes the demo world into the dashboard's database. Idempotent: whatever already exists (matched by email,
 * account username, key secret) is left as it is, so a restart never undoes what a user did in the demo.
 */

export interface DemoSeedOptions {
  apiBaseUrl: string;
  encryptionKey: Buffer;
  now?: Date;
}

export interface DemoSeedReport {
  usersCreated: number;
  accountsCreated: number;
  keysCreated: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const SNAPSHOT_DAYS = 14;

export async function seedDemo(prisma: PrismaClient, options: DemoSeedOptions): Promise<DemoSeedReport> {
  const now = options.now ?? new Date();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const report: DemoSeedReport = { usersCreated: 0, accountsCreated: 0, keysCreated: 0 };

  await prisma.$transaction(async (tx) => {
    const accountIds = new Map<string, string>();
    for (const demoAccount of DEMO_ACCOUNTS) {
      const where = { apiBaseUrl_username: { apiBaseUrl: options.apiBaseUrl, username: demoAccount.username } };
      let account = await tx.account.findUnique({ where });
      if (!account) {
        account = await tx.account.create({
          data: {
            label: demoAccount.label,
            username: demoAccount.username,
            credentialCiphertext: encryptSecret(demoAccount.credential, options.encryptionKey),
            credentialKind: demoAccount.credentialKind,
            apiBaseUrl: options.apiBaseUrl,
          },
        });
        report.accountsCreated += 1;
      }
      accountIds.set(demoAccount.username, account.id);

      for (const demoKey of demoAccount.keys) {
        const secret = demoKeySecret(demoAccount.username, demoKey.name);
        const fingerprint = fingerprintSecret(secret);
        const exists = await tx.apiKey.findUnique({
          where: { accountId_secretFingerprint: { accountId: account.id, secretFingerprint: fingerprint } },
        });
        if (exists) continue;
        const lastUsedAt =
          demoKey.lastUsedMinutesAgo === null ? null : new Date(now.getTime() - demoKey.lastUsedMinutesAgo * MINUTE);
        const createdAt = new Date(now.getTime() - demoKey.createdDaysAgo * DAY);
        const firstUsedAt = new Date(createdAt.getTime() + DAY);
        const snapshots = usageSeries(demoKey.useCount, lastUsedAt, now);
        const key = await tx.apiKey.create({
          data: {
            accountId: account.id,
            name: demoKey.name,
            kind: demoKey.kind,
            usageLabel: demoKey.usageLabel,
            fragment: secretFragment(secret),
            secretFingerprint: fingerprint,
            secretCiphertext: encryptSecret(secret, options.encryptionKey),
            origin: 'GENERATED',
            lockedAt: demoKey.kind === 'DEFAULT' && demoKey.ips.length > 0 ? firstUsedAt : null,
            lastUsedAt,
            useCount: demoKey.useCount,
            usageFetchedAt: now,
            ipsFetchedAt: now,
            createdAt,
            lockedIps: {
              create: demoKey.ips.map((address, index) => ({
                address,
                reason: index > 0 ? 'WHITELISTED' : demoKey.kind === 'DEFAULT' ? 'FIRST_USE' : 'FIRST_SEEN',
                addedAt: new Date(firstUsedAt.getTime() + index * DAY),
                fetchedAt: now,
              })),
            },
            usageSnapshots: { create: snapshots },
            ...demoRefusals(demoKey, now),
          },
        });
        // The uses per day and hour the collection would have counted between those snapshots (usage-tally.ts),
        // so that /usage and the key page's chart have a history to show.
        const uses = usesPerPeriod(snapshots);
        await tx.usageDay.createMany({
          data: uses.days.map((day) => ({ ...day, keyId: key.id, accountId: account.id })),
        });
        await tx.usageHour.createMany({
          data: uses.hours.map((hour) => ({ ...hour, keyId: key.id, accountId: account.id })),
        });
        report.keysCreated += 1;
      }
    }

    for (const demoUser of DEMO_USERS) {
      const exists = await tx.user.findUnique({ where: { email: demoUser.email } });
      if (exists) continue;
      await tx.user.create({
        data: {
          email: demoUser.email,
          name: demoUser.name,
          role: demoUser.role,
          passwordHash,
          memberships: { create: demoUser.accounts.map((username) => ({ accountId: accountIds.get(username)! })) },
        },
      });
      report.usersCreated += 1;
    }
  });
  return report;
}

/** The growth between consecutive snapshots, counted in the later one's UTC day, and its hour within the last week. */
function usesPerPeriod(snapshots: ReadonlyArray<{ takenAt: Date; useCount: number }>) {
  const days: Array<{ day: Date; uses: number }> = [];
  const hours: Array<{ startsAt: Date; uses: number }> = [];
  const weekAgo = Date.now() - 7 * DAY;
  for (let index = 1; index < snapshots.length; index += 1) {
    const { takenAt, useCount } = snapshots[index]!;
    const uses = usesBetween(snapshots[index - 1]!.useCount, useCount);
    if (uses === 0) continue;
    days.push({ day: dayStart(takenAt), uses });
    if (takenAt.getTime() >= weekAgo) hours.push({ startsAt: hourStart(takenAt), uses });
  }
  return { days, hours };
}

/** A daily use-count series that rises to the key's current count, so the usage chart has a shape to show. */
function usageSeries(useCount: number, lastUsedAt: Date | null, now: Date) {
  if (useCount === 0) return [];
  return Array.from({ length: SNAPSHOT_DAYS }, (_, index) => {
    const takenAt = new Date(now.getTime() - (SNAPSHOT_DAYS - 1 - index) * DAY);
    // After the last use the count stands still; before it, it grows towards today's count.
    if (lastUsedAt && takenAt >= lastUsedAt) return { takenAt, useCount, lastUsedAt };
    const fraction = (index + 1) / SNAPSHOT_DAYS;
    return { takenAt, useCount: Math.round(useCount * (0.6 + 0.4 * fraction)), lastUsedAt: takenAt };
  });
}

/** The key's refused calls as the collection would have recorded them from token_list (lib/keys/refusal-record.ts). */
function demoRefusals(demoKey: DemoKey, now: Date) {
  const refused = demoKey.refused ?? [];
  if (refused.length === 0) return {};
  const rows = refused.map((refusal) => ({
    address: refusal.ip,
    firstAt: new Date(now.getTime() - refusal.firstMinutesAgo * MINUTE),
    lastAt: new Date(now.getTime() - refusal.lastMinutesAgo * MINUTE),
    count: refusal.count,
  }));
  const latest = rows.reduce((found, row) => (row.lastAt > found.lastAt ? row : found));
  return {
    refusedCount: rows.reduce((sum, row) => sum + row.count, 0),
    lastRefusedIp: latest.address,
    lastRefusedAt: latest.lastAt,
    refusals: { create: rows },
  };
}
