import 'server-only';
import type { Locale } from '@/i18n/locales';
import { deniedText } from '@/lib/auth/denied-text';
import { seesEveryAccount } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session-user';
import {
  AUDIT_EXPORT_LIMIT,
  AUDIT_PAGE_SIZE,
  AUDIT_REFUSALS_PER_PAGE,
  type AuditFilter,
} from '@/lib/audit-log/audit-filter';
import { mergeNewestFirst } from '@/lib/audit-log/audit-lines';
import type { AnonymousRefusalRow, AuditLine, AuditRow } from '@/lib/audit-log/audit-row';
import { ANONYMOUS_REFUSALS_ACTION } from '@/lib/audit-log/event-sentence';
import {
  countAuditEvents,
  selectAnonymousRefusals,
  selectAuditEvents,
  type RefusalSpan,
} from '@/lib/audit-log/repository';
import type { DatabaseDeps } from '@/lib/db/deps';
import { accessDenied } from '@/lib/errors/refusals';
import type { Prisma } from '@/lib/generated/prisma/client';
import { tenantUserIds } from '@/lib/users/user-service';

/**
 * The audit log as a filtered, paginated read, each event as a line in words (lib/audit-log/audit-lines.ts). Support
 * and the installation admin read every event; an account admin the events of their accounts and the account-less
 * events of their tenant's users (sign-ins, user changes).
 *
 * The minutes of refused requests without a session (lib/audit/anonymous-refusal.ts) belong to no tenant: only
 * those who read every account see them, merged in time order among the events. The pages stay pages of events
 * (offset pagination, as the links and the count say); each page also shows the minutes between its last event and
 * the previous page's, so every minute is on exactly one page. The lines are in the reader's language: the page or
 * route that asks says which (nothing here reads the request).
 */

const DAY_MS = 86_400_000;

const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);

function whereFor(
  user: SessionUser,
  filter: AuditFilter,
  tenantUsers: string[] | undefined,
): Prisma.AuditEventWhereInput {
  if (filter.accountId) {
    const denied = deniedText(user, 'audit.read', filter.accountId);
    if (denied) throw accessDenied(denied, filter.accountId);
  }
  const conditions: Prisma.AuditEventWhereInput[] = [];
  // A role that reads only its own accounts reads the events of those accounts, and the events of its tenant's
  // users that name no account (their sign-ins, user changes it made): never another tenant's.
  if (!seesEveryAccount(user))
    conditions.push({
      OR: [
        { accountId: { in: [...user.accountIds] } },
        { accountId: null, actorId: { in: [user.id, ...(tenantUsers ?? [])] } },
      ],
    });
  if (filter.actor)
    conditions.push({
      OR: [{ actorEmail: { contains: filter.actor, mode: 'insensitive' } }, { actorId: filter.actor }],
    });
  if (filter.accountId) conditions.push({ accountId: filter.accountId });
  if (filter.keyId) conditions.push({ keyId: filter.keyId });
  if (filter.action) conditions.push({ action: { startsWith: filter.action } });
  if (filter.outcome) conditions.push({ outcome: filter.outcome });
  if (filter.from) conditions.push({ occurredAt: { gte: dayStart(filter.from) } });
  // The whole "to" day is included.
  if (filter.to) conditions.push({ occurredAt: { lt: new Date(dayStart(filter.to).getTime() + DAY_MS) } });
  return { AND: conditions };
}

async function scopedWhere(
  deps: DatabaseDeps,
  user: SessionUser,
  filter: AuditFilter,
): Promise<Prisma.AuditEventWhereInput> {
  return whereFor(user, filter, seesEveryAccount(user) ? undefined : await tenantUserIds(deps, user));
}

/** Whether the refused requests without a session belong in this view: nothing in the filter rules them out. */
function showsAnonymousRefusals(user: SessionUser, filter: AuditFilter): boolean {
  return (
    seesEveryAccount(user) &&
    !filter.actor &&
    !filter.accountId &&
    !filter.keyId &&
    (!filter.action || ANONYMOUS_REFUSALS_ACTION.startsWith(filter.action)) &&
    (!filter.outcome || filter.outcome === 'denied')
  );
}

