import { TZDate } from '@date-fns/tz'
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'

import type { PullEntry } from '../../../src/public/pullEntries'
import type { FeedEntry, FeedMeta } from '../types'
import { osloVtimezone } from './osloTimezone'

const ZONE = 'Europe/Oslo'

/**
 * iCalendar with ical-generator 10: one VEVENT per event, UID from the item's uid (stable across
 * edits), SEQUENCE from the entry (raised on every change), DTSTAMP and LAST-MODIFIED in UTC,
 * DTSTART/DTEND as Oslo wall time with TZID=Europe/Oslo and a VTIMEZONE, and retracted events
 * that have not ended yet as STATUS:CANCELLED.
 *
 * Times are handed over as TZDate in Oslo, never as plain Dates: ical-generator formats a plain
 * Date in a named zone with the process's local getters, which is wrong whenever the server's
 * TZ is not Oslo. The calendar itself gets no zone name (only the VTIMEZONE generator), because
 * with one it would write DTSTAMP as local time too.
 */
export function icsCalendar(
  meta: FeedMeta,
  entries: readonly PullEntry<FeedEntry>[],
  host: string,
): string {
  const calendar = ical({
    name: meta.title,
    description: meta.description,
    url: meta.selfUrl,
    prodId: { company: 'Modum kommune', product: 'innholdshub', language: 'NB' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
    timezone: { name: '', generator: osloVtimezone },
  })
  calendar.x([['X-WR-TIMEZONE', ZONE]])
  const sorted = [...entries].sort(
    (a, b) => a.sortAt.getTime() - b.sortAt.getTime() || a.itemUid.localeCompare(b.itemUid),
  )
  for (const { entry, sequence, cancelled } of sorted) {
    if (!entry.event) continue
    const event = calendar.createEvent({
      id: `${entry.uid}@${host}`,
      sequence,
      stamp: new Date(entry.updatedAt || entry.publishedAt),
      lastModified: new Date(entry.updatedAt || entry.publishedAt),
      timezone: ZONE,
      start: new TZDate(entry.event.startsAt, ZONE),
      ...(entry.event.endsAt ? { end: new TZDate(entry.event.endsAt, ZONE) } : {}),
      summary: entry.title,
      description: entry.summary || entry.title,
      location: [entry.event.place, entry.event.address].filter(Boolean).join(', '),
      url: entry.url,
      categories: entry.tags.map((name) => ({ name })),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    })
    if (entry.event.organiser) event.x([['X-ORGANISER-NAME', entry.event.organiser]])
  }
  return calendar.toString()
}
