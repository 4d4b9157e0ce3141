/**
 * `npm run bench:lookup`: "Find a key" (issue 13) at the scale of a large installation, with the floor it is
 * measured against in the same run.
 *   1. Seeds 10,000 accounts and 1,000,000 keys (2 % of them deleted) with their Locked On IPs (each account's keys
 *      share its 3 server addresses; 10 % of Default keys have a second, whitelisted one) and refused calls (5 % of
 *      keys), in a few INSERT … SELECT generate_series statements, the indexes built once after the rows (as a
 *      restore would) and the keys-version triggers off meanwhile.
 *   2. Each kind of search, with queries drawn from the seeded rows: the end of a key (4 characters, ~15 keys share
 *      each), a name (a third each: a common word such as "newsletter" in 83,000 names, a name such as "Website 13"
 *      that 10,000 accounts gave a key, the name sendSMS knows one key by), an IP (a server address locked by ~33
 *      keys of one account, or one refused for a key), a sendSMS username. As support staff (every account), through
 *      the route handler (GET /api/keys/search, called in this process as Next.js calls it: session cookie, user
 *      from Postgres, zod, service, JSON) and through the service alone; then through the service as an account
 *      admin of 3 accounts. Floor: GET /api/health (a database round trip and a ping of the sandbox), called the same
 *      way, in turns with the searches so that noise on the shared machine falls on all of them.
 *   3. EXPLAIN ANALYZE of one query of each kind, under the search's planner settings (search-repository.ts), to show
 *      the index that answers it.
 * Database: a fresh `bench_lookup` on the server DATABASE_URL names, else on an embedded PostgreSQL under
 * DATA_DIR/bench-lookup; dropped and made again at each run. No production build is needed.
 *
 *   npm run bench:lookup        (REQUESTS=100 for a shorter run)
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import pg from 'pg';
import { parseConfig } from '@/lib/config';
import { createPrismaClient } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { classifyKeySearch } from '@/lib/key-search/classify-query';
import { KEY_SEARCH_ROWS } from '@/lib/key-search/search-query';
import { KEY_SEARCH_PLANNER_SQL, keySearchSql } from '@/lib/key-search/search-repository';
import { searchKeys } from '@/lib/key-search/search-service';
import type { KeySearchResultView } from '@/lib/key-search/types';
import { createLogger } from '@/lib/log';
import { startSandbox } from '@/lib/sendsms/sandbox/server';
import { median, percentile, ROOT as root } from '@/bench/support/dashboard-process';
import { freshDatabase } from '@/bench/support/fresh-database';

const ACCOUNTS = 10_000;
const KEYS = 1_000_000;
const REQUESTS = Number(process.env.REQUESTS ?? 300);
const ADMIN_REQUESTS = Math.max(50, Math.round(REQUESTS / 3));
const SAMPLES = 200;
const TARGET = { p50: 50, p99: 200 };
/** Words that each of a twelfth of the keys has in its name: the worst a name search gets (80,000 matches). */
const COMMON_WORDS = ['newsletter', 'website', 'shop plugin', 'booking', 'invoices', 'sms gateway'];

const credentialsKeyHex = crypto.randomBytes(32).toString('hex');
const nextAuthSecret = crypto.randomBytes(32).toString('hex');
// Before anything reads the configuration (the modules read it on first use, not as they load).
process.env.CREDENTIALS_ENCRYPTION_KEY = credentialsKeyHex;
process.env.NEXTAUTH_SECRET = nextAuthSecret;

const quiet = createLogger('bench-lookup', () => undefined);

type Kind = 'fragment' | 'name' | 'ip' | 'username';
const KINDS: readonly Kind[] = ['fragment', 'name', 'ip', 'username'];
const KIND_TITLES: Record<Kind, string> = {
  fragment: 'end of a key (4 characters)',
  name: 'key name (common word, shared name, sendSMS name)',
  ip: 'IP (Locked On, refused)',
  username: 'sendSMS username',
};

