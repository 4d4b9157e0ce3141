import { expect, test } from '@playwright/test';
import { SANDBOX_API_URL } from './fixtures/sandbox';

test('the health endpoint reports the database, sendSMS and the version', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('no-store');
  const body = await response.json();
  expect(body.db).toBe('ok');
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  // The embedded default starts the bundled sandbox and talks to it.
  expect(body.upstream).toMatchObject({ state: 'ok', url: SANDBOX_API_URL });
  expect(body.status).toBe('ok');
  expect(body.down).toEqual([]);
});
