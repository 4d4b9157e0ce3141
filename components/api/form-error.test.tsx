import { afterEach, describe, expect, it, vi } from 'vitest';

import { renderWithIntl } from '@/test/support/with-intl';

import { apiErrorOf } from './api-client';
import { errorSentence, FormError } from './form-error';
import { QueryProvider } from './query-provider';

const refused = apiErrorOf(422, {
  error: 'refused',
  message: 'sendSMS refused these credentials',
  field: 'credential',
});
const throttled = apiErrorOf(429, { error: 'throttled', message: 'Wait a minute, then try again.' });

describe('FormError', () => {
  it("shows the server's sentence as the form's alert when no field of the form is named", () => {
    expect(renderWithIntl(<FormError error={throttled} fields={['name']} />)).toContain('role="alert"');
    expect(renderWithIntl(<FormError error={throttled} fields={['name']} />)).toContain(
      'Wait a minute, then try again.',
    );
  });

  it('stays out of the way when the sentence is shown beside its field', () => {
    expect(renderWithIntl(<FormError error={refused} fields={['label', 'credential']} />)).toBe('');
    expect(renderWithIntl(<FormError error={refused} fields={['label']} />)).toContain(
      'sendSMS refused these credentials',
    );
  });

  it('shows nothing without an error, and a plain string as it is', () => {
    expect(renderWithIntl(<FormError error={null} />)).toBe('');
    expect(renderWithIntl(<FormError error="The email or password is not right." />)).toContain(
      'The email or password is not right.',
    );
  });
});

describe('the words the client says itself', () => {
  afterEach(() => {
    renderWithIntl(<QueryProvider>{null}</QueryProvider>, 'en');
    vi.unstubAllGlobals();
  });

  it('are said in the reader’s language once the provider has rendered in the browser', () => {
    expect(apiErrorOf(502, null).message).toBe('The request failed (HTTP 502).');
    renderWithIntl(<QueryProvider>{null}</QueryProvider>, 'ro');
    // Not on the server, where every request shares the module.
    expect(apiErrorOf(502, null).message).toBe('The request failed (HTTP 502).');
    vi.stubGlobal('window', {});
    renderWithIntl(<QueryProvider>{null}</QueryProvider>, 'ro');
    expect(apiErrorOf(502, '<html>').message).toBe('Request-ul nu a reușit (HTTP 502).');
    expect(apiErrorOf(404, { message: 'Nu există o astfel de cheie în acest cont.' }).message).toBe(
      'Nu există o astfel de cheie în acest cont.',
    );
    expect(errorSentence(undefined)).toBe('Ceva nu a mers. Încercați din nou.');
    expect(renderWithIntl(<FormError error={{}} />, 'ro')).toContain('Ceva nu a mers. Încercați din nou.');
  });
});
