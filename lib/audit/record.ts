import { z } from 'zod';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { maskSecrets } from '@/lib/audit/mask';
import { redact } from '@/lib/redact';

/**
 * Writes one audit row. Pass the transaction of the change being recorded, so that the change and its record
 * commit or roll back together; a failed attempt is recorded on its own with outcome 'failure' or 'denied'.
 * The table refuses UPDATE and DELETE (see the init migration): rows are only ever added.
 */

export const auditEventSchema = z.object({
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  actorRole: z.enum(['ADMIN', 'SUPPORT', 'LEAD']).nullable(),
  accountId: z.string().nullable().default(null),
  keyId: z.string().nullable().default(null),
  /** Dotted, domain words: 'key.generate', 'ip.authorize', 'account.view', 'auth.sign_in'. */
  action: z.string().min(1).max(100),
  params: z.record(z.string(), z.unknown()).default({}),
  outcome: z.enum(['success', 'failure', 'denied']),
  upstreamStatus: z.number().int().nullable().default(null),
  sourceIp: z.string().max(100).nullable().default(null),
  userAgent: z.string().max(500).nullable().default(null),
});

export type AuditEventInput = z.input<typeof auditEventSchema>;

type AuditWriter = Pick<PrismaClient, 'auditEvent'> | Prisma.TransactionClient;

export async function recordAuditEvent(db: AuditWriter, input: AuditEventInput): Promise<void> {
  const event = auditEventSchema.parse(input);
  // Masked by name, then by shape (URLs with credentials in them), so neither kind of secret is kept.
  const params = JSON.parse(redact(JSON.stringify(maskSecrets(event.params)))) as Prisma.InputJsonValue;
  await db.auditEvent.create({ data: { ...event, params } });
}
