import { describe, expect, it } from 'vitest';
import { previewRequest } from '@/lib/request-builder/request-preview';

const base = { baseUrl: 'https://api.sendsms.ro/json', username: 'shop' };

describe('previewRequest', () => {
  it('shows token_add_ip in the account form with both secrets as placeholders', () => {
    const preview = previewRequest({
      ...base,
      action: 'token_add_ip',
      form: 'account',
      params: { ipaddr: '198.51.100.20' },
    });
    expect(preview.url).toBe(
      'https://api.sendsms.ro/json?action=token_add_ip&username=shop&password=<PASSWORD_OR_API_KEY>&token=<API_KEY>&ipaddr=198.51.100.20',
    );
    expect(preview.curl).toBe(`curl --get '${preview.url}'`);
  });

  it('shows the key form with the key as the password', () => {
    expect(previewRequest({ ...base, action: 'token_list_ips', form: 'key', params: {} }).url).toBe(
      'https://api.sendsms.ro/json?action=token_list_ips&username=shop&password=<API_KEY>',
    );
  });

  it('sends no credentials for ping and encodes every value', () => {
    expect(previewRequest({ ...base, action: 'ping', form: null, params: {} }).url).toBe(
      'https://api.sendsms.ro/json?action=ping',
    );
    expect(
      previewRequest({ ...base, username: "o'neil & co", action: 'user_get_balance', form: null, params: {} }).curl,
    ).toBe(
      "curl --get 'https://api.sendsms.ro/json?action=user_get_balance&username=o'\\''neil%20%26%20co&password=<PASSWORD_OR_API_KEY>'",
    );
  });
});
