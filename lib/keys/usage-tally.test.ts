import { describe, expect, it } from 'vitest';
import { addUses, dayStart, hourStart, usesBetween } from '@/lib/keys/usage-tally';

describe('hourStart', () => {
  it('is the start of the UTC hour the time falls in', () => {
    expect(hourStart(new Date('2026-12-05T13:47:12.345Z'))).toEqual(new Date('2026-12-05T13:00:00.000Z'));
  });

  it('keeps a time already on the hour, and puts the last millisecond of an hour in that hour', () => {
    expect(hourStart(new Date('2026-12-05T13:00:00.000Z'))).toEqual(new Date('2026-12-05T13:00:00.000Z'));
    expect(hourStart(new Date('2026-12-05T13:59:59.999Z'))).toEqual(new Date('2026-12-05T13:00:00.000Z'));
  });

  it('counts in UTC whatever the offset the time was written with (half-hour zones included)', () => {
    // 10:15 in India (UTC+05:30) is 04:45 UTC: the hour is 04:00 UTC, not 10:00 local nor 04:30.
    expect(hourStart(new Date('2026-12-05T10:15:00+05:30'))).toEqual(new Date('2026-12-05T04:00:00.000Z'));
  });
});

describe('dayStart', () => {
  it('is UTC midnight of the day the time falls in', () => {
    expect(dayStart(new Date('2026-12-05T13:47:12.345Z'))).toEqual(new Date('2026-12-05T00:00:00.000Z'));
    expect(dayStart(new Date('2026-12-05T00:00:00.000Z'))).toEqual(new Date('2026-12-05T00:00:00.000Z'));
    expect(dayStart(new Date('2026-12-05T23:59:59.999Z'))).toEqual(new Date('2026-12-05T00:00:00.000Z'));
  });

  it('is the UTC day, not the local one', () => {
    // Late evening in New York (UTC-05:00) is already the next UTC day.
    expect(dayStart(new Date('2026-12-05T22:30:00-05:00'))).toEqual(new Date('2026-12-06T00:00:00.000Z'));
    // Early morning in Tokyo (UTC+09:00) is still the previous UTC day.
    expect(dayStart(new Date('2026-12-06T08:00:00+09:00'))).toEqual(new Date('2026-12-05T00:00:00.000Z'));
  });

  it('handles month, year and leap-day boundaries', () => {
    expect(dayStart(new Date('2028-02-29T23:00:00Z'))).toEqual(new Date('2028-02-29T00:00:00.000Z'));
    expect(dayStart(new Date('2026-12-31T23:59:59Z'))).toEqual(new Date('2026-12-31T00:00:00.000Z'));
    expect(dayStart(new Date('2027-01-01T00:00:01Z'))).toEqual(new Date('2027-01-01T00:00:00.000Z'));
  });

  it('puts every hour of a day in that day', () => {
    for (let hour = 0; hour < 24; hour += 1) {
      const at = new Date(Date.UTC(2026, 11, 5, hour, 30));
      expect(dayStart(hourStart(at))).toEqual(new Date('2026-12-05T00:00:00.000Z'));
    }
  });
});

describe('usesBetween', () => {
  it('is how much the count grew', () => {
    expect(usesBetween(10, 15)).toBe(5);
    expect(usesBetween(0, 1)).toBe(1);
    expect(usesBetween(7, 7)).toBe(0);
  });

  it('makes up no uses when the count went down (sendSMS started counting again)', () => {
    expect(usesBetween(15, 3)).toBe(0);
    expect(usesBetween(15, 0)).toBe(0);
  });

  it('counts from the lower count on after a reset: the new count is the baseline', () => {
    // 15, reset to 3, then 8: only the 5 uses after the reset are counted once they are seen.
    const counts = [15, 3, 8];
    const total = counts.slice(1).reduce((sum, count, index) => sum + usesBetween(counts[index]!, count), 0);
    expect(total).toBe(5);
  });

  it('counts nothing when either count is unknown', () => {
    expect(usesBetween(null, 12)).toBe(0);
    expect(usesBetween(12, null)).toBe(0);
    expect(usesBetween(null, null)).toBe(0);
  });
});

describe('addUses', () => {
  /** A stand-in for the two tables it writes, recording the calls (no database). */
  function recordingDb() {
    const calls: Array<{ table: string; args: unknown }> = [];
    const table = (name: string) => ({
      upsert: async (args: unknown) => {
        calls.push({ table: name, args });
        return {};
      },
    });
    return { db: { usageHour: table('usageHour'), usageDay: table('usageDay') } as never, calls };
  }
  const key = { keyId: 'key-1', accountId: 'account-1' };

  it('adds the uses to the key’s UTC hour and UTC day', async () => {
    const { db, calls } = recordingDb();
    await addUses(db, key, 4, new Date('2026-12-05T22:30:00-05:00'));
    expect(calls).toEqual([
      {
        table: 'usageHour',
        args: {
          where: { keyId_startsAt: { keyId: 'key-1', startsAt: new Date('2026-12-06T03:00:00Z') } },
          create: { ...key, startsAt: new Date('2026-12-06T03:00:00Z'), uses: 4 },
          update: { uses: { increment: 4 } },
        },
      },
      {
        table: 'usageDay',
        args: {
          where: { keyId_day: { keyId: 'key-1', day: new Date('2026-12-06T00:00:00Z') } },
          create: { ...key, day: new Date('2026-12-06T00:00:00Z'), uses: 4 },
          update: { uses: { increment: 4 } },
        },
      },
    ]);
  });

  it('writes nothing for no uses (or a negative number)', async () => {
    const { db, calls } = recordingDb();
    await addUses(db, key, 0, new Date());
    await addUses(db, key, -2, new Date());
    expect(calls).toEqual([]);
  });
});
