/**
 * `Retry-After` (RFC 9110 §10.2.3): either whole seconds or an HTTP-date. Parsed strictly,
 * because a misread header is worse than none: with no hint the outbox simply uses its backoff
 * schedule, while a misread one could hammer a receiver that asked for quiet or park a delivery
 * for days.
 */

/** Longest wait we take from a receiver; anything longer is clamped to this. */
export const MAX_RETRY_AFTER_SECONDS = 24 * 60 * 60

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const MONTH = `(${MONTHS.join('|')})`
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})'

/** Sun, 06 Nov 1994 08:49:37 GMT (the format senders must use). */
const IMF_FIXDATE = new RegExp(
  `^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`,
)
/** Sunday, 06-Nov-94 08:49:37 GMT (obsolete, recipients must still accept it). */
const RFC_850 = new RegExp(
  `^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`,
)
/** Sun Nov  6 08:49:37 1994 (obsolete, C's asctime; UTC by definition). */
const ASCTIME = new RegExp(
  `^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})$`,
)

/**
 * Seconds to wait, or `undefined` when the value is missing, malformed, negative or a date
 * that has passed. `now` is the moment the response arrived; it is a parameter so this stays a
 * pure function.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: Date,
  maxSeconds = MAX_RETRY_AFTER_SECONDS,
): number | undefined {
  if (value == null) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Math.min(Number(text), maxSeconds)
  const at = parseHttpDate(text, now)
  if (at === undefined) return undefined
  const seconds = Math.ceil((at.getTime() - now.getTime()) / 1000)
  if (seconds < 0) return undefined
  return Math.min(seconds, maxSeconds)
}

/** An HTTP-date in any of the three formats RFC 9110 §5.6.7 makes recipients accept. */
export function parseHttpDate(text: string, now: Date): Date | undefined {
  let m = IMF_FIXDATE.exec(text)
  if (m) return utc(m[3], m[2], m[1], m[4], m[5], m[6])
  m = RFC_850.exec(text)
  if (m) return utc(fullYear(Number(m[3]), now), m[2], m[1], m[4], m[5], m[6])
  m = ASCTIME.exec(text)
  if (m) return utc(m[6], m[1], m[2], m[3], m[4], m[5])
  return undefined
}

/**
 * RFC 9110: a two-digit year more than 50 years in the future is the most recent past year with
 * the same last two digits.
 */
function fullYear(twoDigits: number, now: Date): number {
  const thisYear = now.getUTCFullYear()
  let year = thisYear - (thisYear % 100) + twoDigits
  if (year > thisYear + 50) year -= 100
  return year
}

function utc(
  year: string | number | undefined,
  month: string | undefined,
  day: string | undefined,
  hours: string | undefined,
  minutes: string | undefined,
  seconds: string | undefined,
): Date | undefined {
  const y = Number(year)
  const mo = MONTHS.indexOf(month ?? '')
  const d = Number(day)
  const h = Number(hours)
  const mi = Number(minutes)
  const s = Number(seconds)
  if (h > 23 || mi > 59 || s > 60) return undefined
  const date = new Date(Date.UTC(y, mo, d, h, mi, Math.min(s, 59)))
  // Date.UTC rolls 31 Feb over into March; a date that does not exist is garbage.
  if (date.getUTCMonth() !== mo || date.getUTCDate() !== d) return undefined
  return date
}
