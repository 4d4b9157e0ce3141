import { afterAll, beforeAll } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { RunningSandbox, SandboxOptions } from '@/lib/sendsms/sandbox/server';
import { startTestSandbox } from '@/test/integration/sendsms/sandbox-fixture';
import { testPrisma } from '@/test/integration/support/database';

/** A test file's sendSMS sandbox and database client. */
export interface SandboxWorld {
  readonly sandbox: RunningSandbox;
  readonly prisma: PrismaClient;
}

/**
 * Starts the file's sandbox and client before its first test and stops them after its last. Read them inside tests
 * and hooks only: at the top of the file they do not exist yet.
 */
export function sandboxWorld(options: Partial<SandboxOptions> = {}): SandboxWorld {
  let sandbox: RunningSandbox | undefined;
  let prisma: PrismaClient | undefined;
  beforeAll(async () => {
    sandbox = await startTestSandbox(options);
    prisma = testPrisma();
  });
  afterAll(async () => {
    await sandbox?.stop();
    await prisma?.$disconnect();
  });
  return {
    get sandbox() {
      return started(sandbox, 'sandbox');
    },
    get prisma() {
      return started(prisma, 'prisma');
    },
  };
}

function started<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`The test world's ${name} is read before its beforeAll ran`);
  return value;
}
