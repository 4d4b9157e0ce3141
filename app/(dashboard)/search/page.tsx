import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { KeySearchForm } from '@/components/search/key-search-form';
import { KeySearchResults } from '@/components/search/key-search-results';
import { searchRefusal } from '@/components/search/search-refusal';
import { SectionHeader } from '@/components/shell/section-header';
import { sectionMetadata } from '@/components/shell/section-metadata';
import { dashboardSections } from '@/components/shell/sections';
import { requirePagePermission } from '@/lib/auth/page-guard';
import { serverDatabaseDeps } from '@/lib/db/deps';
import { isWholeKey } from '@/lib/key-search/classify-query';
import { keySearchHref, readKeySearch } from '@/lib/key-search/search-params';
import { searchKeys } from '@/lib/key-search/search-service';

const section = dashboardSections['search'];

export const generateMetadata = (): Promise<Metadata> => sectionMetadata(section.id);
export const dynamic = 'force-dynamic';

/**
 * /search, "Find a key", for support staff above all: what the customer says (the end of their key, its name, an IP
 * address, their sendSMS username) finds their keys across every account the user may read, each linking to its
 * key page. The search is in the URL (?q=…), so the page works without JavaScript and can be shared.
 */
export default async function KeySearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const search = readKeySearch(await searchParams);
  const user = await requirePagePermission('keys.read');
  // A whole key pasted into the box leaves the address (and the browser's history) at once: only its end is searched.
  if (search.state !== 'empty' && isWholeKey(search.q)) redirect(keySearchHref(search.q));
  const result = search.state === 'ready' ? await searchKeys(serverDatabaseDeps(), user, { q: search.q }) : null;
  const t = await getTranslations('search.page');
  return (
    <div className="grid gap-8">
      <SectionHeader section={section} />
      <KeySearchForm
        q={search.state === 'empty' ? '' : search.q}
        refusal={search.state === 'refused' ? searchRefusal(search.q, t) : undefined}
      />
      {result ? (
        <section aria-labelledby="keys-found" className="grid gap-3">
          <h2 id="keys-found" className="text-lg font-semibold">
            {t('resultsHeading', { q: result.q })}
          </h2>
          <KeySearchResults result={result} />
        </section>
      ) : null}
    </div>
  );
}
