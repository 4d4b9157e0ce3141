import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import type { BuilderHistoryEntry } from '@/lib/request-builder/history';
import { BuilderHistory } from './builder-history';

const READ_ONLY = 'Support staff cannot run requests that change a key';

const entry = (change: Partial<BuilderHistoryEntry>): BuilderHistoryEntry => ({
  id: '1',
  occurredAt: '2026-03-12T10:00:00.000Z',
  actorEmail: 'admin@demo.local',
  accountId: 'shop',
  accountLabel: 'Demo shop',
  keyId: 'key',
  keyName: 'Website orders',
  action: 'token_add_ip',
  params: { ipaddr: '198.51.100.30' },
  sendAs: 'account',
  outcome: 'success',
  upstreamStatus: 0,
  failure: null,
  runAgainDenied: null,
  ...change,
});

const render = (entries: BuilderHistoryEntry[]) =>
  renderToStaticMarkup(
    <BuilderHistory
      entries={entries}
      onRunAgain={() => undefined}
      runAgainDenied={(listed) => listed.runAgainDenied}
    />,
  );

/** The <tr> of the table body holding `text`. */
const rowWith = (html: string, text: string) =>
  [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((match) => match[1]!).find((row) => row.includes(text)) ?? '';

describe('BuilderHistory', () => {
  it('lists failed runs with their status, or why they have none', () => {
    const html = render([
      entry({ id: '1', outcome: 'failure', upstreamStatus: -8 }),
      entry({ id: '2', action: 'user_get_balance', outcome: 'failure', upstreamStatus: null, failure: 'budget' }),
      entry({ id: '3', action: 'ping', outcome: 'failure', upstreamStatus: null, failure: 'timeout' }),
    ]);
    expect(html).toContain('status -8');
    expect(rowWith(html, 'user_get_balance')).toContain('refused: query budget spent');
    expect(rowWith(html, '>ping<')).toContain('no answer in time');
  });

  it('disables Run again of a request the user may not run, with the reason as text the button is described by', () => {
    const html = rowWith(render([entry({ runAgainDenied: READ_ONLY })]), 'Run again');
    const reasonId = new RegExp(`<span id="([^"]+)"[^>]*>${READ_ONLY}</span>`).exec(html)?.[1];
    expect(reasonId).toBeTruthy();
    expect(html).toMatch(new RegExp(`<button[^>]*disabled=""[^>]*aria-describedby="${reasonId}"[^>]*>Run again`));
  });

  it('offers Run again when the user may run it', () => {
    const html = rowWith(render([entry({ action: 'token_list_ips', params: {} })]), 'Run again');
    expect(html).not.toContain('disabled=""');
    expect(html).not.toContain(READ_ONLY);
  });
});
