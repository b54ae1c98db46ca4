/** `npm start`: build the admin if needed, migrate, seed the demo (embedded database), serve, deliver. */
import './boot/environment'

import os from 'node:os'

import { bootPayload } from './boot/bootPayload'
import type { ChannelRegistry } from '../channels/registry'
import { buildChannelRegistry, sandboxedChannels } from './boot/channelRegistry'
import { ensureBuild } from './boot/ensureBuild'
import { now } from './clock'
import {
  databaseKind,
  deliveryLeaseMs,
  demoEnabled,
  hubRole,
  port,
  retryScale,
  webhookTimeoutMs,
} from './config/env'
import { closeDatabase } from './db/closeDatabase'
import { setActiveRegistry, setEnqueueListener } from './outbox/activeRegistry'
import { createDispatcher, type Dispatcher } from './outbox/createDispatcher'
import { listenForOutbox, type OutboxListener, ringOutbox } from './outbox/outboxDoorbell'
import { startScheduler, type Scheduler } from './scheduler'
import { printLoginHelp, type SeedSummary, seedDemo } from './seed/seedDemo'
import type { HubServer } from './server'
import { alertEditors } from './outbox/alertEditors'
import { setHealthService } from './health/activeHealth'
import { createHealthMonitor, type HealthMonitor } from './health/createHealthMonitor'
import { createHealthService } from './health/createHealthService'

const dev = process.argv.includes('--dev')
const role = hubRole()
// Read before anything starts, so a bad value stops the start instead of the first retry.
const leaseMs = deliveryLeaseMs()
retryScale()
webhookTimeoutMs()
const started = Date.now()
if (!dev && role !== 'worker') await ensureBuild()

let seeded: SeedSummary | undefined
let registry: ChannelRegistry | undefined
let health: HealthMonitor | undefined
const { payload, migrated } = await bootPayload(async (p) => {
  registry = buildChannelRegistry(p)
  setActiveRegistry(registry)
  health = createHealthMonitor({ payload: p, registry, now })
  const sandboxed = sandboxedChannels()
  setHealthService(createHealthService({ payload: p, registry, sandboxed, monitor: health }))
  if (demoEnabled()) seeded = await seedDemo(p, { onlyIntoEmptyDatabase: true })
})
if (migrated.length > 0) payload.logger.info(`Applied migrations: ${migrated.join(', ')}`)

let dispatcher: Dispatcher | undefined
let scheduler: Scheduler | undefined
let doorbell: OutboxListener | undefined
if (role !== 'web' && registry && payload.db.name === 'mongoose') {
  // The ledger's claim and settlement are SQL statements; MongoDB has no implementation yet.
  payload.logger.warn('Deliveries are not dispatched on MongoDB: use SQLite or PostgreSQL.')
} else if (role !== 'web' && registry) {
  const onError = (err: unknown) => payload.logger.error({ err, msg: 'Delivery loop failed' })
  dispatcher = createDispatcher({
    payload,
    registry,
    now,
    worker: `${os.hostname()}:${process.pid}`,
    leaseMs,
    onError,
    onDead: (dead) => alertEditors(payload, dead),
  })
  scheduler = startScheduler({ payload, registry, dispatcher, now, onError, health })
  const wake = dispatcher.wake
  // The other processes' workers hear of an enqueue too (PostgreSQL; a no-op elsewhere).
  setEnqueueListener(() => {
    wake()
    ringOutbox(payload)
  })
  doorbell = listenForOutbox(payload, wake, {
    onError: (err) => payload.logger.warn({ err, msg: 'Listening for new deliveries failed' }),
  })
  dispatcher.wake()
} else if (role === 'web') {
  // No dispatcher here: the workers are told, so a publish does not wait for their next tick.
  setEnqueueListener(() => ringOutbox(payload))
}

let hub: HubServer | undefined
if (role !== 'worker') {
  // Loaded only here: the server pulls in Next and Express, which a worker never needs.
  const { startServer } = await import('./server')
  hub = await startServer({ payload, port: port(), dev })
}
payload.logger.info(
  `Content hub ready${hub ? ` at ${hub.url}` : ''} (role: ${role}, database: ${databaseKind()}, ${Date.now() - started} ms)`,
)
if (seeded && hub) printLoginHelp(hub.url, seeded)

let stopping = false
const stop = async (signal: string): Promise<void> => {
  if (stopping) return
  stopping = true
  payload.logger.info(`${signal}: finishing in-flight requests and deliveries, then stopping`)
  await scheduler?.stop()
  await doorbell?.stop()
  await Promise.all([hub?.close(), dispatcher?.stop()])
  await closeDatabase(payload)
  process.exit(0)
}
process.on('SIGTERM', () => void stop('SIGTERM'))
process.on('SIGINT', () => void stop('SIGINT'))
