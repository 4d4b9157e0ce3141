import 'server-only';
/**
 * Refreshes running in this process, one per account at a time: a page view that finds the data old starts one
 * and returns at once; views that arrive while it runs join it instead of starting another (the budget of 10
 * calls a minute would not survive a refresh per view). Kept on globalThis so that Next's module copies share it.
 */

const globalForRefresh = globalThis as unknown as { keysRefreshing?: Map<string, Promise<unknown>> };

function running(): Map<string, Promise<unknown>> {
  return (globalForRefresh.keysRefreshing ??= new Map());
}

export function isRefreshing(accountId: string): boolean {
  return running().has(accountId);
}

/** Runs `refresh` unless one is already running for the account; either way returns the running promise. */
export function runSingleRefresh<T>(accountId: string, refresh: () => Promise<T>): Promise<T> {
  const inFlight = running().get(accountId);
  if (inFlight) return inFlight as Promise<T>;
  const started = refresh().finally(() => running().delete(accountId));
  running().set(accountId, started);
  return started;
}
