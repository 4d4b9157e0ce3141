import { describe, expect, it } from 'vitest';
import { ACTION_NAMES } from '@/lib/sendsms/actions';
import { createProtocol } from '@/lib/sendsms/sandbox/protocol';
import { createRateLimiter } from '@/lib/sendsms/sandbox/rate-limit';
import type { SandboxStore } from '@/lib/sendsms/sandbox/store';

describe('the sandbox protocol', () => {
  it('implements every action of the client registry, the assumed ones included', () => {
    const protocol = createProtocol({
      store: {} as SandboxStore,
      limiter: createRateLimiter(null),
      publicUrl: () => '',
    });
    expect([...protocol.actionNames].sort()).toEqual([...ACTION_NAMES].sort());
  });

  it('answers -1 and -2 before touching its state', async () => {
    const protocol = createProtocol({
      store: {} as SandboxStore,
      limiter: createRateLimiter(null),
      publicUrl: () => '',
    });
    expect(await protocol.answer(new URLSearchParams(''), '127.0.0.1')).toMatchObject({ envelope: { status: -1 } });
    expect(await protocol.answer(new URLSearchParams('action=sms_send_everything'), '127.0.0.1')).toMatchObject({
      envelope: { status: -2 },
    });
  });
});
