import { type CountOptions, type RecordedRequest } from './types'

/**
 * In-memory log of every request the receiver saw, with views by `webhook-id` (one id is one
 * logical delivery; retries reuse it) and by event type. By default only requests whose
 * signature verified count; pass `{ includeUnverified: true }` to count every request.
 */
export class DeliveryLog {
  readonly requests: RecordedRequest[] = []

  add(request: RecordedRequest): void {
    this.requests.push(request)
  }

  clear(): void {
    this.requests.length = 0
  }

  private counted(options?: CountOptions): RecordedRequest[] {
    return options?.includeUnverified ? this.requests : this.requests.filter((r) => r.verified)
  }

  /** Distinct `webhook-id`s in arrival order: the number of logical deliveries. */
  uniqueIds(options?: CountOptions): string[] {
    const ids = new Set<string>()
    for (const r of this.counted(options)) if (r.webhookId !== undefined) ids.add(r.webhookId)
    return [...ids]
  }

  /** How many HTTP attempts carried this `webhook-id` (first try plus retries). */
  attemptsFor(id: string, options?: CountOptions): number {
    return this.counted(options).filter((r) => r.webhookId === id).length
  }

  /** Attempts for this `webhook-id` that the receiver processed (2xx or created-then-500). */
  acceptedCountFor(id: string): number {
    return this.requests.filter((r) => r.webhookId === id && r.accepted).length
  }

  /** Event type → distinct `webhook-id`s of that type (logical deliveries, not attempts). */
  deliveriesByType(options?: CountOptions): Record<string, string[]> {
    const byType = new Map<string, Set<string>>()
    for (const r of this.counted(options)) {
      if (r.webhookId === undefined) continue
      const type = r.eventType ?? '(none)'
      const ids = byType.get(type) ?? new Set<string>()
      ids.add(r.webhookId)
      byType.set(type, ids)
    }
    return Object.fromEntries([...byType].map(([type, ids]) => [type, [...ids]]))
  }
}
