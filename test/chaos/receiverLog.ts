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
  /** Ids whose attempts did not all carry the same body. */
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

type Body = { type?: unknown; id?: unknown; revision?: unknown }

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
    if (new Set(seen.map((r) => r.rawBody)).size > 1) report.changedBodies.push(id)
    if (seen.some((r) => !matches(r, row, endpointPaths))) report.mismatched.push(id)
    if (seen.length > row.attempts) report.moreRequestsThanAttempts.push(id)
    if (seen.filter((r) => r.accepted).length > 1) report.processedTwice.push(id)
    const stored = seen.findIndex((r) => r.outcome === 'createdThen500')
    if (stored >= 0 && stored < seen.length - 1) report.storedThen500Retried.push(id)
  }
  return report
}

/** The request is the delivery's: its item and revision, a publish, at its endpoint. */
function matches(
  request: RecordedRequest,
  row: DeliveryRow,
  endpointPaths: ReadonlyMap<string, string>,
): boolean {
  const body = request.body as Body | undefined
  const event = row.action === 'publish' ? 'item.published' : `(${row.action})`
  return (
    body?.type === event &&
    body.id === row.itemId &&
    body.revision === row.revision &&
    request.path === endpointPaths.get(row.target)
  )
}
