// The server's time zone must not matter: run the whole file as a UTC server would.
process.env.TZ = 'UTC'

import ical, { type VEvent } from 'node-ical'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startFeedsHub, type FeedsHub } from '../helpers/feedsHub'

let feeds: FeedsHub
let department: number
let serial = 0

async function calendar(): Promise<{ text: string; events: VEvent[] }> {
  const res = await feeds.get('/feeds/events.ics')
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
  const text = await res.text()
  const events = Object.values(ical.sync.parseICS(text)).filter(
    (c): c is VEvent => c?.type === 'VEVENT',
  )
  return { text, events }
}

async function event(data: Record<string, unknown> = {}) {
  serial += 1
  const doc = await feeds.hub.payload.create({
    collection: 'events',
    data: {
      title: `Julekonsert ${serial}`,
      slug: `julekonsert-${serial}`,
      department,
      place: 'Modum kirke',
      // 18:00–20:00 in Oslo (winter time).
      startsAt: '2026-12-10T17:00:00.000Z',
      endsAt: '2026-12-10T19:00:00.000Z',
      channels: ['feeds'],
      _status: 'published',
      ...data,
    } as never,
  })
  await feeds.drain()
  return doc
}

const uidOf = (doc: { uid?: unknown }) => `${String(doc.uid)}@localhost`

beforeAll(async () => {
  process.env.PUBLIC_URL = 'http://localhost:3000'
  feeds = await startFeedsHub('2026-12-01T09:00:00.000Z')
  department = (
    await feeds.hub.payload.create({
      collection: 'departments',
      data: { name: 'Kultur', kind: 'etat' },
    })
  ).id
})

afterAll(async () => {
  await feeds?.close()
})

describe('the events calendar', () => {
  it('should show an event at its Oslo time while the server runs in UTC', async () => {
    expect(new Date().getTimezoneOffset()).toBe(0)
    const doc = await event()
    const { text, events } = await calendar()
    expect(text).toContain('DTSTART;TZID=Europe/Oslo:20261210T180000')
    const found = events.find((e) => e.uid === uidOf(doc))
    expect(found?.start.toISOString()).toBe('2026-12-10T17:00:00.000Z')
    expect(found?.end?.toISOString()).toBe('2026-12-10T19:00:00.000Z')
  })

  it('should keep the UID and raise the SEQUENCE when the event is edited', async () => {
    const doc = await event()
    const before = (await calendar()).events.find((e) => e.uid === uidOf(doc))
    await feeds.hub.payload.update({
      collection: 'events',
      id: doc.id,
      data: { place: 'Vikersund kirke' },
    })
    await feeds.drain()
    const after = (await calendar()).events.filter((e) => e.uid === uidOf(doc))
    expect(after).toHaveLength(1)
    expect(after[0]?.location).toBe('Vikersund kirke')
    expect(Number(after[0]?.sequence)).toBeGreaterThan(Number(before?.sequence))
  })

  it('should keep a retracted event as cancelled, with a higher SEQUENCE, until it has ended', async () => {
    const doc = await event()
    const before = (await calendar()).events.find((e) => e.uid === uidOf(doc))
    await feeds.hub.payload.update({
      collection: 'events',
      id: doc.id,
      data: { _status: 'draft' },
    })
    await feeds.drain()
    const cancelled = (await calendar()).events.find((e) => e.uid === uidOf(doc))
    expect(cancelled?.status).toBe('CANCELLED')
    expect(Number(cancelled?.sequence)).toBeGreaterThan(Number(before?.sequence))

    // After it ended, the next rebuild leaves it out.
    feeds.clock.set('2026-12-11T09:00:00.000Z')
    await event({ startsAt: '2026-12-20T17:00:00.000Z', endsAt: '2026-12-20T19:00:00.000Z' })
    expect((await calendar()).events.map((e) => e.uid)).not.toContain(uidOf(doc))
  })

  it('should drop an event retracted after it ended at once', async () => {
    feeds.clock.set('2026-12-11T09:00:00.000Z')
    const doc = await event({
      startsAt: '2026-12-10T17:00:00.000Z',
      endsAt: '2026-12-10T19:00:00.000Z',
    })
    expect((await calendar()).events.map((e) => e.uid)).toContain(uidOf(doc))
    await feeds.hub.payload.delete({ collection: 'events', id: doc.id })
    await feeds.drain()
    expect((await calendar()).events.map((e) => e.uid)).not.toContain(uidOf(doc))
  })
})
