/**
 * The audit log as the page, the API and the export read it: each event with the people, accounts and keys it names
 * resolved to their names (the ids stay beside them, for support tickets), and the minutes of requests refused
 * without a session, counted per address (lib/audit/anonymous-refusal.ts).
 */

export interface UserName {
  id: string;
  name: string;
  email: string;
}

export interface AccountName {
  id: string;
  label: string;
  username: string;
}

/** A key by its name and visible fragment; a deleted key keeps both, so its events still name it. */
export interface KeyName {
  id: string;
  name: string;
  fragment: string;
  deleted: boolean;
}

/** One AuditEvent row, with what it names resolved (null when it names nothing, or what it named is gone). */
export interface AuditRow {
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  accountId: string | null;
  keyId: string | null;
  action: string;
  outcome: string;
  params: unknown;
  upstreamStatus: number | null;
  sourceIp: string | null;
  userAgent: string | null;
  actor: UserName | null;
  account: AccountName | null;
  key: KeyName | null;
  /** The user a `user.*` event is about (its params' userId). */
  subject: UserName | null;
  /** The accounts a `user.*` event gave the user (its params' accountIds), those the reader may see. */
  grantedAccounts: AccountName[];
}

/** One source address's requests refused without a session within one minute. */
export interface AnonymousRefusalRow {
  sourceIp: string;
  /** The start of the minute, ISO 8601. */
  minute: string;
  count: number;
  firstPath: string;
  lastPath: string;
}

/** A labelled field of a line's details: "IP address: 198.51.100.20". */
export interface AuditDetail {
  label: string;
  value: string;
}

/** One line of the audit log as shown: what happened in a sentence, how it ended, and its details. */
export interface AuditLine {
  kind: 'event' | 'anonymous_refusals';
  /** Unique among the lines: `event-<id>` or `refusals-<address>-<minute>`. */
  key: string;
  occurredAt: string;
  sentence: string;
  outcome: string;
  details: AuditDetail[];
  /** What support is asked for: the ids behind the names, one `label id` per entry. */
  ids: AuditDetail[];
  /** The event as stored, with its names (event lines only). */
  event?: AuditRow;
  /** The minute's count as stored (refusal lines only). */
  refusals?: AnonymousRefusalRow;
}
