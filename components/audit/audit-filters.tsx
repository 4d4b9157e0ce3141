import type { AuditFilter } from '@/lib/audit-log/audit-filter';
import type { AuditFilterChoices } from '@/lib/audit-log/filter-choices';
import { ANONYMOUS_REFUSALS_ACTION, AUDIT_ACTION_CHOICES, OUTCOME_NAMES } from '@/lib/audit-log/event-sentence';
import { Button, buttonClasses } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';

type Option = { value: string; label: string };

/** The list, with the URL's value kept as an option when the list does not hold it (an old link, part of an email). */
function withCurrent(options: Option[], current: string | undefined, label: (value: string) => string): Option[] {
  return current && !options.some((option) => option.value === current)
    ? [...options, { value: current, label: label(current) }]
    : options;
}

/**
 * A plain GET form: the filters live in the URL, so a view can be bookmarked, shared and exported as is. Users,
 * accounts, keys and actions are picked by name; the URL keeps their ids. Keys are listed once an account is picked.
 */
export function AuditFilters({
  filter,
  choices,
  showsAnonymousRefusals,
  exportHref,
}: {
  filter: AuditFilter;
  choices: AuditFilterChoices;
  /** Whether the reader sees the refused requests without a session (they read every account). */
  showsAnonymousRefusals: boolean;
  exportHref: string;
}) {
  const users = withCurrent(
    [
      { value: '', label: 'Anyone' },
      ...choices.users.map((user) => ({ value: user.id, label: `${user.name} (${user.email})` })),
    ],
    filter.actor,
    (value) => `Email containing “${value}”`,
  );
  const accounts = withCurrent(
    [
      { value: '', label: 'Any account' },
      ...choices.accounts.map((account) => ({ value: account.id, label: `${account.label} (${account.username})` })),
    ],
    filter.accountId,
    (value) => `Account ${value}`,
  );
  const keys = withCurrent(
    [
      { value: '', label: filter.accountId ? 'Any key' : 'Pick an account first' },
      ...choices.keys.map((key) => ({
        value: key.id,
        label: `${key.name} · ${key.fragment}${key.deleted ? ' (deleted)' : ''}`,
      })),
    ],
    filter.keyId,
    (value) => `Key ${value}`,
  );
  const actions = withCurrent(
    [
      { value: '', label: 'Any action' },
      ...AUDIT_ACTION_CHOICES.filter((choice) => showsAnonymousRefusals || choice.value !== ANONYMOUS_REFUSALS_ACTION),
    ],
    filter.action,
    (value) => `Starting with “${value}”`,
  );
  const outcomes = [
    { value: '', label: 'Any outcome' },
    ...Object.entries(OUTCOME_NAMES).map(([value, label]) => ({
      value,
      label: label[0]!.toUpperCase() + label.slice(1),
    })),
  ];
  return (
    <form
      method="get"
      action="/audit"
      aria-label="Filter the audit log"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
    >
      <Select label="User" name="actor" defaultValue={filter.actor ?? ''} options={users} className="w-full" />
      <Select
        label="Account"
        name="accountId"
        defaultValue={filter.accountId ?? ''}
        options={accounts}
        className="w-full"
      />
      <Select
        label="Key"
        name="keyId"
        defaultValue={filter.keyId ?? ''}
        options={keys}
        disabled={!filter.accountId && !filter.keyId}
        className="w-full"
      />
      <Select label="Action" name="action" defaultValue={filter.action ?? ''} options={actions} className="w-full" />
      <Select
        label="Outcome"
        name="outcome"
        defaultValue={filter.outcome ?? ''}
        options={outcomes}
        className="w-full"
      />
      <Input label="From (UTC day)" name="from" type="date" defaultValue={filter.from ?? ''} />
      <Input label="To (UTC day)" name="to" type="date" defaultValue={filter.to ?? ''} />
      <div className="flex flex-wrap items-end gap-2">
        <Button type="submit">Apply filters</Button>
        <a href="/audit" className={buttonClasses({ variant: 'ghost' })}>
          Clear
        </a>
        <a href={exportHref} className={buttonClasses({ variant: 'secondary' })} download>
          Export CSV
        </a>
      </div>
    </form>
  );
}
