import type { Permission } from '@/lib/auth/permissions';
import type { ActionName } from '@/lib/sendsms/actions';

/**
 * The requests the Request Builder offers, in the order it lists them: what each does in one line, the parameters
 * it takes, whether it acts on a key, and whether it changes anything (which decides the permission). The wire
 * details (auth, schemas) stay in the action registry; this says only what the builder adds to them.
 *
 * Generating and deleting keys are left to the API Keys page on purpose: there the secret is shown exactly once and
 * the dashboard's registry stays in step with sendSMS.
 */

export interface BuilderParameter {
  name: string;
  label: string;
  description: string;
  /** The only typed parameter today: an address the user enters, checked with lib/ip. */
  kind: 'ip';
  required: boolean;
}

export interface BuilderRequest {
  action: ActionName;
  summary: string;
  /** Acts on one API key, picked from the account's keys. */
  needsKey: boolean;
  parameters: BuilderParameter[];
  permission: Extract<Permission, 'requests.read' | 'requests.write'>;
  /** Only offered while the account has not answered -2 to it. */
  assumed: boolean;
}

export const BUILDER_REQUESTS: readonly BuilderRequest[] = [
  {
    action: 'token_add_ip',
    summary: 'Add a new whitelisted IP: the chosen key will be accepted from this address too.',
    needsKey: true,
    parameters: [
      {
        name: 'ipaddr',
        label: 'ipaddr',
        description: 'The public IPv4 or IPv6 address your integration calls from.',
        kind: 'ip',
        required: true,
      },
    ],
    permission: 'requests.write',
    assumed: false,
  },
  {
    action: 'token_list_ips',
    summary: 'List the IP addresses the chosen key is locked on (for a Cloud key, the first one seen).',
    needsKey: true,
    parameters: [],
    permission: 'requests.read',
    assumed: false,
  },
  {
    action: 'user_get_balance',
    summary: "The account's credit, in euro. Also a quick check that the account's credentials work.",
    needsKey: false,
    parameters: [],
    permission: 'requests.read',
    assumed: false,
  },
  {
    action: 'user_get_info',
    summary: 'What sendSMS knows about the account, as it answers it.',
    needsKey: false,
    parameters: [],
    permission: 'requests.read',
    assumed: false,
  },
  {
    action: 'token_list',
    summary: "The account's API keys as sendSMS lists them: name, kind, created, last used, use count, IPs.",
    needsKey: false,
    parameters: [],
    permission: 'requests.read',
    assumed: true,
  },
  {
    action: 'ping',
    summary: 'Whether the sendSMS API answers at all. Needs no credentials.',
    needsKey: false,
    parameters: [],
    permission: 'requests.read',
    assumed: false,
  },
];

export function builderRequest(action: string): BuilderRequest | undefined {
  return BUILDER_REQUESTS.find((request) => request.action === action);
}
