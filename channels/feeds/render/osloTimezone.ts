/**
 * VTIMEZONE for Europe/Oslo: CET, and CEST from the last Sunday of March to the last Sunday of
 * October (EU rules, unchanged since 1996). Written out rather than pulled from a timezone
 * package so the calendar's bytes never change with a dependency update.
 */
export function osloVtimezone(tzid: string): string | null {
  if (tzid !== 'Europe/Oslo') return null
  return [
    'BEGIN:VTIMEZONE',
    'TZID:Europe/Oslo',
    'X-LIC-LOCATION:Europe/Oslo',
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'TZNAME:CEST',
    'DTSTART:19700329T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'TZNAME:CET',
    'DTSTART:19701025T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n')
}
