'use client';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { DisabledWithReason } from '@/components/ui/disabled-with-reason';
import { authorizable, authorizeChecks, type AuthorizeCheck } from '@/lib/keys/authorize-checks';
import type { KeyRowView } from '@/lib/keys/types';

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

const VERDICT = {
  ok: { tone: 'success', label: 'OK' },
  warning: { tone: 'warning', label: 'Note' },
  refused: { tone: 'danger', label: 'Refused' },
} as const;

export function AuthorizeRefusedIpDialog({
  address,
  keyRow,
  accountLabel,
  onConfirm,
  onClose,
}: AuthorizeRefusedIpDialogProps) {
  const checks: AuthorizeCheck[] = address ? authorizeChecks(address, keyRow) : [];
  const refusal = authorizable(checks) ? null : checks.find((check) => check.verdict === 'refused')?.text;
  return (
    <Dialog
      open={address !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <DialogContent
        title={`Authorize ${address ?? ''} on “${keyRow.name}”?`}
        description={`Calls with the key ${keyRow.fragment} of ${accountLabel} from ${address ?? 'this address'} will be accepted by sendSMS (token_add_ip).`}
      >
        <ul className="grid gap-2 text-sm" aria-label="Checks">
          {checks.map((check) => (
            <li key={check.id} className="flex items-start gap-2" data-testid={`authorize-check-${check.id}`}>
              <Badge tone={VERDICT[check.verdict].tone}>{VERDICT[check.verdict].label}</Badge>
              <span>{check.text}</span>
            </li>
          ))}
        </ul>
        <DialogFooter>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <DisabledWithReason reason={refusal}>
            <Button
              onClick={() => {
                if (address) onConfirm(address);
                onClose();
              }}
            >
              Authorize {address}
            </Button>
          </DisabledWithReason>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
