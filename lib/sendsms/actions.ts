import { isIP } from 'node:net';
import { z } from 'zod';
import { parseIpList, type ListedIp } from '@/lib/sendsms/ip-list';
import { parseUpstreamDate } from '@/lib/sendsms/upstream-date';
import type { KeyKind } from '@/lib/generated/prisma/enums';

/**
 * Every upstream action the dashboard may call, one entry each: who must authenticate, the parameters (zod), the
 * shape of a successful answer's `details` (zod, lenient: sendSMS documents little), whether it costs money,
 * whether it may be retried, and whether the action is only assumed to exist. Adding an action is one entry.
 *
 * `auth`: `none` sends no credentials; `account` sends username + the account credential; `key` acts on one API
 * key and is sent in one of the two forms lib/sendsms/key-form.ts chooses between.
 */

export type ActionAuth = 'none' | 'account' | 'key';

export interface ActionDefinition<Params extends z.ZodType = z.ZodType, Details extends z.ZodType = z.ZodType> {
  name: string;
  auth: ActionAuth;
  params: Params;
  details: Details;
  billable: boolean;
  /** Reads: a repeat changes nothing upstream, so they may be retried and identical concurrent ones coalesced. */
  retrySafe: boolean;
  /** Not seen in any public source: the account may answer -2, and the client records that (capabilities). */
  assumed: boolean;
}

function defineAction<Params extends z.ZodType, Details extends z.ZodType>(
  definition: ActionDefinition<Params, Details>,
): ActionDefinition<Params, Details> {
  return definition;
}

const noParams = z.object({}).strict();
const ipAddress = z.union([z.ipv4(), z.ipv6()], { error: 'must be an IPv4 or IPv6 address' });

/** A money amount sent as a number or as a numeric string. */
const amount = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

const lockedIps = z.unknown().transform((value, context): ListedIp[] => {
  const parsed = parseIpList(value);
  if (!parsed.understood) {
    context.addIssue({ code: 'custom', message: 'the IP list is in a shape this dashboard does not know' });
    return z.NEVER;
  }
  return parsed.ips;
});

const optionalDate = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((value) => (value === null || value === undefined ? null : parseUpstreamDate(value)));

export type ListedKeyKind = KeyKind | null;

const keyKind = z
  .string()
  .optional()
  .transform((value): ListedKeyKind => {
    const normalised = value?.trim().toLowerCase();
    return normalised === 'default' ? 'DEFAULT' : normalised === 'cloud' ? 'CLOUD' : null;
  });

const lenientCount = z
  .unknown()
  .optional()
  .transform((value): number | null => {
    const count = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
    return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : null;
  });

export interface ListedRefusal {
  address: string;
  firstAt: Date | null;
  lastAt: Date | null;
  count: number | null;
}

const upstreamDateOrNull = (value: unknown): Date | null =>
  typeof value === 'string' || typeof value === 'number' ? parseUpstreamDate(value) : null;

/**
 * Refused calls per address (`refused_ips`: [{ ip, first_refused, last_refused, count }]), an assumed field like the
 * other refusal fields: an entry without a readable address is dropped, anything else unreadable is "not reported"
 * (null), never a failed list. Absent altogether: null, and the dashboard works from `last_refused_ip` alone.
 */
const refusedIps = z
  .unknown()
  .optional()
  .transform((value): ListedRefusal[] | null => {
    if (!Array.isArray(value)) return null;
    return value.flatMap((entry): ListedRefusal[] => {
      if (typeof entry !== 'object' || entry === null) return [];
      const record = entry as Record<string, unknown>;
      const address = typeof record.ip === 'string' ? record.ip.trim() : '';
      if (isIP(address) === 0) return [];
      const count = lenientCount.parse(record.count);
      return [
        {
          address,
          firstAt: upstreamDateOrNull(record.first_refused),
          lastAt: upstreamDateOrNull(record.last_refused),
          count,
        },
      ];
    });
  });

/** One key of `token_list`; its fields are assumed, so each is optional except the name. */
const listedKey = z
  .looseObject({
    name: z.string(),
    type: keyKind,
    created: optionalDate,
    last_used: optionalDate,
    use_count: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number), z.null()]).optional(),
    ips: lockedIps.optional(),
    token: z.string().optional(),
    // Refused calls per key: assumed fields (the sandbox reports them; the real token_list may not), so each is
    // optional and anything unreadable counts as "not reported" rather than failing the whole list.
    failed_auth_count: lenientCount,
    last_refused_ip: z
      .unknown()
      .optional()
      .transform((value) => (typeof value === 'string' && isIP(value.trim()) !== 0 ? value.trim() : null)),
    last_refused_at: z.unknown().optional().transform(upstreamDateOrNull),
    refused_ips: refusedIps,
  })
  .transform((key) => ({
    name: key.name,
    kind: key.type,
    createdAt: key.created,
    lastUsedAt: key.last_used,
    useCount: key.use_count ?? null,
    lockedIps: key.ips ?? [],
    secret: key.token ?? null,
    refusedCount: key.failed_auth_count,
    lastRefusedIp: key.last_refused_ip,
    lastRefusedAt: key.last_refused_at,
    refusals: key.refused_ips,
  }));

