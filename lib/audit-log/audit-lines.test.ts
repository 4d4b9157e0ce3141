import { describe, expect, it } from 'vitest';
import { mergeNewestFirst } from '@/lib/audit-log/audit-lines';
import { auditRow } from '@/lib/audit-log/test-support/audit-row';

const minute = (at: string, sourceIp = '203.0.113.9') => ({
  sourceIp,
  minute: at,
  count: 2,
  firstPath: '/api/users',
  lastPath: '/api/users',
});

describe('the lines of the audit log', () => {
  it('merge events and minutes of refusals newest first, an event before the minute it fell in', () => {
    const lines = mergeNewestFirst(
      [
        auditRow({ id: '3', occurredAt: '2026-11-22T10:05:30.000Z' }),
        auditRow({ id: '2', occurredAt: '2026-11-22T10:03:00.000Z' }),
        auditRow({ id: '1', occurredAt: '2026-11-22T10:01:00.000Z' }),
      ],
      [minute('2026-11-22T10:06:00.000Z'), minute('2026-11-22T10:03:00.000Z'), minute('2026-11-22T10:00:00.000Z')],
      'en',
    );
    expect(lines.map((line) => line.key)).toEqual([
      'refusals-203.0.113.9-2026-11-22T10:06:00.000Z',
      'event-3',
      'event-2',
      'refusals-203.0.113.9-2026-11-22T10:03:00.000Z',
      'event-1',
      'refusals-203.0.113.9-2026-11-22T10:00:00.000Z',
    ]);
    expect(lines[0]).toMatchObject({
      kind: 'anonymous_refusals',
      outcome: 'denied',
      sentence: '2 refused requests without a session from 203.0.113.9 in this minute',
      ids: [],
    });
    expect(lines[1]).toMatchObject({
      kind: 'event',
      sentence: 'Ada Admin authorized 198.51.100.20 on "API Key Test" (Demo shop)',
      outcome: 'success',
    });
  });

  it('keep either list whole when the other is empty', () => {
    expect(mergeNewestFirst([auditRow()], [], 'en')).toHaveLength(1);
    expect(
      mergeNewestFirst([], [minute('2026-11-22T10:00:00.000Z'), minute('2026-11-22T09:00:00.000Z')], 'en'),
    ).toHaveLength(2);
  });
});
