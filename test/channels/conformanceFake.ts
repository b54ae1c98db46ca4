/**
 * The view of a fake channel server that the shared conformance suite needs. Every adapter's
 * fake (website receiver, Graph API, Slack Web API …) offers it on top of its own richer API,
 * so the suite can script failures and check copies the same way for every channel.
 */

/**
 * One scripted answer, consumed in order by the next authentic requests the fake gets: an HTTP
 * status (with an optional `Retry-After`, seconds or HTTP date), or never answering at all.
 * A fake translates these into its protocol's own failure shape (a Graph API error body …).
 */
export type ScriptedAnswer = { status: number; retryAfter?: string | number } | { timeout: true }

/** What the fake did to a copy, in the order it happened. */
export type FakeOperation = {
  kind: 'create' | 'update' | 'delete'
  /** The hub's item id the copy belongs to. */
  itemId: string
}

export type ConformanceFake = {
  /** Queues answers for the next authentic requests. */
  script(...answers: ScriptedAnswer[]): void
  /** Copies created, updated and deleted, as far as the fake processed them. */
  operations(): FakeOperation[]
  /** Every request that arrived, authentic or not: render must cause none. */
  requestCount(): number
  /** Stops the server, hung requests included. */
  close(): Promise<void>
}
