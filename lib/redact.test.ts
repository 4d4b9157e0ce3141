import { describe, expect, it } from 'vitest';
import { redact } from '@/lib/redact';

describe('redact', () => {
  it.each([
    [
      'https://api.sendsms.ro/json?action=user_get_balance&username=shop&password=s3cr3t',
      'https://api.sendsms.ro/json?action=user_get_balance&username=shop&password=***',
    ],
    [
      'GET /json?action=token_add_ip&password=acc&token=0123abcd&ipaddr=1.2.3.4',
      'GET /json?action=token_add_ip&password=***&token=***&ipaddr=1.2.3.4',
    ],
    ['postgresql://postgres:pa%24%24@127.0.0.1:54329/db', 'postgresql://postgres:***@127.0.0.1:54329/db'],
    ['connect ECONNREFUSED 127.0.0.1:5432', 'connect ECONNREFUSED 127.0.0.1:5432'],
  ])('masks the secrets in %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });
});
