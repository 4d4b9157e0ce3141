import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { KEY_SEARCH_MAX_LENGTH } from '@/lib/key-search/search-query';

/**
 * The one box of "Find a key": a plain GET form to /search, so the search is in the address (shareable, back and
 * forward work) and works before any JavaScript has loaded.
 */
export function KeySearchForm({ q, refusal }: { q: string; refusal?: string }) {
  return (
    <form
      method="get"
      action="/search"
      role="search"
      aria-label="Find a key"
      className="flex flex-wrap items-end gap-3"
    >
      <div className="w-full max-w-xl">
        <Input
          label="What the customer told you"
          description="The last 4 characters of their key (the rest is never needed), part of the key's name, an IP address the key is locked on or was refused from, or their sendSMS username or account name."
          name="q"
          type="search"
          defaultValue={q}
          maxLength={KEY_SEARCH_MAX_LENGTH}
          autoComplete="off"
          spellCheck={false}
          error={refusal}
          placeholder="…3f9a, shop plugin, 203.0.113.7, magazin01"
        />
      </div>
      <Button type="submit">Find</Button>
    </form>
  );
}
