import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { feedsAdapter, type FeedsAdapter } from '../../channels/feeds'
import { createRegistry } from '../../channels/registry'
import { fixedClock, setClock } from '../../src/clock'
import { setActiveRegistry } from '../../src/outbox/activeRegistry'
import { createDispatcher, type Dispatcher } from '../../src/outbox/createDispatcher'
import { SnapshotRoutes } from '../../src/public/snapshotRoutes'
import { type Scheduler, startScheduler } from '../../src/scheduler'
import { startTestHub, type TestHub } from './testHub'

export type FeedsHub = {
  hub: TestHub
  clock: ReturnType<typeof fixedClock>
  routes: SnapshotRoutes
  adapter: FeedsAdapter
  /** One scheduler tick, then every delivery it made due. */
  tick: () => Promise<void>
  /** Every due delivery, e.g. after a write. */
  drain: () => Promise<void>
  get: (path: string, headers?: Record<string, string>) => Promise<Response>
  close: () => Promise<void>
}

/**
 * A hub on a fresh database with the real feeds adapter registered (and nothing else), a
 * dispatcher and a manual scheduler on a fixed clock, and a node:http server that answers from
 * the adapter's routes the way src/server.ts does before Express.
 */
export async function startFeedsHub(start: string): Promise<FeedsHub> {
  const hub = await startTestHub()
  const clock = fixedClock(start)
  const restoreClock = setClock(clock)
  const routes = new SnapshotRoutes()
  routes.notFoundFor((path) => path.startsWith('/feeds/'), 'Fant ingen feed\n')
  const adapter = feedsAdapter({ payload: hub.payload, routes, now: () => clock.now() })
  const registry = createRegistry([adapter], {})
  setActiveRegistry(registry)
  const dispatcher: Dispatcher = createDispatcher({
    payload: hub.payload,
    registry,
    now: () => clock.now(),
    worker: 'test',
  })
  const scheduler: Scheduler = startScheduler({
    payload: hub.payload,
    registry,
    dispatcher,
    now: () => clock.now(),
    expression: 'manual',
  })
  const server = http.createServer((req, res) => {
    if (!routes.serve(req, res)) {
      res.statusCode = 418
      res.end('passed on')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const drain = async (): Promise<void> => {
    dispatcher.wake()
    await dispatcher.idle()
    await adapter.settled()
  }
  return {
    hub,
    clock,
    routes,
    adapter,
    drain,
    tick: async () => {
      await scheduler.tick()
      await dispatcher.idle()
      await adapter.settled()
    },
    get: (path, headers = {}) => fetch(`${base}${path}`, { headers }),
    close: async () => {
      await adapter.settled()
      await scheduler.stop()
      await dispatcher.stop()
      setActiveRegistry(undefined)
      restoreClock()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await hub.cleanup()
    },
  }
}
