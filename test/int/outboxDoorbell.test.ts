import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { listenForOutbox, ringOutbox } from '../../src/outbox/outboxDoorbell'
import { adapterPool } from '../../src/outbox/pgStatements'
import { startTestHub, testDatabase, type TestHub } from '../helpers/testHub'

let hub: TestHub

beforeAll(async () => {
  hub = await startTestHub()
})

afterAll(async () => {
  await hub?.cleanup()
})

/** The rows of pg_stat_activity for connections listening on the doorbell. */
async function listeningBackends(): Promise<number[]> {
  const { rows } = await pool().query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN hub_outbox%'`,
  )
  return rows.map((r) => Number(r.pid))
}

function pool() {
  const found = adapterPool(hub.payload)
  if (!found) throw new Error('the PostgreSQL tests need the PostgreSQL adapter')
  return found
}

describe.runIf(testDatabase() === 'postgres')('outbox doorbell on PostgreSQL', () => {
  it('should wake a listening worker when another connection rings', async () => {
    const wake = vi.fn()
    const listener = listenForOutbox(hub.payload, wake)
    try {
      await vi.waitFor(() => expect(wake).toHaveBeenCalledTimes(1)) // the wake after LISTEN
      ringOutbox(hub.payload)
      await vi.waitFor(() => expect(wake).toHaveBeenCalledTimes(2))
    } finally {
      await listener.stop()
    }
  })

  it('should listen again on a fresh connection after its connection was lost', async () => {
    const wake = vi.fn()
    const onError = vi.fn()
    const listener = listenForOutbox(hub.payload, wake, { onError, retryMs: 50 })
    try {
      await vi.waitFor(() => expect(wake).toHaveBeenCalledTimes(1))
      const [pid] = await listeningBackends()
      expect(pid).toBeDefined()
      await pool().query(`SELECT pg_terminate_backend(${Number(pid)})`)
      await vi.waitFor(() => expect(onError).toHaveBeenCalled())
      await vi.waitFor(async () => expect(await listeningBackends()).toHaveLength(1))
      const calls = wake.mock.calls.length
      ringOutbox(hub.payload)
      await vi.waitFor(() => expect(wake.mock.calls.length).toBeGreaterThan(calls))
    } finally {
      await listener.stop()
    }
  })

  it('should stop listening and give its connection back when stopped', async () => {
    const listener = listenForOutbox(hub.payload, () => undefined)
    await vi.waitFor(async () => expect(await listeningBackends()).toHaveLength(1))
    await listener.stop()
    expect(await listeningBackends()).toHaveLength(0)
  })
})

describe.runIf(testDatabase() === 'sqlite')('outbox doorbell on SQLite', () => {
  it('should neither ring nor listen where there is no LISTEN/NOTIFY', async () => {
    const wake = vi.fn()
    const listener = listenForOutbox(hub.payload, wake)
    ringOutbox(hub.payload)
    await listener.stop()
    expect(wake).not.toHaveBeenCalled()
  })
})
