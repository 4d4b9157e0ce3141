import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/lib/sendsms/sandbox/server';
import { startTestSandbox, wire } from '@/test/integration/sendsms/sandbox-fixture';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());

describe('the authorize_url of the three-step flow', () => {
  it('leads to a page that explains the step, without echoing the request key', async () => {
    const answer = await wire(sandbox, { action: 'user_authorize_application', application_name: 'Shop' });
    expect(answer.status).toBe(2);
    const { authorize_url: authorizeUrl, request_key: requestKey } = answer.details as {
      authorize_url: string;
      request_key: string;
    };
    const page = await fetch(authorizeUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('user_allow_token_request');
    expect(html).not.toContain(requestKey);
  });
});
