'use client';

import { useTranslations } from 'next-intl';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { DisabledWithReason } from '@/components/ui/disabled-with-reason';
import type { SpecialRange } from '@/lib/ip/address-range';
import { authorizable, authorizeChecks, type AuthorizeCheck } from '@/lib/keys/authorize-checks';
import type { KeyRowView } from '@/lib/keys/types';
import { ipProblemMessage, type IpProblemTranslator } from './ip-problem-text';
import type { KeysTranslator } from './labels';

/**
 * "Authorize this IP" from a refused call: the key and the address filled in, the checks the Request Builder makes,
 * and one button. What happens next (the address joining Locked On IP, the Default-key trap asked, a refusal) is the
 * key page's Authorize IP, the same call and the same rules.
 */

export interface AuthorizeRefusedIpDialogProps {
  address: string | null;
  keyRow: Pick<KeyRowView, 'name' | 'fragment' | 'kind' | 'lockedAt' | 'lockedIps'>;
  accountLabel: string;
  onConfirm: (address: string) => void;
  onClose: () => void;
}

/** The sendSMS action that whitelists an address: its name, not a word to translate. */
const TOKEN_ADD_IP = 'token_add_ip';

const VERDICT_TONE = { ok: 'success', warning: 'warning', refused: 'danger' } as const;

/** Address ranges as the messages' select names them (an ICU select key has no hyphen). */
const RANGE_KEY: Record<SpecialRange, string> = {
  private: 'private',
  loopback: 'loopback',
  'link-local': 'linkLocal',
  shared: 'shared',
  documentation: 'documentation',
  multicast: 'multicast',
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  reserved: 'reserved',
  'ipv4-mapped': 'ipv4Mapped',
};

/**
 * A check in the reader's language, from what lib/keys/authorize-checks.ts found (`code`) and the values it names.
 * An input that is no address at all (an address sendSMS reported garbled) is said as the request builder says it.
 */
export function checkText(t: KeysTranslator, tIp: IpProblemTranslator, check: AuthorizeCheck): string {
  switch (check.code) {
    case 'one-machine':
      return t('authorizeRefusedIp.checks.oneMachine', { address: check.address });
    case 'not-authorizable':
      return check.problem.code === 'notAuthorizable'
        ? t('authorizeRefusedIp.checks.notAuthorizable', {
            address: check.problem.address,
            range: check.problem.range,
          })
        : ipProblemMessage(tIp, check.problem);
    case 'public':
      return t('authorizeRefusedIp.checks.public');
    case 'special-range':
      return t('authorizeRefusedIp.checks.range', {
        address: check.address,
        range: RANGE_KEY[check.range],
        cidr: check.cidr,
      });
    case 'cloud':
      return t('authorizeRefusedIp.checks.cloud');
    case 'never-used':
      return t('authorizeRefusedIp.checks.neverUsed');
    case 'already-locked':
      return t('authorizeRefusedIp.checks.alreadyLocked');
    case 'already-listed':
      return t('authorizeRefusedIp.checks.listed', { address: check.address });
  }
}

export function AuthorizeRefusedIpDialog({
  address,
  keyRow,
  accountLabel,
  onConfirm,
  onClose,
}: AuthorizeRefusedIpDialogProps) {
  const t = useTranslations('keys');
  const tIp = useTranslations('requestBuilder');
  const checks: AuthorizeCheck[] = address ? authorizeChecks(address, keyRow) : [];
  const refused = authorizable(checks) ? undefined : checks.find((check) => check.verdict === 'refused');
  const refusal = refused ? checkText(t, tIp, refused) : null;
  return (
    <Dialog
      open={address !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <DialogContent
        title={t('authorizeRefusedIp.title', { address: address ?? '', name: keyRow.name })}
        description={t('authorizeRefusedIp.description', {
          fragment: keyRow.fragment,
          account: accountLabel,
          address: address ?? '',
          action: TOKEN_ADD_IP,
        })}
      >
        <ul className="grid gap-2 text-sm" aria-label={t('authorizeRefusedIp.checksLabel')}>
          {checks.map((check) => (
            <li key={check.id} className="flex items-start gap-2" data-testid={`authorize-check-${check.id}`}>
              <Badge tone={VERDICT_TONE[check.verdict]}>{t(`authorizeRefusedIp.verdicts.${check.verdict}`)}</Badge>
              <span>{checkText(t, tIp, check)}</span>
            </li>
          ))}
        </ul>
        <DialogFooter>
          <Button variant="ghost" onClick={onClose}>
            {t('authorizeRefusedIp.cancel')}
          </Button>
          <DisabledWithReason reason={refusal}>
            <Button
              onClick={() => {
                if (address) onConfirm(address);
                onClose();
              }}
            >
              {t('authorizeRefusedIp.confirm', { address: address ?? '' })}
            </Button>
          </DisabledWithReason>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
