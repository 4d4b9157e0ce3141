import { expect, test } from '@playwright/test';

test('the health endpoint reports the database, sendSMS and the version', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('no-store');
  const body = await response.json();
  expect(body.db).toBe('ok');
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(body.upstream.url).toBe('http://127.0.0.1:4110/json');
  expect(['ok', 'down']).toContain(body.upstream.state);
});
