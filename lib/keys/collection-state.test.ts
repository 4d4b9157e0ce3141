import { describe, expect, it } from 'vitest';
import {
  COLLECTION_LOST_AFTER_MS,
  MAX_BACKOFF_MS,
  USAGE_CADENCE_MS,
  backoffAfter,
  collectionRunning,
  recordCollectionOutcome,
  type CollectionState,
} from '@/lib/keys/collection-state';
import type { Db } from '@/lib/keys/repository';

const MINUTE = 60_000;

describe('backoffAfter', () => {
  it('waits 1, 2, 4, 8 … minutes after 1, 2, 3, 4 … failures in a row', () => {
    expect([1, 2, 3, 4, 5, 6].map(backoffAfter)).toEqual([1, 2, 4, 8, 16, 32].map((minutes) => minutes * MINUTE));
  });

  it('never waits longer than an hour', () => {
    expect(MAX_BACKOFF_MS).toBe(60 * MINUTE);
    // 2^6 = 64 minutes would be the seventh wait: capped.
    expect(backoffAfter(7)).toBe(60 * MINUTE);
    expect(backoffAfter(8)).toBe(60 * MINUTE);
    expect(backoffAfter(20)).toBe(60 * MINUTE);
  });

  it('stays a finite hour however many failures are counted', () => {
    expect(backoffAfter(1_000)).toBe(60 * MINUTE);
    expect(backoffAfter(Number.MAX_SAFE_INTEGER)).toBe(60 * MINUTE);
  });

  it('grows with every failure until the cap, never shrinks', () => {
    let previous = 0;
    for (let failures = 1; failures <= 30; failures += 1) {
      const wait = backoffAfter(failures);
      expect(wait).toBeGreaterThanOrEqual(previous);
      expect(wait).toBeLessThanOrEqual(MAX_BACKOFF_MS);
      previous = wait;
    }
  });

  it('waits the first step (one minute) for a count below one', () => {
    expect(backoffAfter(0)).toBe(MINUTE);
    expect(backoffAfter(-3)).toBe(MINUTE);
  });
});

describe('collectionRunning', () => {
  const now = new Date('2026-12-05T12:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const state = (values: Partial<CollectionState>): CollectionState => ({
    accountId: 'account-1',
    nextRunAt: now,
    lastStartedAt: null,
    lastFinishedAt: null,
    lastSucceededAt: null,
    lastUsageAt: null,
    failureCount: 0,
    lastProblem: null,
    lastUpstreamStatus: null,
    ...values,
  });

  it('is false for an account never collected', () => {
    expect(collectionRunning(null, now)).toBe(false);
    expect(collectionRunning(state({}), now)).toBe(false);
  });

  it('is true from the start of a collection until it finishes', () => {
    expect(collectionRunning(state({ lastStartedAt: ago(5_000) }), now)).toBe(true);
    // Finished before this start: a new collection is running.
    expect(collectionRunning(state({ lastStartedAt: ago(5_000), lastFinishedAt: ago(3 * MINUTE) }), now)).toBe(true);
  });

  it('is false once the collection started last has finished', () => {
    expect(collectionRunning(state({ lastStartedAt: ago(5_000), lastFinishedAt: ago(1_000) }), now)).toBe(false);
    // Started and finished in the same millisecond.
    expect(collectionRunning(state({ lastStartedAt: ago(5_000), lastFinishedAt: ago(5_000) }), now)).toBe(false);
  });

  it('is false for a collection left unfinished longer than a process could take (lost with it)', () => {
    expect(collectionRunning(state({ lastStartedAt: ago(COLLECTION_LOST_AFTER_MS - 1) }), now)).toBe(true);
    expect(collectionRunning(state({ lastStartedAt: ago(COLLECTION_LOST_AFTER_MS) }), now)).toBe(false);
    expect(collectionRunning(state({ lastStartedAt: ago(60 * MINUTE) }), now)).toBe(false);
  });
});

/**
 * recordCollectionOutcome against a stand-in for the one table it touches (no database): what it writes, and when it
 * says the next collection is due.
 */