type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function main(): Promise<void> {
  const log = createLogger('bench-lookup');
  const config = parseConfig({ ...process.env, CREDENTIALS_ENCRYPTION_KEY: credentialsKeyHex }, root);
  const database = await freshDatabase('bench_lookup', config.databaseUrl, config.dataDir, log);
  const stops: Array<() => Promise<unknown> | void> = [database.stop];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => undefined);
  };
  try {
    await applyMigrations(database.url);
    const seedStarted = performance.now();
    const seeded = await seed(database.url);
    console.log(
      `seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s (rows ${seeded.rowsSeconds.toFixed(1)} s, indexes ${seeded.indexSeconds.toFixed(1)} s): ` +
        `${seeded.accounts.toLocaleString('en-US')} accounts, ${seeded.keys.toLocaleString('en-US')} keys (${seeded.liveKeys.toLocaleString('en-US')} live), ` +
        `${seeded.keyIps.toLocaleString('en-US')} Locked On IPs; database ${seeded.databaseSize}`,
    );

    // The route and the health check read the database and sendSMS from the environment, as a started server does.
    const sandbox = await startSandbox({
      databaseUrl: database.url,
      port: 0,
      log: quiet,
      schema: 'sandbox_bench_lookup',
      seed: false,
    });
    stops.push(() => sandbox.stop());
    process.env.DATABASE_URL = database.url;
    process.env.SENDSMS_API_URL = sandbox.url;
    const search = (await import('@/app/api/keys/search/route')) as { GET: RouteHandler };
    const health = (await import('@/app/api/health/route')) as { GET: () => Promise<Response> };

    const prisma = createPrismaClient(database.url);
    stops.push(() => prisma.$disconnect());
    const users = await seedUsers(prisma);
    const supportCookie = await cookieOf(users.support.id);
    const queries = await sampleQueries(database.url);

    const viaRoute = async (q: string) => {
      const response = await search.GET(
        new NextRequest(new URL(`/api/keys/search?q=${encodeURIComponent(q)}`, 'http://127.0.0.1:3000'), {
          headers: { cookie: supportCookie, 'user-agent': 'bench-lookup' },
        }),
        { params: Promise.resolve({}) },
      );
      const body = (await response.json()) as KeySearchResultView & { message?: string };
      if (!response.ok) throw new Error(`/api/keys/search?q=${q} answered ${response.status}: ${body.message}`);
      return body;
    };
    const viaHealth = async () => {
      const response = await health.GET();
      await response.json();
      if (!response.ok) throw new Error(`/api/health answered ${response.status}`);
    };
    const viaService = (user: typeof users.support, q: string) => searchKeys({ prisma }, user, { q });
    const timed = async (work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      return performance.now() - started;
    };

    // What each kind finds, once, so that the figures are about searches that find something.
    for (const kind of KINDS) {
      const found = await Promise.all(queries[kind].slice(0, 20).map((q) => viaRoute(q)));
      const rows = found.map((result) => result.rows.length);
      console.log(
        `probe ${kind}: 20 queries such as ${JSON.stringify(queries[kind].slice(0, 3))}, keys listed per query: median ${median(rows)}, min ${Math.min(...rows)}, max ${Math.max(...rows)}; ${found.filter((result) => result.truncated).length} cut at ${KEY_SEARCH_ROWS}`,
      );
    }

    const pick = (kind: Kind, turn: number) => queries[kind][turn % queries[kind].length]!;
    for (let turn = 0; turn < 30; turn++) {
      await viaHealth();
      for (const kind of KINDS) await viaRoute(pick(kind, turn));
    }
    const floor: number[] = [];
    const route = new Map<Kind, number[]>(KINDS.map((kind) => [kind, []]));
    const service = new Map<Kind, number[]>(KINDS.map((kind) => [kind, []]));
    const commonWords: number[] = [];
    for (let turn = 0; turn < REQUESTS; turn++) {
      floor.push(await timed(viaHealth));
      for (const kind of KINDS) {
        const time = await timed(() => viaRoute(pick(kind, turn)));
        route.get(kind)!.push(time);
        if (kind === 'name' && COMMON_WORDS.includes(pick(kind, turn))) commonWords.push(time);
        service.get(kind)!.push(await timed(() => viaService(users.support, pick(kind, turn + 7))));
      }
    }
    const admin = new Map<Kind, number[]>(KINDS.map((kind) => [kind, []]));
    const adminQueries = await sampleAdminQueries(database.url, users.adminAccountIds);
    for (let turn = 0; turn < ADMIN_REQUESTS; turn++)
      for (const kind of KINDS)
        admin
          .get(kind)!
          .push(await timed(() => viaService(users.admin, adminQueries[kind][turn % adminQueries[kind].length]!)));

    // The figures.
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const figures = (times: number[]) => ({ p50: percentile(times, 0.5), p99: percentile(times, 0.99) });
    const floorFigures = figures(floor);
    console.log('');
    console.log(
      `bench:lookup, ${ACCOUNTS.toLocaleString('en-US')} accounts, ${KEYS.toLocaleString('en-US')} keys; ${REQUESTS} sequential searches per kind and path, one at a time (target p50 ≤ ${TARGET.p50} ms, p99 ≤ ${TARGET.p99} ms):`,
    );
    console.log(
      `  floor GET /api/health (same process, same turns):   p50 ${ms(floorFigures.p50)}, p99 ${ms(floorFigures.p99)}`,
    );
    for (const kind of KINDS) {
      const viaRouteFigures = figures(route.get(kind)!);
      const viaServiceFigures = figures(service.get(kind)!);
      const pass = viaRouteFigures.p50 <= TARGET.p50 && viaRouteFigures.p99 <= TARGET.p99;
      console.log(
        `  ${KIND_TITLES[kind].padEnd(52)} route p50 ${ms(viaRouteFigures.p50)} (${(viaRouteFigures.p50 / floorFigures.p50).toFixed(2)}× the floor), p99 ${ms(viaRouteFigures.p99)}; ` +
          `service p50 ${ms(viaServiceFigures.p50)}, p99 ${ms(viaServiceFigures.p99)}  ${pass ? 'PASS' : 'FAIL'}`,
      );
    }
    const common = figures(commonWords);
    console.log(
      `    of the name searches, the ${commonWords.length} for a common word (${COMMON_WORDS.join(', ')}): route p50 ${ms(common.p50)}, p99 ${ms(common.p99)}`,
    );
    console.log(
      `  as an account admin of ${users.adminAccountIds.length} accounts, through the service, ${ADMIN_REQUESTS} searches per kind:`,
    );
    for (const kind of KINDS) {
      const adminFigures = figures(admin.get(kind)!);
      console.log(`  ${KIND_TITLES[kind].padEnd(52)} p50 ${ms(adminFigures.p50)}, p99 ${ms(adminFigures.p99)}`);
    }

    console.log(
      `  (load average over the run's last minute: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs)`,
    );
    console.log('');
    console.log(
      'EXPLAIN ANALYZE of one search of each kind (support staff: every account), under its planner settings:',
    );
    const examples: Array<[string, string]> = [
      ['end of a key', queries.fragment[0]!],
      ['common word in key names', 'newsletter'],
      ['name sendSMS knows a key by', queries.name.find((q) => q.includes('-'))!],
      ['Locked On IP', queries.ip[0]!],
      ['refused IP', queries.ip.find((q) => q.startsWith('203.'))!],
      ['sendSMS username', queries.username[0]!],
    ];
    for (const [title, q] of examples) {
      const sql = keySearchSql(classifyKeySearch(q), 'every', KEY_SEARCH_ROWS + 1)!;
      const [, plan] = await prisma.$transaction([
        prisma.$queryRaw(KEY_SEARCH_PLANNER_SQL),
        prisma.$queryRaw<Array<{ 'QUERY PLAN': string }>>(Prisma.sql`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`),
      ]);
      console.log(`  ${title}: q=${JSON.stringify(q)}`);
      for (const line of plan) console.log(`    ${line['QUERY PLAN']}`);
    }
  } finally {
    await stopAll();
  }
}

