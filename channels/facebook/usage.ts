/**
 * Facebook's rate-limit headers (https://developers.facebook.com/docs/graph-api/overview/rate-limiting):
 * `X-App-Usage` and `X-Page-Usage` are `{ call_count, total_cputime, total_time }` in percent
 * of the limit (Page usage may add `estimated_time_to_regain_access`), and
 * `X-Business-Use-Case-Usage` is `{ "<object id>": [{ type, call_count, total_cputime,
 * total_time, estimated_time_to_regain_access }] }`, the wait in minutes. Page access tokens are
 * counted under the business use case limits, so that header is the one that usually matters.
 */

import type { ResponseHeaders } from '../http'

export type Usage = {
  /** The highest percentage any header reports, or null when none was sent. */
  percent: number | null
  /** The longest `estimated_time_to_regain_access`, in seconds, when any is above zero. */
  regainSeconds: number | null
}

const HEADERS = ['x-business-use-case-usage', 'x-app-usage', 'x-page-usage'] as const
const METRICS = ['call_count', 'total_cputime', 'total_time'] as const

/** Usage from the response headers. Malformed headers count as absent, never as zero. */
export function readUsage(headers: ResponseHeaders): Usage {
  let percent: number | null = null
  let regainMinutes: number | null = null
  for (const name of HEADERS) {
    const raw = headers.get(name)
    if (!raw) continue
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch {
      continue
    }
    for (const entry of usageEntries(name, parsed)) {
      for (const metric of METRICS) percent = max(percent, numberIn(entry, metric))
      regainMinutes = max(regainMinutes, numberIn(entry, 'estimated_time_to_regain_access'))
    }
  }
  return {
    percent,
    regainSeconds: regainMinutes !== null && regainMinutes > 0 ? regainMinutes * 60 : null,
  }
}

function usageEntries(header: string, parsed: unknown): Record<string, unknown>[] {
  if (typeof parsed !== 'object' || parsed === null) return []
  if (header !== 'x-business-use-case-usage') return [parsed as Record<string, unknown>]
  return Object.values(parsed as Record<string, unknown>)
    .flatMap((list) => (Array.isArray(list) ? (list as unknown[]) : []))
    .filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && !!entry)
}

function numberIn(entry: Record<string, unknown>, key: string): number | null {
  const value = entry[key]
  const number = typeof value === 'string' ? Number(value) : value
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? number : null
}

function max(a: number | null, b: number | null): number | null {
  if (a === null) return b
  if (b === null) return a
  return Math.max(a, b)
}

/**
 * Remembers, per adapter, until when Facebook asked us to stay away: after a throttling error,
 * or proactively once a successful answer reports usage at `pauseAtPercent`, so the next call
 * is not the one that tips the Page into a block that can last hours. Per process: other
 * workers learn it from their own answers, and the outbox's channel pause covers the rest.
 */
export type UsageGate = {
  /** Seconds still to wait, or 0 when calls may go out. */
  remainingSeconds(now: Date): number
  /** Holds calls back until `now + seconds` (never shortens an existing hold). */
  holdFor(now: Date, seconds: number): void
  /** The last usage seen in any answer, for health. */
  lastPercent(): number | null
  /** Records a successful answer's usage; holds calls back when it is too high. */
  observe(usage: Usage, now: Date): void
}

export function createUsageGate(options: {
  pauseAtPercent: number
  defaultPauseSeconds: number
}): UsageGate {
  let until = 0
  let last: number | null = null
  const holdFor = (now: Date, seconds: number) => {
    until = Math.max(until, now.getTime() + seconds * 1000)
  }
  return {
    remainingSeconds: (now) => Math.max(0, Math.ceil((until - now.getTime()) / 1000)),
    holdFor,
    lastPercent: () => last,
    observe(usage, now) {
      if (usage.percent === null) return
      last = usage.percent
      if (usage.percent >= options.pauseAtPercent) {
        holdFor(now, usage.regainSeconds ?? options.defaultPauseSeconds)
      }
    },
  }
}
