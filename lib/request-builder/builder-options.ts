import 'server-only';
import { visibleAccountIds } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session-user';
import type { DatabaseDeps } from '@/lib/db/deps';
import { BUILDER_REQUESTS } from '@/lib/request-builder/catalogue';
import { selectBuilderAccounts } from '@/lib/request-builder/repository';
import type { KeyKind } from '@/lib/generated/prisma/enums';
import { readCapabilities } from '@/lib/sendsms/capabilities';

/**
 * What the builder's pickers offer the user: the sendSMS accounts they may use (username shown, as the hub fills it
 * in), the requests each account supports, and each account's keys with what tells them apart (name, kind, masked
 * fragment, lock state). No secret leaves the server: only whether the dashboard holds one.
 */

export interface BuilderKeyOption {
  id: string;
  name: string;
  kind: KeyKind;
  fragment: string;
  /** "awaiting first use", "locked since …" (ISO date) or "no IP restriction" for Cloud keys. */
  lockState: { state: 'awaiting-first-use' } | { state: 'locked'; since: string } | { state: 'unrestricted' };
  /** Whether the dashboard holds the key's secret (needed to send a request with it). */
  held: boolean;
}

export interface BuilderAccountOption {
  id: string;
  label: string;
  username: string;
  apiBaseUrl: string;
  /** The builder's requests this account has not answered -2 to. */
  actions: string[];
  keys: BuilderKeyOption[];
}

export async function builderOptions(deps: DatabaseDeps, actor: SessionUser): Promise<BuilderAccountOption[]> {
  const accounts = await selectBuilderAccounts(deps.prisma, visibleAccountIds(actor));
  return accounts.map(({ id, label, username, apiBaseUrl, capabilities, apiKeys }) => {
    return {
      id,
      label,
      username,
      apiBaseUrl,
      actions: supportedRequests(capabilities),
      keys: apiKeys.map((key) => ({
        id: key.id,
        name: key.name,
        kind: key.kind,
        fragment: key.fragment,
        lockState:
          key.kind === 'CLOUD'
            ? { state: 'unrestricted' as const }
            : key.lockedAt
              ? { state: 'locked' as const, since: key.lockedAt.toISOString() }
              : { state: 'awaiting-first-use' as const },
        held: key.secretCiphertext !== null,
      })),
    };
  });
}

/** The builder's requests an account has not answered -2 ("not supported") to, from its stored capabilities. */
function supportedRequests(stored: unknown): string[] {
  const capabilities = readCapabilities(stored);
  return BUILDER_REQUESTS.filter((request) => capabilities[request.action] !== 'unsupported').map(
    (request) => request.action,
  );
}
