import { describe, expect, it } from 'vitest';
import { deniedText } from '@/lib/auth/denied-text';
import { deniedReason, PERMISSIONS } from '@/lib/auth/permissions';
import { say } from '@/lib/errors/text/localized-text';

const ROLES = ['INSTALLATION_ADMIN', 'ADMIN', 'SUPPORT', 'LEAD'] as const;

describe('deniedText', () => {
  it('says in English exactly what deniedReason says, for every role, permission and account', () => {
    for (const role of ROLES) {
      const actor = { role, accountIds: ['acc-1'] };
      for (const permission of PERMISSIONS) {
        for (const accountId of [undefined, 'acc-1', 'acc-2']) {
          const text = deniedText(actor, permission, accountId);
          const reason = deniedReason(actor, permission, accountId);
          expect(text && say(text, 'en'), `${role} ${permission} ${accountId}`).toBe(reason);
          if (text) expect(say(text, 'ro')).not.toBe(reason);
        }
      }
    }
  });

  it('says it in Romanian', () => {
    const lead = { role: 'LEAD' as const, accountIds: ['acc-1'] };
    expect(say(deniedText(lead, 'keys.manage', 'acc-1')!, 'ro')).toBe(
      'Un team lead nu poate genera, redenumi sau șterge chei API',
    );
    expect(say(deniedText({ role: 'SUPPORT', accountIds: [] }, 'requests.write', 'acc-1')!, 'ro')).toBe(
      'Personalul de suport nu poate rula request-uri care modifică o cheie',
    );
    expect(say(deniedText(lead, 'keys.read', 'acc-2')!, 'ro')).toBe('Nu sunteți membru al acestui cont sendSMS');
  });
});
