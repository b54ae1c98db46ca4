import { osloWallTimeAt, osloWallTimeToUtc } from './osloWallTimeToUtc'

/**
 * "In `days` days at `time` Oslo time", counted in Oslo calendar days from `now`:
 * `osloTimeInDays(now, 10, '18:00')`. Negative days go back. Returns the UTC instant.
 */
export function osloTimeInDays(now: Date, days: number, time: string): Date {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time)
  if (!match) throw new Error(`Expected a time like 18:00 (got "${time}")`)
  const today = osloWallTimeAt(now)
  // Date.UTC normalises day overflow (31 + 3 → next month) without any time-zone involvement.
  const target = new Date(Date.UTC(today.year, today.month - 1, today.day + days))
  return osloWallTimeToUtc({
    year: target.getUTCFullYear(),
    month: target.getUTCMonth() + 1,
    day: target.getUTCDate(),
    hour: Number(match[1]),
    minute: Number(match[2]),
  })
}
