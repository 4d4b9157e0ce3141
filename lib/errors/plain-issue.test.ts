import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { plainIssueMessage } from '@/lib/errors/plain-issue';

const messages = (schema: z.ZodType, input: unknown) =>
  schema
    .safeParse(input)
    .error!.issues.map((issue) => plainIssueMessage(issue as Parameters<typeof plainIssueMessage>[0]));

describe('plainIssueMessage', () => {
  it('keeps a schema’s own sentence, capitalised', () => {
    expect(
      messages(
        z.object({ name: z.string().min(1, 'Give the key a name'), label: z.string().min(1, 'enter a label') }),
        { name: '', label: '' },
      ),
    ).toEqual(['Give the key a name', 'Enter a label']);
  });

  it('says zod’s defaults plainly, without the field’s key', () => {
    const schema = z
      .object({
        kind: z.enum(['DEFAULT', 'CLOUD']),
        name: z.string().min(3).max(5),
        code: z.string().min(1),
        flag: z.boolean(),
        ids: z.array(z.string()).min(1),
      })
      .strict();
    expect(messages(schema, { kind: 'X', name: 'a', code: '', ids: [], extra: 1 })).toEqual([
      'Choose one of: DEFAULT, CLOUD.',
      'Use at least 3 characters.',
      'Fill in this field.',
      'Fill in this field.',
      'Choose at least one.',
      'This request does not take "extra".',
    ]);
    expect(
      messages(z.object({ name: z.string().max(5), count: z.number().max(4) }), { name: 'abcdefgh', count: 'x' }),
    ).toEqual(['Use at most 5 characters.', 'This value is not of the right kind.']);
  });
});