/**
 * The rows, in a few statements: accounts named as Romanian small businesses are, keys named as their owners name
 * them (a dozen words, numbered), fragments from an md5 of the key's number. Indexes other than primary keys are
 * dropped first and built after, and the keys-version triggers are off meanwhile (they would update an account
 * for each of a million rows).
 */
async function seed(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`SET maintenance_work_mem = '512MB'`);
    const tables = ['Account', 'ApiKey', 'KeyIp'];
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename = ANY($1) AND indexname NOT LIKE '%\\_pkey'`,
      [tables],
    );
    for (const index of indexes) await client.query(`DROP INDEX ${pg.escapeIdentifier(index.indexname)}`);
    // A superuser (the embedded server's, or a local one) skips the foreign-key checks as well, as a restore does.
    const { rows: role } = await client.query<{ super: boolean }>(
      `SELECT rolsuper AS super FROM pg_roles WHERE rolname = current_user`,
    );
    if (role[0]?.super) await client.query(`SET session_replication_role = replica`);
    await client.query(`ALTER TABLE "ApiKey" DISABLE TRIGGER USER`);
    await client.query(`ALTER TABLE "KeyIp" DISABLE TRIGGER USER`);

    const rowsStarted = performance.now();
    await client.query(
      `INSERT INTO "Account" ("id", "label", "username", "credentialCiphertext", "credentialKind", "apiBaseUrl", "updatedAt")
       SELECT 'acct-' || g,
              (ARRAY['Magazin','Farmacia','Clinica','Auto Service','Hotel','Pensiunea','Cabinet','Floraria','Libraria','Transport'])[1 + g % 10]
                || ' ' || (ARRAY['Popescu','Ionescu','Georgescu','Dumitru','Stan','Stoica','Gheorghe','Matei','Ciobanu','Rusu','Munteanu','Constantin'])[1 + (g / 10) % 12]
                || ' ' || g,
              (ARRAY['magazin','farmacia','clinica','autoservice','hotel','pensiunea','cabinet','floraria','libraria','transport'])[1 + g % 10] || g,
              'v1.bench-not-a-credential', 'PASSWORD', 'http://127.0.0.1:9/json', now()
         FROM generate_series(1, $1::int) g`,
      [ACCOUNTS],
    );
    // Key g belongs to account 1 + g % ACCOUNTS and is that account's (g / ACCOUNTS)-th key.
    await client.query(
      `INSERT INTO "ApiKey" ("id", "accountId", "name", "kind", "usageLabel", "fragment", "secretFingerprint", "origin",
                             "createdAt", "lockedAt", "lastUsedAt", "useCount", "upstreamName", "refusedCount",
                             "lastRefusedIp", "lastRefusedAt", "deletedAt")
       SELECT 'key-' || g, 'acct-' || (1 + g % $2::int),
              (ARRAY['Shop plugin','Website','Newsletter','CRM','ERP','Mobile app','Booking','Invoices','Test','Production server','Backup','SMS gateway'])[1 + (g / $2::int) % 12]
                || ' ' || (g / $2::int),
              k.kind::"KeyKind", k.kind::"KeyUsageLabel", '…' || substr(md5(g::text), 29, 4), md5(g::text), 'GENERATED',
              now() - (g % 1000) * interval '1 day',
              CASE WHEN k.kind = 'DEFAULT' AND g % 10 <> 1 THEN now() - (g % 500) * interval '1 hour' END,
              CASE WHEN g % 7 <> 0 THEN now() - (g % 10000) * interval '1 minute' END,
              g % 5000,
              CASE WHEN g % 2 = 0 THEN lower(replace((ARRAY['Shop plugin','Website','Newsletter','CRM','ERP','Mobile app','Booking','Invoices','Test','Production server','Backup','SMS gateway'])[1 + (g / $2::int) % 12], ' ', '-')) || '-' || substr(md5(g::text), 1, 8) END,
              CASE WHEN g % 20 = 0 THEN 1 + g % 50 ELSE 0 END,
              CASE WHEN g % 20 = 0 THEN '203.0.' || ((g / 256) % 256) || '.' || (g % 256) END,
              CASE WHEN g % 20 = 0 THEN now() - (g % 100) * interval '1 hour' END,
              CASE WHEN g % 53 = 0 THEN now() END
         FROM generate_series(1, $1::int) g,
              LATERAL (SELECT CASE WHEN g % 4 = 0 THEN 'CLOUD' ELSE 'DEFAULT' END AS kind) k`,
      [KEYS, ACCOUNTS],
    );
    // Each account calls from its 3 servers: a key's first address is one of them; 10 % of Default keys have a
    // second, whitelisted one of their own.
    await client.query(
      `INSERT INTO "KeyIp" ("id", "keyId", "address", "reason")
       SELECT 'ip-' || k."id", k."id",
              '10.' || (a.n / 256) || '.' || (a.n % 256) || '.' || (1 + (substr(k."id", 5)::int / $1::int) % 3),
              CASE WHEN k."kind" = 'CLOUD' THEN 'FIRST_SEEN' ELSE 'FIRST_USE' END::"KeyIpReason"
         FROM "ApiKey" k, LATERAL (SELECT substr(k."accountId", 6)::int AS n) a
        WHERE k."kind" = 'CLOUD' OR k."lockedAt" IS NOT NULL`,
      [ACCOUNTS],
    );
    await client.query(
      `INSERT INTO "KeyIp" ("id", "keyId", "address", "reason")
       SELECT 'ip2-' || k."id", k."id", '172.16.' || ((n / 256) % 256) || '.' || (n % 256), 'WHITELISTED'
         FROM "ApiKey" k, LATERAL (SELECT substr(k."id", 5)::int AS n) g
        WHERE k."lockedAt" IS NOT NULL AND n % 10 = 2`,
    );
    const rowsSeconds = (performance.now() - rowsStarted) / 1000;

    await client.query(`SET session_replication_role = DEFAULT`);
    const indexStarted = performance.now();
    for (const index of indexes) await client.query(index.indexdef);
    await client.query(`ALTER TABLE "ApiKey" ENABLE TRIGGER USER`);
    await client.query(`ALTER TABLE "KeyIp" ENABLE TRIGGER USER`);
    await client.query(`VACUUM ANALYZE "Account", "ApiKey", "KeyIp"`);
    const indexSeconds = (performance.now() - indexStarted) / 1000;

    const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
    return {
      rowsSeconds,
      indexSeconds,
      accounts: await count(`SELECT count(*) AS n FROM "Account"`),
      keys: await count(`SELECT count(*) AS n FROM "ApiKey"`),
      liveKeys: await count(`SELECT count(*) AS n FROM "ApiKey" WHERE "deletedAt" IS NULL`),
      keyIps: await count(`SELECT count(*) AS n FROM "KeyIp"`),
      databaseSize: (
        await client.query<{ size: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`)
      ).rows[0]!.size,
    };
  } finally {
    await client.end();
  }
}

