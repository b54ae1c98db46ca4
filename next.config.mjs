import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // `npm run typecheck` and `npm run lint` own these checks; the build only compiles.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // Our custom server (src/server.ts) serves every route; Next only renders the admin and /api.
  distDir: process.env.HUB_NEXT_DIST_DIR || '.next',
  // One Payload per process: src/server.ts initialises Payload before Next, and the admin and
  // /api routes must reach that same instance (and its error classes), not a bundled copy.
  serverExternalPackages: [
    'payload',
    '@payloadcms/db-sqlite',
    '@payloadcms/db-postgres',
    '@payloadcms/db-mongodb',
    '@payloadcms/drizzle',
    '@payloadcms/graphql',
    'sharp',
  ],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
