import type { AuditFilter } from '@/lib/audit-log/audit-filter';
import { Button, buttonClasses } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

/** A plain GET form: the filters live in the URL, so a view can be bookmarked, shared and exported as is. */
export function AuditFilters({ filter, exportHref }: { filter: AuditFilter; exportHref: string }) {
  return (
    <form
      method="get"
      action="/audit"
      aria-label="Filter the audit log"
      className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6"
    >
      <Input label="Actor" name="actor" defaultValue={filter.actor ?? ''} placeholder="email" />
      <Input label="Account" name="accountId" defaultValue={filter.accountId ?? ''} placeholder="account id" />
      <Input label="Key" name="keyId" defaultValue={filter.keyId ?? ''} placeholder="key id" />
      <Input label="Action" name="action" defaultValue={filter.action ?? ''} placeholder="e.g. auth.sign_in" />
      <Input label="From" name="from" type="date" defaultValue={filter.from ?? ''} />
      <Input label="To" name="to" type="date" defaultValue={filter.to ?? ''} />
      <div className="flex gap-2 sm:col-span-3 lg:col-span-6">
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
