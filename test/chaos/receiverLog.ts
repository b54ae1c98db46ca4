import type { RecordedRequest } from '../fakes/website-receiver'
import type { DeliveryRow } from './ledgerReport'

/** What the fake receiver saw, judged against the ledger, one `webhook-id` at a time. */
export type ReceiverReport = {
  requests: number
  unverified: number
  /** Request count per fake outcome (`ok`, `error500`, `rateLimited`, `timeout`, …). */
  outcomes: Record<string, number>
  /** Distinct ids the receiver processed (2xx or stored-then-500): the logical deliveries. */
  acceptedIds: Set<string>
  /** Ids that belong to no delivery in the ledger. */
  unknownIds: string[]
  /**
   * Ids whose attempts did not all carry the same body. A retraction's `occurredAt` is the time
   * of the attempt (the adapter gets no enqueue time), so retractions are compared without it.
   */
  changedBodies: string[]
  /** Ids whose body names another item, revision, event or endpoint than their delivery. */
  mismatched: string[]
  /** Ids with more HTTP requests than the attempts their delivery counted. */
  moreRequestsThanAttempts: string[]
  /** Ids processed more than once: stored-then-500 or a worker killed after sending. */
  processedTwice: string[]
  /** Ids answered stored-then-500 and sent again: the retry must be the same delivery. */
  storedThen500Retried: string[]
}

type Body = { type?: unknown; id?: unknown; revision?: unknown; occurredAt?: unknown }

/**
 * The events a delivery of each action may send. A publish or update sends `item.updated` when
 * a copy is already out at that endpoint and `item.published` when none is: the adapter decides
 * by the prior receipt, not by the action, which the sync chose from what it saw then (a row a
 * worker claimed meanwhile may have landed since).
 */
const EVENTS: Record<string, readonly string[]> = {
  publish: ['item.published', 'item.updated'],
  update: ['item.published', 'item.updated'],
  retract: ['item.retracted'],
}

/** Where each item stands at each endpoint by what the receiver processed last. */
export type WebsiteEnd = {
  /** The last processed event and its revision. */
  last: { type: string; revision: number }
  /** Whether the endpoint ever processed a publication or update of the item. */
  everShown: boolean
}

/** `<path>\u0000<item id>` → where the item ended up at that endpoint. */
export function websiteEnds(requests: readonly RecordedRequest[]): Map<string, WebsiteEnd> {
  const ends = new Map<string, WebsiteEnd>()
  for (const request of [...requests].sort((a, b) => a.seq - b.seq)) {
    const body = request.body as Body | undefined
    if (!request.accepted || typeof body?.type !== 'string') continue
    const key = websiteKey(request.path, String(body.id))
    const everShown = (ends.get(key)?.everShown ?? false) || body.type !== 'item.retracted'
    ends.set(key, { last: { type: body.type, revision: Number(body.revision) }, everShown })
  }
  return ends
}

export function websiteKey(path: string, itemId: string): string {
  return `${path}\u0000${itemId}`
}

function comparableBody(request: RecordedRequest): string {
  const body = request.body as Body | undefined
  if (body?.type !== 'item.retracted') return request.rawBody
  return JSON.stringify({ ...body, occurredAt: undefined })
}

export function judgeReceiverLog(
  requests: readonly RecordedRequest[],
  deliveries: readonly DeliveryRow[],
  endpointPaths: ReadonlyMap<string, string>,
): ReceiverReport {
  const byId = new Map<string, RecordedRequest[]>()
  const outcomes: Record<string, number> = {}
  for (const request of requests) {
    outcomes[request.outcome] = (outcomes[request.outcome] ?? 0) + 1
    const id = request.webhookId ?? '(none)'
    byId.set(id, [...(byId.get(id) ?? []), request])
  }
  const rows = new Map(deliveries.map((row) => [`dlv_${row.id}`, row]))
  const report: ReceiverReport = {
    requests: requests.length,
    unverified: requests.filter((r) => !r.verified).length,
    outcomes,
    acceptedIds: new Set(),
    unknownIds: [],
    changedBodies: [],
    mismatched: [],
    moreRequestsThanAttempts: [],
    processedTwice: [],
    storedThen500Retried: [],
  }
  for (const [id, seen] of byId) {
    const row = rows.get(id)
    if (!row) {
      report.unknownIds.push(id)
      continue
    }
    if (seen.some((r) => r.accepted)) report.acceptedIds.add(id)
    if (new Set(seen.map(comparableBody)).size > 1) report.changedBodies.push(id)
    if (seen.some((r) => !matches(r, row, endpointPaths))) report.mismatched.push(id)
    if (seen.length > row.attempts) report.moreRequestsThanAttempts.push(id)
    if (seen.filter((r) => r.accepted).length > 1) report.processedTwice.push(id)
    const stored = seen.findIndex((r) => r.outcome === 'createdThen500')
    if (stored >= 0 && stored < seen.length - 1) report.storedThen500Retried.push(id)
  }
  return report
}

/**
 * The request is the delivery's: its item, an event of its action, at its endpoint, and for a
 * publication or update its revision. A retraction names the revision of the copy it takes down,
 * which is older than the row's when the update it follows never went out.
 */
function matches(
  request: RecordedRequest,
  row: DeliveryRow,
  endpointPaths: ReadonlyMap<string, string>,
): boolean {
  const body = request.body as Body | undefined
  if (!body) return false
  return (
    typeof body.type === 'string' &&
    (EVENTS[row.action] ?? []).includes(body.type) &&
    body.id === row.itemId &&
    (row.action === 'retract' || body.revision === row.revision) &&
    request.path === endpointPaths.get(row.target)
  )
}