export type ListedKey = z.output<typeof listedKey>;

const generatedKey = z
  .looseObject({
    token: z.string().min(1).optional(),
    key: z.string().min(1).optional(),
    name: z.string().optional(),
    type: keyKind,
  })
  .refine((value) => value.token !== undefined || value.key !== undefined, 'the new key is missing from the answer')
  .transform((value) => ({ secret: (value.token ?? value.key)!, name: value.name ?? null, kind: value.type }));

export const ACTIONS = {
  ping: defineAction({
    name: 'ping',
    auth: 'none',
    params: noParams,
    details: z.unknown(),
    billable: false,
    retrySafe: true,
    assumed: false,
  }),
  user_get_balance: defineAction({
    name: 'user_get_balance',
    auth: 'account',
    params: noParams,
    details: amount,
    billable: false,
    retrySafe: true,
    assumed: false,
  }),
  user_get_info: defineAction({
    name: 'user_get_info',
    auth: 'account',
    params: noParams,
    // Fields unknown: show what comes.
    details: z.record(z.string(), z.unknown()),
    billable: false,
    retrySafe: true,
    assumed: false,
  }),
  token_list_ips: defineAction({
    name: 'token_list_ips',
    auth: 'key',
    params: noParams,
    details: lockedIps,
    billable: false,
    retrySafe: true,
    assumed: false,
  }),
  token_add_ip: defineAction({
    name: 'token_add_ip',
    auth: 'key',
    params: z.object({ ipaddr: ipAddress }).strict(),
    details: z.unknown(),
    billable: false,
    retrySafe: false,
    assumed: false,
  }),
  user_authorize_application: defineAction({
    name: 'user_authorize_application',
    auth: 'none',
    params: z
      .object({ application_name: z.string().min(1), icon_url: z.url().optional(), return_url: z.url().optional() })
      .strict(),
    details: z.looseObject({ authorize_url: z.string(), request_key: z.string().min(1) }),
    billable: false,
    retrySafe: false,
    assumed: false,
  }),
  user_allow_token_request: defineAction({
    name: 'user_allow_token_request',
    auth: 'account',
    params: z.object({ request_key: z.string().min(1) }).strict(),
    details: z.unknown(),
    billable: false,
    retrySafe: false,
    assumed: false,
  }),
  user_get_api_key: defineAction({
    name: 'user_get_api_key',
    auth: 'none',
    params: z.object({ request_key: z.string().min(1) }).strict(),
    details: z.looseObject({ username: z.string(), key: z.string().min(1) }),
    billable: false,
    // Hands the key out once: a retry after a lost answer would find it consumed, so no retry.
    retrySafe: false,
    assumed: false,
  }),
  token_list: defineAction({
    name: 'token_list',
    auth: 'account',
    params: noParams,
    details: z.union([z.array(listedKey), z.record(z.string(), listedKey).transform((keys) => Object.values(keys))]),
    billable: false,
    retrySafe: true,
    assumed: true,
  }),
  token_generate: defineAction({
    name: 'token_generate',
    auth: 'account',
    params: z.object({ name: z.string().trim().min(1).max(100), type: z.enum(['default', 'cloud']) }).strict(),
    details: generatedKey,
    billable: false,
    retrySafe: false,
    assumed: true,
  }),
  token_delete: defineAction({
    name: 'token_delete',
    auth: 'account',
    params: z.object({ token: z.string().min(1) }).strict(),
    details: z.unknown(),
    billable: false,
    retrySafe: false,
    assumed: true,
  }),
} as const;

export type ActionName = keyof typeof ACTIONS;
export type ActionParams<Name extends ActionName> = z.input<(typeof ACTIONS)[Name]['params']>;
export type ActionDetails<Name extends ActionName> = z.output<(typeof ACTIONS)[Name]['details']>;

export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];

export function isActionName(name: string): name is ActionName {
  return Object.hasOwn(ACTIONS, name);
}

/** Non-billable queries made with credentials count against sendSMS's 10-per-minute limit. */
export function isBudgeted(action: ActionDefinition): boolean {
  return !action.billable && action.auth !== 'none';
}
