import ical, { type VEvent } from 'node-ical'
import { afterEach, describe, expect, it } from 'vitest'

import { icsCalendar, renderFeedEntry } from '../../../channels/feeds'
import { entryOf, eventItem, META } from './feedFixtures'

const originalTz = process.env.TZ

afterEach(() => {
  process.env.TZ = originalTz
})

function calendar(extra: Parameters<typeof entryOf>[1] = {}, item = eventItem()) {
  return icsCalendar(META, [entryOf(renderFeedEntry(item), extra)], 'hub.modum.test')
}

function onlyEvent(text: string): VEvent {
  const events = Object.values(ical.sync.parseICS(text)).filter(
    (c): c is VEvent => c?.type === 'VEVENT',
  )
  expect(events).toHaveLength(1)
  return events[0]!
}

describe('icsCalendar', () => {
  it('should write Oslo wall time with a VTIMEZONE while the process runs in UTC', () => {
    process.env.TZ = 'UTC'
    expect(new Date('2026-12-10T17:00:00Z').getHours()).toBe(17)
    const text = calendar()
    expect(text).toContain('DTSTART;TZID=Europe/Oslo:20261210T180000')
    expect(text).toContain('DTEND;TZID=Europe/Oslo:20261210T200000')
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Oslo')
    const event = onlyEvent(text)
    expect(event.start.toISOString()).toBe('2026-12-10T17:00:00.000Z')
    expect(event.end?.toISOString()).toBe('2026-12-10T19:00:00.000Z')
  })

  it('should produce the same calendar whatever the server time zone', () => {
    process.env.TZ = 'UTC'
    const inUtc = calendar()
    process.env.TZ = 'America/New_York'
    expect(calendar()).toBe(inUtc)
  })

  it('should keep summer time apart from winter time', () => {
    process.env.TZ = 'UTC'
    const summer = eventItem({
      data: { uid: 's', startsAt: '2026-06-20T16:00:00.000Z', place: 'Badedammen' },
    })
    expect(calendar({}, summer)).toContain('DTSTART;TZID=Europe/Oslo:20260620T180000')
  })

  it('should stamp DTSTAMP in UTC and give a stable UID with the SEQUENCE it is told', () => {
    const text = calendar({ sequence: 3 })
    expect(text).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/)
    const event = onlyEvent(text)
    expect(event.uid).toBe('9a8b7c6d-0000-4000-8000-000000000009@hub.modum.test')
    expect(Number(event.sequence)).toBe(3)
  })

  it('should mark a cancelled event STATUS:CANCELLED', () => {
    expect(onlyEvent(calendar({ cancelled: true })).status).toBe('CANCELLED')
    expect(onlyEvent(calendar()).status).toBe('CONFIRMED')
  })
})
