import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors/app-error';
import { exportAccountKeysCsv } from '@/lib/keys/keys-export';
import { exportUsageCsv } from '@/lib/usage/usage-export';
import { usageFilterSchema, type UsageFilter } from '@/lib/usage/usage-filter';
import { getUsageOverview, type UsageDeps } from '@/lib/usage/usage-service';
import { createTestAccount, keysWorld, type TestAccount } from '@/test/integration/keys/keys-fixture';

/**
 * /usage and the CSV exports over real Postgres: the uses per period come from UsageHour and UsageDay, each role sees
 * the accounts the permission table gives it, the key sets pick what they say, and an export holds the page's rows
 * in the page's order, every one of them, and never a secret.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const now = new Date('2026-12-05T14:30:00Z');
const today = new Date('2026-12-05T00:00:00Z');
const SECRET_MARK = 'ciphertext-that-must-never-leave';

const world = keysWorld();
let shop: TestAccount;
let logistics: TestAccount;
const deps = (): UsageDeps => ({ prisma: world.prisma, now: () => now });
const filter = (input: Partial<Record<keyof UsageFilter, string>> = {}) => usageFilterSchema.parse(input);

async function addKey(
  account: TestAccount,
  name: string,
  facts: { createdDaysAgo: number; lastUsedDaysAgo: number | null; useCount: number; refusedDaysAgo?: number },
) {
  return world.prisma.apiKey.create({
    data: {
      accountId: account.accountId,
      name,
      kind: 'DEFAULT',
      usageLabel: 'DEFAULT',
      fragment: `…${name.slice(0, 4)}`,
      secretFingerprint: `fp-${account.accountId}-${name}`,
      secretCiphertext: SECRET_MARK,
      origin: 'GENERATED',
      createdAt: new Date(now.getTime() - facts.createdDaysAgo * DAY),
      lastUsedAt: facts.lastUsedDaysAgo === null ? null : new Date(now.getTime() - facts.lastUsedDaysAgo * DAY),
      useCount: facts.useCount,
      refusedCount: facts.refusedDaysAgo === undefined ? 0 : 3,
      lastRefusedIp: facts.refusedDaysAgo === undefined ? null : '198.51.100.20',
      lastRefusedAt: facts.refusedDaysAgo === undefined ? null : new Date(now.getTime() - facts.refusedDaysAgo * DAY),
    },
  });
}

beforeAll(async () => {
  shop = await createTestAccount(world.prisma, world.sandbox);
  logistics = await createTestAccount(world.prisma, world.sandbox);
  const busy = await addKey(shop, 'Busy', { createdDaysAgo: 200, lastUsedDaysAgo: 0.01, useCount: 900 });
  const quiet = await addKey(shop, 'Quiet', { createdDaysAgo: 200, lastUsedDaysAgo: 45, useCount: 40 });
  await addKey(shop, 'Never', { createdDaysAgo: 100, lastUsedDaysAgo: null, useCount: 0 });
  await addKey(shop, 'Newborn', { createdDaysAgo: 1, lastUsedDaysAgo: null, useCount: 0 });
  await addKey(shop, 'Refused', { createdDaysAgo: 20, lastUsedDaysAgo: 2, useCount: 5, refusedDaysAgo: 1 });
  const far = await addKey(logistics, 'Elsewhere', { createdDaysAgo: 300, lastUsedDaysAgo: 0.1, useCount: 5000 });
  // Busy: 10 uses a day for the last 40 days, and 3 an hour over the last 5 hours; Quiet: 7 uses 60 days ago.
  await world.prisma.usageDay.createMany({
    data: [
      ...Array.from({ length: 40 }, (_, back) => ({
        keyId: busy.id,
        accountId: shop.accountId,
        day: new Date(today.getTime() - back * DAY),
        uses: 10,
      })),
      { keyId: quiet.id, accountId: shop.accountId, day: new Date(today.getTime() - 60 * DAY), uses: 7 },
      { keyId: far.id, accountId: logistics.accountId, day: today, uses: 500 },
    ],
  });
  await world.prisma.usageHour.createMany({
    data: Array.from({ length: 5 }, (_, back) => ({
      keyId: busy.id,
      accountId: shop.accountId,
      startsAt: new Date(Date.parse('2026-12-05T14:00:00Z') - back * HOUR),
      uses: 3,
    })),
  });
});

describe('the usage view', () => {
  it('counts uses per period from the tallies: hours for a day, days for a month, months for a year', async () => {
    const day = await getUsageOverview(deps(), shop.lead, filter({ range: '24h' }));
    expect(day.series.period).toBe('hour');
    expect(day.series.points).toHaveLength(24);
    expect(day.series.total).toBe(15);
    expect(day.series.points.at(-1)).toEqual({ startsAt: '2026-12-05T14:00:00.000Z', uses: 3 });

    const month = await getUsageOverview(deps(), shop.lead, filter({ range: '30d' }));
    expect(month.series.points).toHaveLength(30);
    expect(month.series.total).toBe(300);

    const quarter = await getUsageOverview(deps(), shop.lead, filter({ range: '90d' }));
    expect(quarter.series.total).toBe(407);
    const year = await getUsageOverview(deps(), shop.lead, filter({ range: '12m' }));
    expect(year.series.period).toBe('month');
    expect(year.series.total).toBe(407);
    expect(year.series.points.at(-1)!.startsAt).toBe('2026-12-01T00:00:00.000Z');
  });

  it('ranks keys by uses in the range, and by last use', async () => {
    const ranked = await getUsageOverview(deps(), shop.lead, filter({ range: '90d' }));
    expect(ranked.keys.rows.map((key) => [key.name, key.usesInRange])).toEqual([
      ['Busy', 400],
      ['Quiet', 7],
      ...ranked.keys.rows.slice(2).map((key) => [key.name, 0]),
    ]);
    expect(ranked.keys.total).toBe(5);
    const byLastUse = await getUsageOverview(deps(), shop.lead, filter({ sort: 'lastUsed', dir: 'desc' }));
    expect(byLastUse.keys.rows.map((key) => key.name).slice(0, 3)).toEqual(['Busy', 'Refused', 'Quiet']);
  });

  it('picks out idle keys, keys never used and keys with refused calls', async () => {
    const names = async (keys: string) =>
      (await getUsageOverview(deps(), shop.lead, filter({ keys }))).keys.rows.map((key) => key.name).sort();
    // A key made yesterday and never used is not idle yet; one made 100 days ago is.
    expect(await names('idle-30')).toEqual(['Never', 'Quiet']);
    expect(await names('idle-60')).toEqual(['Never']);
    expect(await names('never-used')).toEqual(['Never', 'Newborn']);
    expect(await names('refused')).toEqual(['Refused']);
  });

  it('covers a team lead’s own accounts, every account for support staff, and refuses another tenant’s', async () => {
    const lead = await getUsageOverview(deps(), shop.lead, filter());
    expect(lead.accounts.map((account) => account.id)).toEqual([shop.accountId]);
    expect(lead.keys.rows.every((key) => key.accountId === shop.accountId)).toBe(true);

    const support = await getUsageOverview(deps(), shop.support, filter({ range: '24h' }));
    expect(support.accounts.map((account) => account.id)).toEqual(
      expect.arrayContaining([shop.accountId, logistics.accountId]),
    );
    expect(support.keys.rows.map((key) => key.name)).toContain('Elsewhere');

    const refused = await getUsageOverview(deps(), shop.lead, filter({ accountId: logistics.accountId })).catch(
      (error: unknown) => error,
    );
    expect(isAppError(refused) && refused.httpStatus).toBe(403);
    const nobody = await getUsageOverview(deps(), shop.outsider, filter());
    expect(nobody).toMatchObject({ accounts: [], keys: { rows: [], total: 0 }, series: { total: 0 } });
  });

  it('says which credentials need attention', async () => {
    await world.prisma.account.update({
      where: { id: shop.accountId },
      data: { credentialRotatedAt: new Date(now.getTime() - 26 * DAY) },
    });
    // As the collection keeps it: the English of what failed.
    const lastProblem =
      'The connection to sendSMS failed or was cut before it answered. The dashboard changed nothing.';
    await world.prisma.accountCollection.upsert({
      where: { accountId: shop.accountId },
      create: { accountId: shop.accountId, failureCount: 2, lastProblem },
      update: { failureCount: 2, lastProblem },
    });
    const view = await getUsageOverview(deps(), shop.lead, filter());
    expect(view.attention.map((item) => item.kind).sort()).toEqual(['collection-failing', 'password-expiring']);
    expect(view.attention.find((item) => item.kind === 'collection-failing')).toMatchObject({
      failureCount: 2,
      // Read back as a condition the page words in the reader's language, the English kept beside it.
      lastProblem: { condition: { code: 'network', nothingChanged: true }, message: lastProblem },
    });
    expect(view.attention.find((item) => item.kind === 'password-expiring')).toMatchObject({ daysLeft: 4 });
  });
});

async function read(lines: AsyncIterable<string>): Promise<string[]> {
  let text = '';
  for await (const chunk of lines) text += chunk;
  return text.trimEnd().split('\r\n');
}

describe('the CSV exports', () => {
  it('hold the usage view’s rows in its order, every one, and no secret', async () => {
    const view = filter({ range: '90d', keys: 'all' });
    const page = await getUsageOverview(deps(), shop.lead, view);
    const csv = await exportUsageCsv(deps(), shop.lead, view);
    const lines = await read(csv.lines);
    expect(lines[0]).toBe(
      'account,key_name,kind,fragment,uses_in_range,last_used_at,use_count,refused_calls,last_refused_ip,last_refused_at,created_at,key_id,account_id',
    );
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(page.keys.rows.map((key) => key.name));
    expect(lines[1]).toContain(',Busy,Default Key,');
    expect(lines[1]).toContain(',400,');
    expect(lines.join('\n')).not.toContain(SECRET_MARK);
  });

  it('word the header, the kinds and the file name in the reader’s language', async () => {
    const view = filter({ range: '90d', keys: 'all' });
    const csv = await exportUsageCsv(deps(), shop.lead, view, 'ro');
    expect(csv.filename).toBe('utilizare-90d-all-2026-12-05.csv');
    const lines = await read(csv.lines);
    expect(lines[0]).toBe(
      'Cont,Denumire cheie,Tip,Fragment,Utilizări în interval,Ultima utilizare,De câte ori a fost utilizată,Request-uri refuzate,Ultimul IP refuzat,Ultimul refuz,Creată la,ID cheie,ID cont',
    );
    // Figures and dates stay as a spreadsheet reads them, whatever the language.
    expect(lines[1]).toContain(',Busy,Default Key,');
    expect(lines[1]).toContain(',400,');
    expect(lines[1]).toMatch(/,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,/);
  });

  it('refuses a view of an account the user may not read before writing a line', async () => {
    const refused = await exportUsageCsv(deps(), shop.lead, filter({ accountId: logistics.accountId })).catch(
      (error: unknown) => error,
    );
    expect(isAppError(refused) && refused.httpStatus).toBe(403);
  });

  it('gives an account’s keys as a credential report, audited when support staff take it', async () => {
    await world.prisma.keyIp.create({
      data: {
        keyId: (await world.prisma.apiKey.findFirstOrThrow({ where: { accountId: shop.accountId, name: 'Busy' } })).id,
        address: '203.0.113.7',
        reason: 'FIRST_USE',
        addedAt: new Date('2026-06-01T10:00:00Z'),
      },
    });
    const csv = await exportAccountKeysCsv(
      { prisma: world.prisma, now: () => now },
      { actor: shop.support, accountId: shop.accountId, path: '/api/accounts/x/keys/export' },
    );
    const lines = await read(csv.lines);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe(
      'key_name,kind,usage_label,fragment,created_at,locked_on_ips,lock_state,last_used_at,use_count,refused_calls,last_refused_ip,last_refused_at,key_id',
    );
    expect(lines.find((line) => line.startsWith('Busy,'))).toContain(
      '"203.0.113.7 (first use (locked the key), 2026-06-01T10:00:00.000Z)"',
    );
    expect(lines.join('\n')).not.toContain(SECRET_MARK);
    const views = await world.prisma.auditEvent.count({
      where: { accountId: shop.accountId, action: 'account.view', actorEmail: shop.support.email },
    });
    expect(views).toBe(1);
  });
});
