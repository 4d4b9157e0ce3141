import { describe, expect, it } from 'vitest';
import { failedRun } from '@/lib/request-builder/failed-run';

describe('failedRun', () => {
  it("keeps the server's English and Romanian when sendSMS's failure carried both", () => {
    expect(
      failedRun({
        code: 'rate-limited',
        message: 'sendSMS allows 10 queries a minute per account and this account has used them.',
        messageRo: 'sendSMS permite 10 interogări pe minut pentru fiecare cont.',
        upstreamStatus: null,
      }),
    ).toEqual({
      label: 'refused: query budget spent',
      meaning: {
        en: 'sendSMS allows 10 queries a minute per account and this account has used them.',
        ro: 'sendSMS permite 10 interogări pe minut pentru fiecare cont.',
      },
    });
  });

  it('gives the gist in Romanian when the dashboard refused in English only', () => {
    const view = failedRun({ code: 'forbidden', message: 'Support staff cannot run requests that change a key' });
    expect(view.label).toBe('refused: not allowed');
    expect(view.meaning.en).toBe('Support staff cannot run requests that change a key');
    expect(view.meaning.ro).toMatch(/Rolul dumneavoastră nu permite/);
    expect(failedRun({ code: 'network', message: 'The dashboard could not be reached.' }).meaning.ro).toMatch(
      /Panoul nu a putut fi contactat/,
    );
  });

  it("names sendSMS's status when there is one, and words an unknown code without failing", () => {
    expect(failedRun({ code: 'rate-limited', message: 'Throttled.', upstreamStatus: -4096 }).label).toBe(
      'status -4096',
    );
    expect(failedRun({ code: 'internal', message: 'Something went wrong on the server.' })).toEqual({
      label: 'refused by the dashboard',
      meaning: { en: 'Something went wrong on the server.', ro: 'Cererea nu a reușit.' },
    });
    expect(failedRun({ code: 'toString', message: 'Odd.' }).label).toBe('refused by the dashboard');
  });
});
