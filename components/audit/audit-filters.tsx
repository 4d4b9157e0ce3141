import { useTranslations } from 'next-intl';

import { AUDIT_OUTCOMES, type AuditFilter } from '@/lib/audit-log/audit-filter';
import type { AuditFilterChoices } from '@/lib/audit-log/filter-choices';
import { ANONYMOUS_REFUSALS_ACTION, AUDIT_ACTION_CHOICES } from '@/lib/audit-log/event-sentence';
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
  const t = useTranslations('audit.filters');
  const tAudit = useTranslations('audit');
  const users = withCurrent(
    [
      { value: '', label: t('anyone') },
      ...choices.users.map((user) => ({
        value: user.id,
        label: t('userOption', { name: user.name, email: user.email }),
      })),
    ],
    filter.actor,
    (value) => t('emailContaining', { value }),
  );
  const accounts = withCurrent(
    [
      { value: '', label: t('anyAccount') },
      ...choices.accounts.map((account) => ({
        value: account.id,
        label: t('accountOption', { label: account.label, username: account.username }),
      })),
    ],
    filter.accountId,
    (id) => t('accountById', { id }),
  );
  const keys = withCurrent(
    [
      { value: '', label: filter.accountId ? t('anyKey') : t('pickAccountFirst') },
      ...choices.keys.map((key) => ({
        value: key.id,
        label: t(key.deleted ? 'deletedKeyOption' : 'keyOption', { name: key.name, fragment: key.fragment }),
      })),
    ],
    filter.keyId,
    (id) => t('keyById', { id }),
  );
  const actions = withCurrent(
    [
      { value: '', label: t('anyAction') },
      ...AUDIT_ACTION_CHOICES.filter(
        (choice) => showsAnonymousRefusals || choice.value !== ANONYMOUS_REFUSALS_ACTION,
      ).map((choice) => ({ value: choice.value, label: tAudit(`actions.${choice.label}`) })),
    ],
    filter.action,
    (value) => t('actionStartingWith', { value }),
  );
  const outcomes = [
    { value: '', label: t('anyOutcome') },
    ...AUDIT_OUTCOMES.map((value) => ({ value, label: tAudit(`outcomeOptions.${value}`) })),
  ];
  return (
    <form method="get" action="/audit" aria-label={t('formLabel')} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Select label={t('user')} name="actor" defaultValue={filter.actor ?? ''} options={users} className="w-full" />
      <Select
        label={t('account')}
        name="accountId"
        defaultValue={filter.accountId ?? ''}
        options={accounts}
        className="w-full"
      />
      <Select
        label={t('key')}
        name="keyId"
        defaultValue={filter.keyId ?? ''}
        options={keys}
        disabled={!filter.accountId && !filter.keyId}
        className="w-full"
      />
      <Select
        label={t('action')}
        name="action"
        defaultValue={filter.action ?? ''}
        options={actions}
        className="w-full"
      />
      <Select
        label={t('outcome')}
        name="outcome"
        defaultValue={filter.outcome ?? ''}
        options={outcomes}
        className="w-full"
      />
      <Input label={t('from')} name="from" type="date" defaultValue={filter.from ?? ''} />
      <Input label={t('to')} name="to" type="date" defaultValue={filter.to ?? ''} />
      <div className="flex flex-wrap items-end gap-2">
        <Button type="submit">{t('apply')}</Button>
        <a href="/audit" className={buttonClasses({ variant: 'ghost' })}>
          {t('clear')}
        </a>
        <a href={exportHref} className={buttonClasses({ variant: 'secondary' })} download>
          {t('exportCsv')}
        </a>
      </div>
    </form>
  );
}
