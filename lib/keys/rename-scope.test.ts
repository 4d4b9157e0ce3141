import { describe, expect, it } from 'vitest';
import { renameScope } from '@/lib/keys/rename-scope';

describe('renameScope', () => {
  it('says the name changes in the dashboard only, and which name sendSMS keeps', () => {
    expect(renameScope('Website orders')).toBe(
      'Only this dashboard’s name changes: sendSMS cannot rename keys, so it keeps calling this one “Website orders”.',
    );
    expect(renameScope(null)).toMatch(/^Only this dashboard’s name changes: .*has not reported a name/);
  });
});
