/** A clock reading on a wall in Norway. `month` is 1–12. */
export type OsloWallTime = {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

const OSLO = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

/** Oslo's wall-clock reading at an instant, as numbers. */
export function osloWallTimeAt(instant: Date): OsloWallTime & { second: number } {
  const parts: Record<string, number> = {}
  for (const part of OSLO.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  }
}

/** How far Oslo is ahead of UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function osloOffsetMs(instantMs: number): number {
  const whole = Math.floor(instantMs / 1000) * 1000
  const wall = osloWallTimeAt(new Date(whole))
  const wallAsUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
  )
  return wallAsUtc - whole
}

/**
 * The instant at which Oslo's clocks show `wall`. Handles summer time both ways: a time skipped
 * in spring lands an hour later, an hour repeated in autumn resolves to its
 * second occurrence (winter time).
 */
export function osloWallTimeToUtc(wall: OsloWallTime): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute)
  const firstGuess = asUtc - osloOffsetMs(asUtc)
  const offset = osloOffsetMs(firstGuess)
  return new Date(asUtc - offset)
}
