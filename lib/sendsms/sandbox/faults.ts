import { z } from 'zod';

/**
 * The switches that make the sandbox misbehave on purpose, per account (or for calls naming no account), so that
 * tests and the demo can drive every error path of the client. Stored with the account, so they hold across
 * processes and restarts until cleared.
 */

export const IP_LIST_SHAPES = ['objects', 'strings', 'keyed', 'csv'] as const;
export type IpListShape = (typeof IP_LIST_SHAPES)[number];

export const faultsSchema = z
  .object({
    /** Answer after this many milliseconds. */
    slowMs: z.number().int().min(0).max(120_000).optional(),
    /** Answer every call with this status instead (e.g. -16, -4096, -8192). */
    status: z.number().int().max(-1).optional(),
    /** Answer with an HTML error page instead of JSON. */
    nonJson: z.boolean().optional(),
    /** Answer with this HTTP status (and an HTML page) instead of 200. */
    httpStatus: z.number().int().min(300).max(599).optional(),
    /** Answer successes with a `details` of a shape no client knows. */
    unknownShape: z.boolean().optional(),
    /** Cut the connection without answering. */
    reset: z.boolean().optional(),
    /** Answer -2 to these actions, as an account lacking them would. */
    unsupported: z.array(z.string()).optional(),
    /** How token_list_ips shapes its list (every shape the contract lists). */
    ipListShape: z.enum(IP_LIST_SHAPES).optional(),
  })
  .strict();

export type Faults = z.infer<typeof faultsSchema>;

/** Faults read back from the database: anything unreadable counts as no fault rather than a crash. */
export function readFaults(stored: unknown): Faults {
  const parsed = faultsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : {};
}
