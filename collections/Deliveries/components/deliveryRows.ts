import type { DeliveryStatus } from '../../../src/outbox/deliveryStates'
import { DELIVERY_STATUS_LABELS } from '../statusLabels'

/** The fields of a delivery row the distribution panel reads (REST, depth 0). */
export type DeliveryRow = {
  id: number
  channel: string
  target: string
  targetName?: string | null
  action?: string | null
  status: DeliveryStatus
  attempts?: number | null
  externalUrl?: string | null
  lastError?: string | null
  updatedAt?: string | null
}

/** Norwegian status labels, the same words as the list and its filters. */
export const STATUS_LABELS_NB = Object.fromEntries(
  Object.entries(DELIVERY_STATUS_LABELS).map(([status, label]) => [status, label.nb]),
) as Record<DeliveryStatus, string>

/** Statuses the operator endpoints accept (src/outbox/operatorActions.ts). */
export const REDRIVABLE: readonly DeliveryStatus[] = ['dead', 'cancelled']
export const CANCELLABLE: readonly DeliveryStatus[] = ['pending', 'retrying']

/**
 * The newest row per channel × target. Rows are expected newest first (sort=-id); the result is
 * ordered by channel, then target, so the table does not jump around between refreshes.
 */
export function latestPerTarget(rows: readonly DeliveryRow[]): DeliveryRow[] {
  const newest = new Map<string, DeliveryRow>()
  for (const row of rows) {
    const key = `${row.channel}\u0000${row.target}`
    const seen = newest.get(key)
    if (!seen || row.id > seen.id) newest.set(key, row)
  }
  return [...newest.values()].sort(
    (a, b) =>
      a.channel.localeCompare(b.channel, 'nb') ||
      (a.targetName ?? a.target).localeCompare(b.targetName ?? b.target, 'nb'),
  )
}

const OSLO = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** `dd.MM.yyyy HH:mm` in Europe/Oslo, or '' for a missing or invalid date. */
export function formatOslo(value: string | null | undefined): string {
  if (!value) return ''
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    OSLO.formatToParts(date).find((p) => p.type === type)?.value ?? ''
  return `${part('day')}.${part('month')}.${part('year')} ${part('hour')}:${part('minute')}`
}

/** Only http(s) links are rendered as links; anything else is shown as text. */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined
  } catch {
    return undefined
  }
}

/** The first error message of a Payload-style `{ errors: [{ message }] }` body, if any. */
export async function errorMessage(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { errors?: { message?: unknown }[] }
    const message = body.errors?.[0]?.message
    return typeof message === 'string' ? message : undefined
  } catch {
    return undefined
  }
}
