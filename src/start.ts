/** `npm start`: build the admin if needed, migrate, seed the demo (embedded database), serve. */
import './boot/environment'

import { bootPayload } from './boot/bootPayload'
import { ensureBuild } from './boot/ensureBuild'
import { databaseKind, demoEnabled, port } from './config/env'
import { closeDatabase } from './db/closeDatabase'
import { printLoginHelp, type SeedSummary, seedDemo } from './seed/seedDemo'
import { startServer } from './server'

const dev = process.argv.includes('--dev')
const started = Date.now()
if (!dev) await ensureBuild()

let seeded: SeedSummary | undefined
const { payload, migrated } = await bootPayload(async (p) => {
  if (demoEnabled()) seeded = await seedDemo(p, { onlyIntoEmptyDatabase: true })
})
if (migrated.length > 0) payload.logger.info(`Applied migrations: ${migrated.join(', ')}`)

const hub = await startServer({ payload, port: port(), dev })
payload.logger.info(
  `Content hub ready at ${hub.url} (database: ${databaseKind()}, ${Date.now() - started} ms)`,
)
if (seeded) printLoginHelp(hub.url, seeded)

let stopping = false
const stop = async (signal: string): Promise<void> => {
  if (stopping) return
  stopping = true
  payload.logger.info(`${signal}: finishing in-flight requests, then stopping`)
  await hub.close()
  await closeDatabase(payload)
  process.exit(0)
}
process.on('SIGTERM', () => void stop('SIGTERM'))
process.on('SIGINT', () => void stop('SIGINT'))