/** The span a page's minutes come from, within the filter's days: [its last event, the previous page's last event). */
function refusalSpan(filter: AuditFilter, bounds: { lastOfPage?: AuditRow; lastOfPrevious?: AuditRow }): RefusalSpan {
  const starts = [bounds.lastOfPage?.occurredAt, filter.from && dayStart(filter.from).toISOString()];
  const ends = [
    bounds.lastOfPrevious?.occurredAt,
    filter.to && new Date(dayStart(filter.to).getTime() + DAY_MS).toISOString(),
  ];
  const times = (values: Array<string | undefined>) =>
    values.filter((value): value is string => !!value).map(Date.parse);
  const notBefore = times(starts);
  const before = times(ends);
  return {
    notBefore: notBefore.length ? new Date(Math.max(...notBefore)) : undefined,
    before: before.length ? new Date(Math.min(...before)) : undefined,
  };
}

/** The lines the reader may see: names of accounts outside their reach are left out of a user change's details. */
function visibleTo(user: SessionUser, rows: AuditRow[]): AuditRow[] {
  if (seesEveryAccount(user)) return rows;
  return rows.map((row) => ({
    ...row,
    grantedAccounts: row.grantedAccounts.filter((account) => user.accountIds.includes(account.id)),
  }));
}

export interface AuditLogPage {
  lines: AuditLine[];
  /** Events matching the filter (the minutes of refused requests are not counted in). */
  total: number;
  page: number;
  pageCount: number;
  /** Minutes of refused requests without a session in this page's span that were not shown (over the page's cap). */
  refusalsLeftOut: number;
}

export async function queryAuditLog(
  deps: DatabaseDeps,
  user: SessionUser,
  filter: AuditFilter,
  locale: Locale,
): Promise<AuditLogPage> {
  const where = await scopedWhere(deps, user, filter);
  const skip = (filter.page - 1) * AUDIT_PAGE_SIZE;
  // On a later page, the previous page's last event too: where this page's minutes of refusals end.
  const withPrevious = skip > 0 ? 1 : 0;
  const [total, fetched] = await Promise.all([
    countAuditEvents(deps.prisma, where),
    selectAuditEvents(deps.prisma, where, { skip: skip - withPrevious, take: AUDIT_PAGE_SIZE + withPrevious }),
  ]);
  const lastOfPrevious = withPrevious ? fetched[0] : undefined;
  const rows = visibleTo(user, fetched.slice(withPrevious));
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));

  let refusals: { rows: AnonymousRefusalRow[]; total: number } = { rows: [], total: 0 };
  // A page past the last one shows nothing, not every minute.
  if (showsAnonymousRefusals(user, filter) && filter.page <= pageCount) {
    const lastOfPage = filter.page < pageCount ? rows.at(-1) : undefined;
    refusals = await selectAnonymousRefusals(
      deps.prisma,
      refusalSpan(filter, { lastOfPage, lastOfPrevious }),
      AUDIT_REFUSALS_PER_PAGE,
    );
  }
  return {
    lines: mergeNewestFirst(rows, refusals.rows, locale),
    total,
    page: filter.page,
    pageCount,
    refusalsLeftOut: refusals.total - refusals.rows.length,
  };
}

/** Every line of the filtered log, up to AUDIT_EXPORT_LIMIT events and as many minutes of refusals among them. */
export async function exportAuditLog(
  deps: DatabaseDeps,
  user: SessionUser,
  filter: AuditFilter,
  locale: Locale,
): Promise<AuditLine[]> {
  const fetched = await selectAuditEvents(deps.prisma, await scopedWhere(deps, user, filter), {
    take: AUDIT_EXPORT_LIMIT + 1,
  });
  const rows = visibleTo(user, fetched.slice(0, AUDIT_EXPORT_LIMIT));
  if (!showsAnonymousRefusals(user, filter)) return mergeNewestFirst(rows, [], locale);
  // When the events were cut at the limit, the minutes stop where they stop.
  const lastOfPage = fetched.length > AUDIT_EXPORT_LIMIT ? rows.at(-1) : undefined;
  const refusals = await selectAnonymousRefusals(deps.prisma, refusalSpan(filter, { lastOfPage }), AUDIT_EXPORT_LIMIT);
  return mergeNewestFirst(rows, refusals.rows, locale);
}