/** A support user (every account) and an account admin of 3 accounts, as rows withPermission reads. */
async function seedUsers(prisma: PrismaClient) {
  const adminAccountIds = ['acct-17', 'acct-4242', 'acct-9001'];
  const support = await prisma.user.create({
    data: { email: 'support@bench.local', name: 'Support', role: 'SUPPORT' },
  });
  const admin = await prisma.user.create({
    data: {
      email: 'admin@bench.local',
      name: 'Admin',
      role: 'ADMIN',
      memberships: { create: adminAccountIds.map((accountId) => ({ accountId })) },
    },
  });
  return {
    support: {
      id: support.id,
      email: support.email,
      name: support.name,
      role: support.role,
      accountIds: [] as string[],
    },
    admin: { id: admin.id, email: admin.email, name: admin.name, role: admin.role, accountIds: adminAccountIds },
    adminAccountIds,
  };
}

/** A session cookie as next-auth makes it at sign-in, for a user row of the database. */
async function cookieOf(userId: string): Promise<string> {
  const token = await encode({
    token: { sub: userId, sv: 0, sid: `bench-${crypto.randomUUID()}` },
    secret: nextAuthSecret,
    maxAge: 3600,
  });
  return `next-auth.session-token=${token}`;
}

/** Queries as support staff would type them, drawn from random live keys and accounts. */
async function sampleQueries(databaseUrl: string): Promise<Record<Kind, string[]>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const column = async (sql: string) => (await client.query<{ q: string }>(sql)).rows.map((row) => row.q);
    const sample = (where: string, select: string) =>
      column(
        `SELECT ${select} AS q FROM "ApiKey" k WHERE k."deletedAt" IS NULL AND ${where} ORDER BY random() LIMIT ${SAMPLES}`,
      );
    const sharedNames = await sample('TRUE', 'k."name"');
    const upstreamNames = await sample('k."upstreamName" IS NOT NULL', 'k."upstreamName"');
    const lockedIps = await column(
      `SELECT ki."address" AS q FROM "KeyIp" ki WHERE ki."id" LIKE 'ip-%' ORDER BY random() LIMIT ${SAMPLES}`,
    );
    const refusedIps = await sample('k."lastRefusedIp" IS NOT NULL', 'k."lastRefusedIp"');
    return {
      fragment: (await sample('TRUE', 'k."fragment"')).map((fragment) => fragment.slice(1)),
      name: interleave([COMMON_WORDS, sharedNames, upstreamNames]),
      ip: interleave([lockedIps, refusedIps]),
      username: await column(`SELECT a."username" AS q FROM "Account" a ORDER BY random() LIMIT ${SAMPLES}`),
    };
  } finally {
    await client.end();
  }
}

