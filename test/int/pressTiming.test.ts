import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { fixedClock, setClock } from '../../src/clock'
import { PressRoom, type PressKit } from '../../src/public/press'
import { addPressRelease } from '../helpers/pressFixtures'
import { type PublicServer, startPublicServer } from '../helpers/publicServer'
import { startTestHub, type TestHub } from '../helpers/testHub'

const HOUR = 60 * 60 * 1000
const TTL = 60_000

let hub: TestHub
let server: PublicServer
let room: PressRoom
let department: number | string
const clock = fixedClock(new Date())
let restoreClock: () => void
const start = clock.now()

beforeAll(async () => {
  hub = await startTestHub()
  restoreClock = setClock(clock)
  const dep = await hub.payload.create({
    collection: 'departments',
    data: { name: 'Oppvekst', kind: 'etat' },
  })
  department = dep.id
  server = await startPublicServer([(req, res) => room.serve(req, res)])
})

beforeEach(() => {
  clock.set(start)
  // A fresh cache per test (time goes back to the start), with a long TTL: whatever changes
  // below by time alone must not wait for it.
  room = new PressRoom({ payload: hub.payload, ttlMs: TTL })
})

afterAll(async () => {
  restoreClock?.()
  await server?.close()
  await hub?.cleanup()
})

const at = (ms: number) => new Date(start.getTime() + ms)

async function titles(): Promise<string[]> {
  const kit = (await (await fetch(`${server.url}/api/press-kit`)).json()) as PressKit
  const page = await (await fetch(`${server.url}/press`)).text()
  const onPage = kit.pressReleases.filter((p) => page.includes(`>${p.title}</a>`))
  expect(onPage).toEqual(kit.pressReleases)
  return kit.pressReleases.map((p) => p.title)
}

describe('the press room over time', () => {
  it('should show an embargoed press release the moment its embargo lifts, not before', async () => {
    await addPressRelease(hub.payload, department, 'Ny barneskole', {
      embargoUntil: at(2 * HOUR).toISOString(),
    })
    expect(await titles()).not.toContain('Ny barneskole')
    clock.set(at(2 * HOUR - 1000))
    expect(await titles()).not.toContain('Ny barneskole')
    clock.set(at(2 * HOUR))
    expect(await titles()).toContain('Ny barneskole')
  })

  it('should drop a press release the moment it expires, cached copy or not', async () => {
    await addPressRelease(hub.payload, department, 'Hoeringsfrist', {
      expiresAt: at(3 * HOUR).toISOString(),
    })
    clock.set(at(3 * HOUR - 1000))
    expect(await titles()).toContain('Hoeringsfrist')
    clock.set(at(3 * HOUR))
    expect(await titles()).not.toContain('Hoeringsfrist')
  })

  it('should show a scheduled press release from its publish time', async () => {
    await addPressRelease(hub.payload, department, 'Planlagt melding', {
      publishAt: at(5 * HOUR).toISOString(),
    })
    clock.set(at(5 * HOUR - 1000))
    expect(await titles()).not.toContain('Planlagt melding')
    clock.set(at(5 * HOUR))
    expect(await titles()).toContain('Planlagt melding')
  })

  it('should drop a retracted (unpublished) press release within two TTLs', async () => {
    const id = await addPressRelease(hub.payload, department, 'Trukket melding')
    clock.set(at(3000))
    expect(await titles()).toContain('Trukket melding')
    await hub.payload.update({ collection: 'news', id, data: { _status: 'draft' } as never })
    clock.set(at(3000 + 2 * TTL))
    expect(await titles()).not.toContain('Trukket melding')
  })

  it('should drop a deleted press release within two TTLs', async () => {
    const id = await addPressRelease(hub.payload, department, 'Slettet melding')
    clock.set(at(4000))
    expect(await titles()).toContain('Slettet melding')
    await hub.payload.delete({ collection: 'news', id })
    clock.set(at(4000 + 2 * TTL))
    expect(await titles()).not.toContain('Slettet melding')
  })

  it('should answer from the previous copy while it rebuilds after one TTL', async () => {
    const id = await addPressRelease(hub.payload, department, 'Gammel kopi')
    const json = async () =>
      ((await (await fetch(`${server.url}/api/press-kit`)).json()) as PressKit).pressReleases.map(
        (p) => p.title,
      )
    clock.set(at(5000))
    expect(await json()).toContain('Gammel kopi')
    await hub.payload.update({ collection: 'news', id, data: { _status: 'draft' } as never })
    clock.set(at(5000 + TTL))
    expect(await json()).toContain('Gammel kopi')
    await room.settled()
    expect(await json()).not.toContain('Gammel kopi')
  })
})
