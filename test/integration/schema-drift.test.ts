import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  SCHEMA_PATH,
  shapeFromDatabase,
  shapeFromPrismaSchema,
  shapeFromSchemaFile,
} from '@/test/integration/support/schema-shape';
import { testDatabaseUrl } from '@/test/integration/support/database';

describe('schema.prisma and prisma/migrations', () => {
  it('describe the same database', async () => {
    const fromMigrations = await shapeFromDatabase(testDatabaseUrl());
    expect(fromMigrations).toEqual(shapeFromSchemaFile());
  });

  // The comparison itself must be able to fail: each edit below is a kind of drift it has to see.
  const schemaText = fs.readFileSync(SCHEMA_PATH, 'utf8');
  const drifts: Array<[string, string]> = [
    [
      'a new column',
      schemaText.replace(
        '  lastUsedAt        DateTime?\n',
        '  lastUsedAt        DateTime?\n  revokedAt         DateTime?\n',
      ),
    ],
    [
      'a column made optional',
      schemaText.replace('  name              String\n  kind', '  name              String?\n  kind'),
    ],
    ['a new enum value', schemaText.replace('  SMPP\n', '  SMPP\n  WEBHOOK\n')],
    ['a dropped index', schemaText.replace('  @@index([keyId, takenAt])\n', '')],
    [
      'a changed delete rule',
      schemaText.replace(
        'key       ApiKey      @relation(fields: [keyId], references: [id], onDelete: Cascade)',
        'key       ApiKey      @relation(fields: [keyId], references: [id], onDelete: Restrict)',
      ),
    ],
    [
      'a new default',
      schemaText.replace('  outcome        String\n', '  outcome        String   @default("success")\n'),
    ],
  ];

  it.each(drifts)('notices %s', async (_, driftedSchema) => {
    expect(driftedSchema).not.toBe(schemaText);
    const fromMigrations = await shapeFromDatabase(testDatabaseUrl());
    expect(fromMigrations).not.toEqual(shapeFromPrismaSchema(driftedSchema));
  });
});
