import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { apiErrorOf } from './api-client';
import { FormError } from './form-error';

const refused = apiErrorOf(422, {
  error: 'refused',
  message: 'sendSMS refused these credentials',
  field: 'credential',
});
const throttled = apiErrorOf(429, { error: 'throttled', message: 'Wait a minute, then try again.' });

describe('FormError', () => {
  it("shows the server's sentence as the form's alert when no field of the form is named", () => {
    expect(renderToStaticMarkup(<FormError error={throttled} fields={['name']} />)).toContain('role="alert"');
    expect(renderToStaticMarkup(<FormError error={throttled} fields={['name']} />)).toContain(
      'Wait a minute, then try again.',
    );
  });

  it('stays out of the way when the sentence is shown beside its field', () => {
    expect(renderToStaticMarkup(<FormError error={refused} fields={['label', 'credential']} />)).toBe('');
    expect(renderToStaticMarkup(<FormError error={refused} fields={['label']} />)).toContain(
      'sendSMS refused these credentials',
    );
  });

  it('shows nothing without an error, and a plain string as it is', () => {
    expect(renderToStaticMarkup(<FormError error={null} />)).toBe('');
    expect(renderToStaticMarkup(<FormError error="The email or password is not right." />)).toContain(
      'The email or password is not right.',
    );
  });
});
