import { MASK } from '@/lib/redact';

/**
 * Parameters as the audit log may keep them: every value whose name says it is a secret is replaced by the mask,
 * at any depth. Applied on the way in, so that no caller can forget it.
 */

const SECRET_NAME = /pass(word)?|secret|token|credential|^key$|api_?key|request_key|totp|recovery/i;

export type AuditParams = { [name: string]: unknown };

export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([name, inner]) => [
        name,
        SECRET_NAME.test(name) && inner != null && inner !== '' ? MASK : maskSecrets(inner),
      ]),
    );
  }
  return value;
}