/** The same kinds of query, about the admin's own accounts' keys (what an admin would look for). */
async function sampleAdminQueries(databaseUrl: string, accountIds: string[]): Promise<Record<Kind, string[]>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const column = async (select: string, where = 'TRUE') =>
      (
        await client.query<{ q: string }>(
          `SELECT ${select} AS q FROM "ApiKey" k LEFT JOIN "KeyIp" ki ON ki."keyId" = k."id" AND ki."id" LIKE 'ip-%'
            WHERE k."accountId" = ANY($1) AND k."deletedAt" IS NULL AND ${where} ORDER BY random() LIMIT 50`,
          [accountIds],
        )
      ).rows.map((row) => row.q);
    return {
      fragment: (await column('k."fragment"')).map((fragment) => fragment.slice(1)),
      name: interleave([['newsletter', 'website'], await column('k."name"')]),
      ip: await column('ki."address"', 'ki."address" IS NOT NULL'),
      username: (
        await client.query<{ q: string }>(`SELECT "username" AS q FROM "Account" WHERE "id" = ANY($1)`, [accountIds])
      ).rows.map((row) => row.q),
    };
  } finally {
    await client.end();
  }
}

function interleave(lists: string[][]): string[] {
  const longest = Math.max(...lists.map((list) => list.length));
  const out: string[] = [];
  for (let index = 0; index < longest; index++)
    for (const list of lists) if (list.length > 0) out.push(list[index % list.length]!);
  return out;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
