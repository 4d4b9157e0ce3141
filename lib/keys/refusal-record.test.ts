import { describe, expect, it } from 'vitest';
import { refusalWrite } from '@/lib/keys/refusal-record';

const at = new Date('2026-12-06T10:00:00Z');
const minutesAgo = (minutes: number) => new Date(at.getTime() - minutes * 60_000);

describe('refusalWrite', () => {
  it('takes the per-address list as the record when sendSMS gives one', () => {
    const write = refusalWrite(
      { refusedCount: 1, lastRefusedAt: minutesAgo(30) },
      {
        refusedCount: 5,
        lastRefusedIp: '198.51.100.20',
        lastRefusedAt: minutesAgo(1),
        refusals: [
          { address: '198.51.100.20', firstAt: minutesAgo(40), lastAt: minutesAgo(1), count: 4 },
          { address: '192.0.2.9', firstAt: null, lastAt: minutesAgo(20), count: null },
        ],
      },
      at,
    );
    expect(write).toEqual({
      replace: [
        { address: '198.51.100.20', firstAt: minutesAgo(40), lastAt: minutesAgo(1), count: 4 },
        { address: '192.0.2.9', firstAt: minutesAgo(20), lastAt: minutesAgo(20), count: 1 },
      ],
    });
  });

  it('puts the growth of the count on the last address when only that is reported', () => {
    const write = refusalWrite(
      { refusedCount: 2, lastRefusedAt: minutesAgo(10) },
      { refusedCount: 5, lastRefusedIp: '198.51.100.20', lastRefusedAt: minutesAgo(1) },
      at,
    );
    expect(write).toEqual({
      add: { address: '198.51.100.20', firstAt: minutesAgo(1), lastAt: minutesAgo(1), count: 3 },
    });
  });

  it('writes nothing when no refusal is newer than the last one recorded', () => {
    expect(
      refusalWrite(
        { refusedCount: 5, lastRefusedAt: minutesAgo(1) },
        { refusedCount: 5, lastRefusedIp: '198.51.100.20', lastRefusedAt: minutesAgo(1) },
        at,
      ),
    ).toBeNull();
    expect(
      refusalWrite(
        { refusedCount: null, lastRefusedAt: null },
        { refusedCount: 0, lastRefusedIp: null, lastRefusedAt: null },
        at,
      ),
    ).toBeNull();
  });

  it('counts the whole reported total on the first sight of a refusal, at least one', () => {
    expect(
      refusalWrite(
        { refusedCount: null, lastRefusedAt: null },
        { refusedCount: 7, lastRefusedIp: '198.51.100.20', lastRefusedAt: minutesAgo(1) },
        at,
      ),
    ).toMatchObject({ add: { count: 7 } });
    expect(
      refusalWrite(
        { refusedCount: 3, lastRefusedAt: minutesAgo(9) },
        { refusedCount: null, lastRefusedIp: '198.51.100.20', lastRefusedAt: minutesAgo(1) },
        at,
      ),
    ).toMatchObject({ add: { count: 1 } });
  });
});
