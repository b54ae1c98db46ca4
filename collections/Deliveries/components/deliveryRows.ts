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

/** A panel row: the newest delivery of one channel × target, and the copy that is out there. */
export type TargetRow = DeliveryRow & {
  /**
   * The link to the copy the target shows now (the Facebook post, the Slack message, …): the
   * newest delivered publication or update's `externalUrl`, unless a retraction was delivered
   * after it. It stays while a newer update is still on its way or failed, since the older copy
   * is still out; it is gone once the copy is retracted.
   */
  copyUrl?: string
}

/**
 * The newest row per channel × target, with the link to its current copy. The result is ordered
 * by channel, then target, so the table does not jump around between refreshes.
 */
export function latestPerTarget(rows: readonly DeliveryRow[]): TargetRow[] {
  const byTarget = new Map<string, DeliveryRow[]>()
  for (const row of rows) {
    const key = `${row.channel}\u0000${row.target}`
    byTarget.set(key, [...(byTarget.get(key) ?? []), row])
  }
  return [...byTarget.values()]
    .map((group) => {
      const newestFirst = [...group].sort((a, b) => b.id - a.id)
      const latest = newestFirst[0] as DeliveryRow
      const copyUrl = currentCopyUrl(newestFirst)
      return copyUrl ? { ...latest, copyUrl } : { ...latest }
    })
    .sort(
      (a, b) =>
        a.channel.localeCompare(b.channel, 'nb') ||
        (a.targetName ?? a.target).localeCompare(b.targetName ?? b.target, 'nb'),
    )
}

/** Like the outbox's `currentCopy`: the newest delivered row decides, and a retraction ends it. */
function currentCopyUrl(newestFirst: readonly DeliveryRow[]): string | undefined {
  const delivered = newestFirst.find((row) => row.status === 'delivered')
  if (!delivered || delivered.action === 'retract') return undefined
  return delivered.externalUrl ?? undefined
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
