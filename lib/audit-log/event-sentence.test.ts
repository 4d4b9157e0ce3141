import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/i18n/locales';
import {
  AUDIT_ACTIONS,
  actorWords,
  anonymousRefusalSentence,
  eventSentence,
  outcomeName,
} from '@/lib/audit-log/event-sentence';
import { auditRow } from '@/lib/audit-log/test-support/audit-row';
import { PERMISSIONS } from '@/lib/auth/permissions';

const none = { actor: null, account: null, key: null };

describe('an audit event as a sentence', () => {
  it('names the user, the IP, the key and its account', () => {
    expect(eventSentence(auditRow(), 'en')).toBe('Ada Admin authorized 198.51.100.20 on "API Key Test" (Demo shop)');
  });

  it.each<[string, Parameters<typeof auditRow>[0], string]>([
    [
      'a support look at an account’s keys',
      {
        action: 'account.view',
        actor: { id: 'u', name: 'Sam Support', email: 's@x' },
        account: { id: 'a', label: 'Demo logistics', username: 'demo-logistics' },
        keyId: null,
        key: null,
        params: { path: '/api-keys/a' },
      },
      'Sam Support viewed the keys of Demo logistics',
    ],
    [
      'a sign-in',
      { action: 'auth.sign_in', accountId: null, keyId: null, params: { method: 'password' } },
      'Ada Admin signed in',
    ],
    [
      'a single sign-on',
      { action: 'auth.sign_in', accountId: null, keyId: null, params: { method: 'oidc' } },
      'Ada Admin signed in with single sign-on',
    ],
    [
      'a failed sign-in by an email that is nobody’s',
      { ...none, actorId: null, actorEmail: 'nobody@x.test', action: 'auth.sign_in', outcome: 'failure', params: {} },
      'nobody@x.test tried to sign in',
    ],
    [
      'an SSO sign-in of someone not invited',
      { ...none, actorId: null, actorEmail: 'who@x.test', action: 'auth.sign_in', outcome: 'denied', params: {} },
      'who@x.test was not allowed to sign in',
    ],
    [
      'the first admin',
      { action: 'auth.setup', accountId: null, keyId: null },
      'Ada Admin set up the dashboard as its first admin',
    ],
    ['a password change', { action: 'auth.password_change' }, 'Ada Admin changed their password'],
    [
      'a 2FA enrolment that failed',
      { action: 'auth.two_factor.enrol', outcome: 'failure' },
      'Ada Admin tried to turn on two-factor authentication',
    ],
    [
      'a refused page',
      {
        action: 'access.denied',
        outcome: 'denied',
        keyId: null,
        params: { method: 'GET', path: '/api-keys/acc_shop' },
      },
      'Ada Admin was not allowed to open /api-keys/acc_shop (Demo shop)',
    ],
    [
      'a refused write with no account',
      {
        action: 'access.denied',
        outcome: 'denied',
        accountId: null,
        account: null,
        keyId: null,
        params: { method: 'POST', path: '/api/users' },
      },
      'Ada Admin was not allowed to send POST /api/users',
    ],
    [
      'a refusal recorded before refusals without a session were counted',
      {
        ...none,
        actorId: null,
        actorEmail: null,
        accountId: null,
        keyId: null,
        action: 'access.denied',
        outcome: 'denied',
        params: { method: 'POST', path: '/api/users' },
      },
      'Someone without a session was not allowed to send POST /api/users',
    ],
    ['an account added', { action: 'account.create', keyId: null }, 'Ada Admin added the sendSMS account Demo shop'],
    [
      'an account that could not be added',
      {
        action: 'account.create',
        outcome: 'failure',
        accountId: null,
        account: null,
        keyId: null,
        params: { label: 'New shop' },
      },
      'Ada Admin tried to add the sendSMS account New shop',
    ],
    [
      'a credential replaced',
      { action: 'account.rotate_credential', keyId: null },
      'Ada Admin replaced the credential of Demo shop',
    ],
    [
      'a user created',
      {
        action: 'user.create',
        accountId: null,
        keyId: null,
        subject: { id: 'u2', name: 'Lee Lead', email: 'lee@x' },
        params: { userId: 'u2', email: 'lee@x', role: 'LEAD' },
      },
      'Ada Admin created Lee Lead (lee@x) as team lead',
    ],
    [
      'a user who is gone, named by the recorded email',
      { action: 'user.disable', accountId: null, keyId: null, params: { userId: 'u9', email: 'gone@x' } },
      'Ada Admin disabled gone@x',
    ],
    ['a user changed', { action: 'user.update', params: { email: 'lee@x' } }, 'Ada Admin changed lee@x'],
    ['a user enabled', { action: 'user.enable', params: { email: 'lee@x' } }, 'Ada Admin enabled lee@x'],
    [
      'a 2FA reset',
      { action: 'user.reset_two_factor', params: { email: 'lee@x' } },
      'Ada Admin reset the two-factor authentication of lee@x',
    ],
    [
      'the admin 2FA requirement',
      { action: 'settings.require_admin_two_factor', params: { required: true } },
      'Ada Admin made two-factor authentication mandatory for admins',
    ],
    [
      'the admin 2FA requirement lifted',
      { action: 'settings.require_admin_two_factor', params: { required: false } },
      'Ada Admin made two-factor authentication optional for admins',
    ],
    [
      'a Cloud key generated',
      { action: 'key.generate', params: { name: 'API Key Test', kind: 'CLOUD' } },
      'Ada Admin generated the Cloud key "API Key Test" (Demo shop)',
    ],
    [
      'a key that could not be generated, named by its params',
      {
        action: 'key.generate',
        outcome: 'failure',
        keyId: null,
        key: null,
        params: { name: 'New key', kind: 'DEFAULT' },
      },
      'Ada Admin tried to generate the Default key "New key" (Demo shop)',
    ],
    ['a key imported', { action: 'key.import' }, 'Ada Admin imported the key "API Key Test" (Demo shop)'],
    [
      'a key renamed',
      { action: 'key.rename', params: { from: 'Old', to: 'API Key Test' } },
      'Ada Admin renamed the key "Old" to "API Key Test" (Demo shop)',
    ],
    [
      'a deleted key, still named',
      { action: 'key.delete', key: { id: 'key_test', name: 'API Key Test', fragment: '…3f9a', deleted: true } },
      'Ada Admin deleted the key "API Key Test" (Demo shop)',
    ],
    [
      'a refresh of the account by the dashboard itself',
      {
        ...none,
        actorId: null,
        actorEmail: null,
        actorRole: null,
        keyId: null,
        action: 'keys.refresh',
        outcome: 'failure',
        account: { id: 'a', label: 'Demo shop', username: 'x' },
      },
      'The dashboard tried to refresh the keys of Demo shop from sendSMS',
    ],
    ['a refresh of one key', { action: 'keys.refresh' }, 'Ada Admin refreshed "API Key Test" (Demo shop) from sendSMS'],
    [
      'a request run with a key',
      { action: 'request.run', params: { request: 'token_add_ip', ipaddr: '198.51.100.7' } },
      'Ada Admin ran token_add_ip for 198.51.100.7 with "API Key Test" (Demo shop)',
    ],
    [
      'a request run on the account',
      { action: 'request.run', keyId: null, key: null, params: { request: 'user_get_balance' } },
      'Ada Admin ran user_get_balance on Demo shop',
    ],
  ])('says %s', (_, changes, sentence) => {
    expect(eventSentence(auditRow(changes), 'en')).toBe(sentence);
  });

  it('falls back to the action’s name for an action it does not know, with what it names', () => {
    expect(eventSentence(auditRow({ action: 'key.frobnicate' }), 'en')).toBe(
      'Ada Admin did "key.frobnicate" on "API Key Test" (Demo shop)',
    );
    expect(eventSentence(auditRow({ action: 'widget.spin', keyId: null, outcome: 'failure' }), 'en')).toBe(
      'Ada Admin tried to do "widget.spin" on Demo shop',
    );
    expect(eventSentence(auditRow({ action: 'toString', accountId: null, keyId: null }), 'en')).toBe(
      'Ada Admin did "toString"',
    );
  });

  it('names what is gone by its id, and a removed user as such', () => {
    expect(eventSentence(auditRow({ ...none, actorEmail: null, params: { ip: '192.0.2.1' } }), 'en')).toBe(
      'A removed user (user_ada) authorized 192.0.2.1 on the key key_test (the account acc_shop)',
    );
  });

  it('uses the email when the user has no name', () => {
    expect(actorWords({ ...auditRow(), actor: { id: 'u', name: ' ', email: 'a@x' } }, 'en')).toBe('a@x');
  });

  it('has a sentence for every action the dashboard records', () => {
    // Every 'area.verb' literal in the modules that write audit rows, but for the permission names they check.
    const recorders = /\b(recordAuditEvent|auditKeyEvent|ownSignInAudit)\b/;
    const files = fs
      .readdirSync('lib', { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.startsWith('generated'))
      .map((file) => fs.readFileSync(path.join('lib', file), 'utf8'))
      .filter((text) => recorders.test(text));
    const permissions = new Set<string>(PERMISSIONS);
    const recorded = new Set(
      files
        .flatMap((text) => [
          ...text.matchAll(/'((?:auth|access|account|user|settings|key|keys|ip|request)\.[a-z_.]+)'/g),
        ])
        .map((match) => match[1]!)
        .filter((action) => !permissions.has(action)),
    );
    expect(recorded).toContain('user.disable');
    expect(recorded).toContain('auth.password_change');
    expect([...recorded].filter((action) => !Object.hasOwn(AUDIT_ACTIONS, action))).toEqual([]);
  });
});

describe('an audit event in Romanian', () => {
  it.each<[string, Parameters<typeof auditRow>[0], string]>([
    ['an IP authorized', {}, 'Ada Admin a autorizat 198.51.100.20 pentru „API Key Test” (Demo shop)'],
    [
      'a failed sign-in',
      { ...none, actorId: null, actorEmail: 'nobody@x.test', action: 'auth.sign_in', outcome: 'failure', params: {} },
      'nobody@x.test a încercat să se autentifice',
    ],
    [
      'a refused page',
      {
        action: 'access.denied',
        outcome: 'denied',
        keyId: null,
        params: { method: 'GET', path: '/api-keys/acc_shop' },
      },
      'Ada Admin nu a avut permisiunea să deschidă /api-keys/acc_shop (Demo shop)',
    ],
    [
      'a Cloud key generated, its kind after its name',
      { action: 'key.generate', params: { name: 'API Key Test', kind: 'CLOUD' } },
      'Ada Admin a generat cheia „API Key Test” de tip „Cloud” (Demo shop)',
    ],
    [
      'a key renamed',
      { action: 'key.rename', params: { from: 'Old', to: 'API Key Test' } },
      'Ada Admin a redenumit cheia „Old” în „API Key Test” (Demo shop)',
    ],
    [
      'a user created, with the role in words',
      {
        action: 'user.create',
        accountId: null,
        keyId: null,
        subject: { id: 'u2', name: 'Lee Lead', email: 'lee@x' },
        params: { userId: 'u2', email: 'lee@x', role: 'ADMIN' },
      },
      'Ada Admin a creat Lee Lead (lee@x) cu rolul administrator de cont',
    ],
    ['a password change', { action: 'auth.password_change' }, 'Ada Admin și-a schimbat parola'],
    [
      'a refresh by the dashboard itself that failed',
      {
        ...none,
        actorId: null,
        actorEmail: null,
        actorRole: null,
        keyId: null,
        action: 'keys.refresh',
        outcome: 'failure',
        account: { id: 'a', label: 'Demo shop', username: 'x' },
      },
      'Panoul a încercat să reîmprospăteze cheile din Demo shop cu datele din sendSMS',
    ],
    [
      'a request run with a key',
      { action: 'request.run', params: { request: 'token_add_ip', ipaddr: '198.51.100.7' } },
      'Ada Admin a trimis token_add_ip pentru 198.51.100.7 folosind „API Key Test” (Demo shop)',
    ],
    [
      'what is gone, by its id',
      { ...none, actorEmail: null, params: { ip: '192.0.2.1' } },
      'Un utilizator șters (user_ada) a autorizat 192.0.2.1 pentru cheia key_test (contul acc_shop)',
    ],
    [
      'an action it does not know',
      { action: 'widget.spin', keyId: null },
      'Ada Admin a efectuat acțiunea „widget.spin” pentru Demo shop',
    ],
  ])('says %s', (_, changes, sentence) => {
    expect(eventSentence(auditRow(changes), 'ro')).toBe(sentence);
  });

  it('says a minute of refused requests with Romanian plurals and numbers', () => {
    const row = { sourceIp: '203.0.113.9', minute: '2026-11-22T10:00:00.000Z', firstPath: '/a', lastPath: '/a' };
    expect(anonymousRefusalSentence({ ...row, count: 1 }, 'ro')).toBe(
      '1 request refuzat fără sesiune de la 203.0.113.9 în acest minut',
    );
    expect(anonymousRefusalSentence({ ...row, count: 3 }, 'ro')).toBe(
      '3 request-uri refuzate fără sesiune de la 203.0.113.9 în acest minut',
    );
    expect(anonymousRefusalSentence({ ...row, count: 1200 }, 'ro')).toBe(
      '1.200 de request-uri refuzate fără sesiune de la 203.0.113.9 în acest minut',
    );
  });

  it('says outcomes in Romanian', () => {
    expect((['success', 'failure', 'denied', 'odd'] as const).map((outcome) => outcomeName(outcome, 'ro'))).toEqual([
      'reușit',
      'eșuat',
      'refuzat',
      'odd',
    ]);
  });
});

describe('every action the log knows', () => {
  it('reads as a whole sentence in each language and for each outcome, with no placeholder left unfilled', () => {
    for (const locale of LOCALES) {
      for (const action of Object.keys(AUDIT_ACTIONS)) {
        for (const outcome of ['success', 'failure', 'denied', 'odd']) {
          const sentence = eventSentence(auditRow({ action, outcome }), locale);
          expect(sentence, `${locale} ${action} ${outcome}`).toMatch(/^Ada Admin /);
          expect(sentence, `${locale} ${action} ${outcome}`).not.toMatch(/[{}]|sentences\.|audit\./);
        }
      }
    }
  });
});

describe('a minute of refused requests without a session', () => {
  it('is one line with its count', () => {
    const row = { sourceIp: '203.0.113.9', minute: '2026-11-22T10:00:00.000Z', firstPath: '/a', lastPath: '/b' };
    expect(anonymousRefusalSentence({ ...row, count: 42 }, 'en')).toBe(
      '42 refused requests without a session from 203.0.113.9 in this minute',
    );
    expect(anonymousRefusalSentence({ ...row, count: 1 }, 'en')).toBe(
      '1 refused request without a session from 203.0.113.9 in this minute',
    );
    expect(anonymousRefusalSentence({ ...row, count: 1200 }, 'en')).toMatch(/^1,200 refused requests/);
  });
});

describe('outcomes', () => {
  it('are said in words, and an unknown one as it is', () => {
    expect((['success', 'failure', 'denied', 'odd'] as const).map((outcome) => outcomeName(outcome, 'en'))).toEqual([
      'succeeded',
      'failed',
      'refused',
      'odd',
    ]);
  });
});
