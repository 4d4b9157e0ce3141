import { describe, expect, it } from 'vitest';
import { USAGE_PRESETS, usageLabelFor } from '@/lib/keys/inputs-presets';

describe('the usage label of a new key', () => {
  it('follows the infrastructure until the user picks a preset', () => {
    expect(usageLabelFor('DEFAULT', null)).toBe('DEFAULT');
    expect(usageLabelFor('CLOUD', null)).toBe('CLOUD');
  });

  it('keeps the preset the user picked, whatever infrastructure they choose after it', () => {
    expect(usageLabelFor('CLOUD', 'SMPP')).toBe('SMPP');
    expect(usageLabelFor('DEFAULT', 'APP')).toBe('APP');
    expect(usageLabelFor('CLOUD', 'DEFAULT')).toBe('DEFAULT');
  });

  it('agrees with the presets: each kind stands for the preset of its own name', () => {
    for (const kind of ['DEFAULT', 'CLOUD'] as const)
      expect(USAGE_PRESETS.find((preset) => preset.usageLabel === usageLabelFor(kind, null))?.kind).toBe(kind);
  });
});
