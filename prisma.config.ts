// The Prisma CLI's settings. The dashboard applies migrations itself (lib/db/migrate.ts); this file lets
// `prisma generate` run here and `prisma migrate deploy` run wherever Prisma's native schema engine is available.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/unused' },
});
