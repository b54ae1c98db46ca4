import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createRegistry } from '../../channels/registry'
import { type SandboxAdapter, sandboxAdapter } from '../../channels/sandbox/sandboxAdapter'
import { fixedClock, setClock } from '../../src/clock'
import { setActiveRegistry } from '../../src/outbox/activeRegistry'
import { createDispatcher, type Dispatcher } from '../../src/outbox/createDispatcher'
import { type Scheduler, startScheduler } from '../../src/scheduler'
import { newsPublisher } from '../helpers/newsPublisher'
import { startTestHub, type TestHub } from '../helpers/testHub'

let hub: TestHub
let sandbox: SandboxAdapter
let dispatcher: Dispatcher
let scheduler: Scheduler
let department: number
let press: ReturnType<typeof newsPublisher>
const clock = fixedClock('2026-12-01T09:00:00.000Z')
let restoreClock: () => void

async function tick(): Promise<void> {
  await scheduler.tick()
  await dispatcher.idle()
}

beforeAll(async () => {
  hub = await startTestHub()
  restoreClock = setClock(clock)
  department = (
    await hub.payload.create({
      collection: 'departments',
      data: { name: 'Oppvekst', kind: 'etat' },
    })
  ).id
  press = newsPublisher(hub.payload, department, 'Pressemelding om ny skole')
})

beforeEach(() => {
  clock.set('2026-12-01T09:00:00.000Z')
  sandbox = sandboxAdapter({ name: 'website' })
  const registry = createRegistry([sandbox], {})
  setActiveRegistry(registry)
  dispatcher = createDispatcher({
    payload: hub.payload,
    registry,
    now: () => clock.now(),
    worker: 'test',
  })
  scheduler = startScheduler({
    payload: hub.payload,
    registry,
    dispatcher,
    now: () => clock.now(),
    expression: 'manual',
  })
})

afterAll(async () => {
  await dispatcher?.stop()
  setActiveRegistry(undefined)
  restoreClock?.()
  await hub?.cleanup()
})

describe('the scheduler', () => {
  it('should deliver an embargoed item at the tick after its embargo lifts, not before', async () => {
    const doc = await press({ embargoUntil: '2026-12-01T10:00:00.000Z' })
    await tick()
    expect(sandbox.records).toEqual([])
    clock.set('2026-12-01T10:00:04.000Z')
    await tick()
    expect(sandbox.records).toMatchObject([{ action: 'publish', message: { id: String(doc.id) } }])
  })

  it('should publish a scheduled item at its time', async () => {
    await press({ publishAt: '2026-12-01T12:00:00.000Z' })
    clock.set('2026-12-01T11:59:59.000Z')
    await tick()
    expect(sandbox.records).toEqual([])
    clock.set('2026-12-01T12:00:01.000Z')
    await tick()
    expect(sandbox.records.map((r) => r.action)).toEqual(['publish'])
  })

  it('should retract an item when it expires', async () => {
    await press({ expiresAt: '2026-12-01T09:30:00.000Z' })
    await dispatcher.idle()
    await tick()
    expect(sandbox.records.map((r) => r.action)).toEqual(['publish'])
    clock.set('2026-12-01T09:30:02.000Z')
    await tick()
    expect(sandbox.records.map((r) => r.action)).toEqual(['publish', 'retract'])
  })
})
