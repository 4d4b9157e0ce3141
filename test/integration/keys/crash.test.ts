import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateApiKey } from '@/lib/keys/generate-service';
import { resolveOpenIntents } from '@/lib/keys/intent-resolver';
import { testDatabaseUrl } from '@/test/integration/support/database';
import {
  createTestAccount,
  serviceDeps,
  keysWorld,
  defaultKey,
  unsettledChangeCount,
} from '@/test/integration/keys/keys-fixture';
import { callOn } from '@/test/integration/keys/key-calls';

/**
 * Issue 10 as it was reported: a dashboard process killed with kill -9 during a burst of generations and IP
 * authorizations. The burst runs in a process of its own, through the services; sendSMS (the sandbox) acts on each
 * call at once and answers two seconds later, so the kill lands after the changes and before their answers. One
 * resolve later, every change that reached sendSMS has its row and its audit row, naming the person who asked.
 */

const root = path.resolve(__dirname, '../../..');
const BUDGET = { limit: 500, windowMs: 61_000 };
const world = keysWorld({ schema: 'sandbox_crash', budget: BUDGET });

describe('kill -9 during a burst of generations and IP authorizations', () => {
  it(
    'leaves no change at sendSMS without its row and its audit row after one resolve',
    { timeout: 60_000 },
    async () => {
      const account = await createTestAccount(world.prisma, world.sandbox);
      const size = 6;
      const targets = [];
      for (let index = 0; index < size; index += 1) {
        targets.push(
          (
            await generateApiKey(
              serviceDeps(world.prisma, { budget: BUDGET }),
              callOn(account),
              defaultKey(`Server ${index}`),
            )
          ).key,
        );
      }
      await world.sandbox.control.setFaults(account.username, { slowMs: 2_000 });

      const orders = {
        databaseUrl: testDatabaseUrl(),
        accountId: account.accountId,
        actor: account.admin,
        budget: BUDGET,
        generate: targets.map((_, index) => `Burst ${index}`),
        authorize: targets.map((target, index) => ({ keyId: target.id, ip: `198.51.100.${index + 10}` })),
      };
      const burst = spawn(
        process.execPath,
        ['--conditions=react-server', '--import', 'tsx', 'test/integration/keys/support/burst-process.ts'],
        {
          cwd: root,
          env: { ...process.env, BURST: JSON.stringify(orders) },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      burst.stdout.on('data', (chunk) => (output += chunk));
      burst.stderr.on('data', (chunk) => (output += chunk));
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        burst.on('exit', (_code, signal) => resolve(signal)),
      );

      // Every intent committed, and a moment for the last calls to leave: then the kill, well before any answer.
      const deadline = Date.now() + 30_000;
      while (
        (await world.prisma.upstreamChange.count({ where: { accountId: account.accountId, state: 'OPEN' } })) <
        2 * size
      ) {
        if (Date.now() > deadline || burst.exitCode !== null) throw new Error(`the burst never got going:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      burst.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      await world.sandbox.control.setFaults(account.username, {});

      const atSendsms = (await world.sandbox.control.account(account.username))!.keys;
      const keysMade = atSendsms.filter((key) => key.name.startsWith('Burst'));
      const ipsAdded = atSendsms.flatMap((key) => key.ips.filter((ip) => ip.startsWith('198.51.100.')));
      const open = await unsettledChangeCount(world.prisma, account.accountId);
      const before =
        (await world.prisma.apiKey.count({ where: { accountId: account.accountId, name: { startsWith: 'Burst' } } })) +
        (await world.prisma.keyIp.count({
          where: { address: { startsWith: '198.51.100.' }, key: { accountId: account.accountId } },
        }));

      const report = await resolveOpenIntents(serviceDeps(world.prisma, { budget: BUDGET }), {
        accountId: account.accountId,
        openGraceMs: 0,
        unknownGraceMs: 0,
      });
      expect(report).toMatchObject({ claimed: open, deferred: 0, skipped: 0 });

      const rows = await world.prisma.apiKey.findMany({
        where: { accountId: account.accountId, name: { startsWith: 'Burst' } },
      });
      const ipRows = await world.prisma.keyIp.findMany({
        where: { address: { startsWith: '198.51.100.' }, key: { accountId: account.accountId } },
      });
      expect(rows.map((row) => row.name).sort()).toEqual(keysMade.map((key) => key.name).sort());
      expect(ipRows.map((row) => row.address).sort()).toEqual([...ipsAdded].sort());
      const audit = await world.prisma.auditEvent.findMany({
        where: {
          accountId: account.accountId,
          action: { in: ['key.generate', 'ip.authorize'] },
          outcome: 'success',
          actorEmail: account.admin.email,
        },
      });
      const auditedKeys = new Set(audit.filter((event) => event.action === 'key.generate').map((event) => event.keyId));
      const auditedIps = new Set(
        audit.filter((event) => event.action === 'ip.authorize').map((event) => (event.params as { ip?: string }).ip),
      );
      const withoutAudit =
        rows.filter((row) => !auditedKeys.has(row.id)).length + ipsAdded.filter((ip) => !auditedIps.has(ip)).length;
      expect(withoutAudit).toBe(0);
      // A key whose answer the killed process never had was shown to nobody.
      const readBack = await world.prisma.upstreamChange.findMany({
        where: { accountId: account.accountId, action: 'TOKEN_GENERATE', resolvedBy: 'read-back', state: 'SUCCEEDED' },
      });
      expect(
        rows
          .filter((row) => readBack.some((change) => change.keyId === row.id))
          .every((row) => row.secretUnseenAt !== null),
      ).toBe(true);
      expect(await unsettledChangeCount(world.prisma, account.accountId)).toBe(0);
      console.log(
        `kill -9 mid-burst: ${keysMade.length + ipsAdded.length} changes at sendSMS (${keysMade.length} keys, ${ipsAdded.length} IPs), ${keysMade.length + ipsAdded.length - before} of them without a row before the resolve, ${withoutAudit} without their row and audit row after one resolve`,
      );
    },
  );
});
