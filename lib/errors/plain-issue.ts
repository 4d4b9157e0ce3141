/**
 * A validation issue as a sentence a person reads. A schema's own message ("Give the key a name") is kept as it is;
 * zod's defaults ("Too small: expected string to have >=1 characters", 'Invalid option: expected one of "A"|"B"')
 * are said plainly instead. Never prefixed with the field's key: the answer's `field` says where it belongs.
 */

export interface ValidationIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
  code?: string;
  values?: unknown[];
  keys?: string[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

const ZOD_DEFAULT = /^(Invalid input|Invalid option|Unrecognized key|Too small|Too big)\b/;

export function plainIssueMessage(issue: ValidationIssue): string {
  const message = issue.message.trim();
  if (!ZOD_DEFAULT.test(message)) return asSentence(message);
  const minimum = Number(issue.minimum);
  const maximum = Number(issue.maximum);
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined$/.test(message) ? 'Fill in this field.' : 'This value is not of the right kind.';
    case 'invalid_value':
      return Array.isArray(issue.values) && issue.values.length > 0
        ? `Choose one of: ${issue.values.map(String).join(', ')}.`
        : 'Choose one of the offered values.';
    case 'unrecognized_keys':
      return `This request does not take ${(issue.keys ?? []).map((key) => `"${key}"`).join(', ') || 'that field'}.`;
    case 'too_small':
      if (issue.origin === 'string')
        return minimum <= 1 ? 'Fill in this field.' : `Use at least ${minimum} characters.`;
      if (issue.origin === 'array') return minimum <= 1 ? 'Choose at least one.' : `Choose at least ${minimum}.`;
      return `Use ${minimum} or more.`;
    case 'too_big':
      if (issue.origin === 'string') return `Use at most ${maximum} characters.`;
      if (issue.origin === 'array') return `Choose at most ${maximum}.`;
      return `Use ${maximum} or less.`;
    default:
      return asSentence(message);
  }
}

/** A fragment ("enter an address") as the start of a sentence ("Enter an address"). */
export function asSentence(message: string): string {
  return message ? `${message.charAt(0).toUpperCase()}${message.slice(1)}` : 'This value is not valid.';
}
