/**
 * Identical reads that overlap share one upstream call: with 10 queries a minute per account, a page opened in
 * three tabs must not spend three. Only calls in flight are shared; nothing is cached after the answer.
 */
export interface Coalescer {
  run<T>(key: string, start: () => Promise<T>): Promise<T>;
  readonly inFlight: number;
}

export function createCoalescer(): Coalescer {
  const pending = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, start: () => Promise<T>): Promise<T> {
      const existing = pending.get(key);
      if (existing) return existing as Promise<T>;
      const call = start().finally(() => pending.delete(key));
      pending.set(key, call);
      return call;
    },
    get inFlight() {
      return pending.size;
    },
  };
}
