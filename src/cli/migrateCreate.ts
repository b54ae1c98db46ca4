/**
 * `npm run migrate:create -- <name>`: generate a migration for every SQL adapter we ship, from
 * the same config. Needs a reachable PostgreSQL (TEST_POSTGRES_URL or the local default).
 */
import { spawnSync } from 'node:child_process'

const name = process.argv[2] ?? 'change'
const postgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const targets = [
  { kind: 'sqlite', DATABASE_URL: 'file:./data/migrate-create.db' },
  { kind: 'postgres', DATABASE_URL: postgresUrl },
]
for (const target of targets) {
  console.log(`Creating ${target.kind} migration "${name}"…`)
  const result = spawnSync('npx', ['payload', 'migrate:create', name, '--skip-empty'], {
    // A developer's command: Payload may ask before generating a migration that loses data.
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: target.DATABASE_URL,
      NODE_OPTIONS: '--conditions=production',
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'migrate-create',
    },
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
