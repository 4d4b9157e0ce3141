import { describe, expect, it } from 'vitest';
import { checkHealth } from '@/lib/health/health';

const base = { upstreamUrl: 'http://127.0.0.1:4010/json', version: '1.2.3' };

describe('checkHealth', () => {
  it('answers 200 when the database and sendSMS answer', async () => {
    const { httpStatus, report } = await checkHealth({
      ...base,
      checkDatabase: async () => {},
      pingUpstream: async () => ({ state: 'ok', latencyMs: 3 }),
    });
    expect(httpStatus).toBe(200);
    expect(report).toEqual({
      status: 'ok',
      db: 'ok',
      upstream: { state: 'ok', latencyMs: 3, url: base.upstreamUrl },
      version: '1.2.3',
      down: [],
    });
  });

  it('answers 503 naming the database when it is down', async () => {
    const { httpStatus, report } = await checkHealth({
      ...base,
      checkDatabase: async () => Promise.reject(new Error('ECONNREFUSED')),
      pingUpstream: async () => ({ state: 'ok', latencyMs: 3 }),
    });
    expect(httpStatus).toBe(503);
    expect(report.status).toBe('down');
    expect(report.db).toBe('down');
    expect(report.down).toEqual(['db']);
  });

  it('stays 200 but degraded when only sendSMS is down, naming it', async () => {
    const { httpStatus, report } = await checkHealth({
      ...base,
      checkDatabase: async () => {},
      pingUpstream: async () => ({ state: 'down', reason: 'no answer within 3000 ms' }),
    });
    expect(httpStatus).toBe(200);
    expect(report.status).toBe('degraded');
    expect(report.down).toEqual(['upstream']);
    expect(report.upstream).toEqual({ state: 'down', reason: 'no answer within 3000 ms', url: base.upstreamUrl });
  });
});