describe('recordCollectionOutcome', () => {
  type Row = Record<string, unknown> & { accountId: string; failureCount: number };
  function fakeDb(initial: Row[] = []) {
    const rows = new Map(initial.map((row) => [row.accountId, { ...row }]));
    const accountCollection = {
      findUnique: async ({ where }: { where: { accountId: string } }) => rows.get(where.accountId) ?? null,
      upsert: async ({
        where,
        create,
        update,
      }: {
        where: { accountId: string };
        create: Partial<Row> & { accountId: string };
        update: Partial<Row>;
      }) => {
        const known = rows.get(where.accountId);
        const row = known ? { ...known, ...update } : { ...create, failureCount: create.failureCount ?? 0 };
        rows.set(where.accountId, row as Row);
        return row;
      },
    };
    return { db: { accountCollection } as unknown as Db, rows };
  }

  const at = new Date('2026-12-05T12:00:00Z');
  const after = (ms: number) => new Date(at.getTime() + ms);
  const ok = { at, usageAnswered: true, problem: null, continueAfterMs: null };
  const failed = { ...ok, usageAnswered: false, problem: { message: 'sendSMS is down', upstreamStatus: -16 } };

  it('after a success: due a cadence later, failures cleared, usage time written', async () => {
    const { db, rows } = fakeDb([
      { accountId: 'a', failureCount: 3, lastProblem: 'old', lastUpstreamStatus: -16, lastUsageAt: null },
    ]);
    await recordCollectionOutcome(db, 'a', ok);
    expect(rows.get('a')).toMatchObject({
      failureCount: 0,
      lastProblem: null,
      lastUpstreamStatus: null,
      lastFinishedAt: at,
      lastSucceededAt: at,
      lastUsageAt: at,
      nextRunAt: after(USAGE_CADENCE_MS),
    });
  });

  it('after a success with work left for the budget: due when the budget frees, not a cadence later', async () => {
    const { db, rows } = fakeDb();
    await recordCollectionOutcome(db, 'a', { ...ok, continueAfterMs: 42_000 });
    expect(rows.get('a')?.nextRunAt).toEqual(after(42_000));
    await recordCollectionOutcome(db, 'a', { ...ok, continueAfterMs: 0 });
    expect(rows.get('a')?.nextRunAt).toEqual(at);
  });

  it('keeps the last usage time when token_list was not asked (IP lists only)', async () => {
    const earlier = new Date('2026-12-05T11:59:00Z');
    const { db, rows } = fakeDb([{ accountId: 'a', failureCount: 0, lastUsageAt: earlier }]);
    await recordCollectionOutcome(db, 'a', { ...ok, usageAnswered: false });
    expect(rows.get('a')?.lastUsageAt).toEqual(earlier);
    expect(rows.get('a')?.lastSucceededAt).toEqual(at);
  });

  it('after an IP-only continuation: usage stays due a cadence after its last fetch, not a cadence after now', async () => {
    const earlier = new Date(at.getTime() - 90_000);
    const { db, rows } = fakeDb([{ accountId: 'a', failureCount: 0, lastUsageAt: earlier }]);
    await recordCollectionOutcome(db, 'a', { ...ok, usageAnswered: false });
    expect(rows.get('a')?.nextRunAt).toEqual(new Date(earlier.getTime() + USAGE_CADENCE_MS));
    // Work still waiting for the budget sooner than that: it comes first.
    await recordCollectionOutcome(db, 'a', { ...ok, usageAnswered: false, continueAfterMs: 5_000 });
    expect(rows.get('a')?.nextRunAt).toEqual(after(5_000));
    // Usage overdue: due at once.
    const longAgo = new Date(at.getTime() - 10 * MINUTE);
    const overdue = fakeDb([{ accountId: 'b', failureCount: 0, lastUsageAt: longAgo }]);
    await recordCollectionOutcome(overdue.db, 'b', { ...ok, usageAnswered: false, continueAfterMs: 60_000 });
    expect(overdue.rows.get('b')?.nextRunAt).toEqual(new Date(longAgo.getTime() + USAGE_CADENCE_MS));
  });

  it('after failures in a row: counts them and backs off 1, 2, 4 minutes', async () => {
    const { db, rows } = fakeDb();
    const waits: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await recordCollectionOutcome(db, 'a', failed);
      waits.push((rows.get('a')?.nextRunAt as Date).getTime() - at.getTime());
    }
    expect(waits).toEqual([1, 2, 4].map((minutes) => minutes * MINUTE));
    expect(rows.get('a')).toMatchObject({
      failureCount: 3,
      lastProblem: 'sendSMS is down',
      lastUpstreamStatus: -16,
      lastFinishedAt: at,
    });
    // A failure does not claim a success nor a usage answer.
    expect(rows.get('a')?.lastSucceededAt).toBeUndefined();
    expect(rows.get('a')?.lastUsageAt).toBeUndefined();
  });

  it('a success after failures ends the back-off', async () => {
    const { db, rows } = fakeDb();
    await recordCollectionOutcome(db, 'a', failed);
    await recordCollectionOutcome(db, 'a', failed);
    await recordCollectionOutcome(db, 'a', ok);
    expect(rows.get('a')).toMatchObject({ failureCount: 0, lastProblem: null, nextRunAt: after(USAGE_CADENCE_MS) });
    await recordCollectionOutcome(db, 'a', failed);
    expect(rows.get('a')).toMatchObject({ failureCount: 1, nextRunAt: after(MINUTE) });
  });
});
