import { describe, expect, it } from 'vitest';
import { REPLACEMENT } from '@/lib/db/storable';
import { parseEnvelope } from '@/lib/sendsms/envelope';

describe('parseEnvelope keeps only what PostgreSQL can store', () => {
  it('turns a NUL and lone surrogates in an answer into U+FFFD, at any depth', () => {
    const body = '{"status":0,"message":"ok\\u0000","details":[{"name":"key\\u0000","token":"\\ud800abc"}]}';
    expect(parseEnvelope('token_list', 200, body, () => body)).toEqual({
      status: 0,
      message: `ok${REPLACEMENT}`,
      details: [{ name: `key${REPLACEMENT}`, token: `${REPLACEMENT}abc` }],
    });
  });

  it('leaves an ordinary answer as it is', () => {
    const body = '{"status":0,"message":"Mesaj trimis: ăîșț 📱","details":{"balance":"12.5"}}';
    expect(parseEnvelope('user_get_balance', 200, body, () => body)).toEqual({
      status: 0,
      message: 'Mesaj trimis: ăîșț 📱',
      details: { balance: '12.5' },
    });
  });
});
