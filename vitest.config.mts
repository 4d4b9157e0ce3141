import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Two depths, two projects: `unit` touches no I/O; `integration` gets a real, freshly migrated PostgreSQL from
// test/integration/global-setup.ts (the embedded one, or the server DATABASE_URL names).
const root = path.dirname(fileURLToPath(import.meta.url));
// `server-only` throws unless imported under React's `react-server` condition (as Next.js builds server code, and
// as the tsx scripts run: see package.json). Tests run server modules on purpose, so it is the package's no-op here.
const alias = { '@': root, 'server-only': path.join(root, 'node_modules', 'server-only', 'empty.js') };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'lib/**/*.test.ts',
            'i18n/**/*.test.ts',
            'messages/**/*.test.ts',
            'components/**/*.test.{ts,tsx}',
            'scripts/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**', 'lib/generated/**'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
