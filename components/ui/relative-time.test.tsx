import { describe, expect, it } from 'vitest';

import { renderWithIntl } from '@/test/support/with-intl';
import { RelativeTime, TimeWithExact } from './relative-time';

const WHEN = '2026-03-12T10:00:00.000Z';
const NOW = new Date('2026-03-12T10:03:00.000Z');

describe('RelativeTime', () => {
  it('says how long ago, with the exact time in the text for screen readers, and takes no Tab stop', () => {
    const html = renderWithIntl(<TimeWithExact date={WHEN} now={NOW} prefix="locked since " />);
    expect(html).toContain(`<time dateTime="${WHEN}"`);
    expect(html).toContain('locked since 3 minutes ago<span class="sr-only"> (Mar 12, 2026, 10:00:00 UTC)</span>');
    expect(html).not.toContain('tabindex');
  });

  it('shows the exact time until the browser knows "now", and the fallback without a date', () => {
    expect(renderWithIntl(<RelativeTime date={WHEN} />)).toContain('>Mar 12, 2026, 10:00:00 UTC</time>');
    expect(renderWithIntl(<RelativeTime date={null} fallback="never fetched" />)).toContain('never fetched');
    expect(renderWithIntl(<RelativeTime date={null} />)).toContain('never');
  });

  it('speaks Romanian, with Romanian dates', () => {
    const html = renderWithIntl(<TimeWithExact date={WHEN} now={NOW} />, 'ro');
    expect(html).toContain('acum 3 minute');
    expect(html).toContain('12 mar. 2026, 10:00:00 UTC');
    expect(renderWithIntl(<RelativeTime date={null} />, 'ro')).toContain('niciodată');
  });
});
