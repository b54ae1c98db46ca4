import type { Payload } from 'payload'

import { type SettleEntry, type SettleResult, settleDeliveries } from './settleDelivery'

/** Writes one batch of settlements: `settleDeliveries` bound to a Payload. */
export function settleWith(payload: Payload) {
  return (entries: SettleEntry[]) => settleDeliveries(payload, entries)
}

export type SettleQueue = {
  /** Settles one attempt together with whatever else finished meanwhile. */
  settle: (entry: SettleEntry) => Promise<SettleResult>
}

export type SettleQueueOptions = {
  /** The most settlements one statement carries. Default 64. */
  maxBatch?: number
  /**
   * Attempts of this process that have not settled yet, those waiting here included. With it, a
   * batch smaller than `minBatch` waits up to `lingerMs` while other attempts are still sending,
   * since they will be done soon; without it, every batch is written at once.
   */
  unsettled?: () => number
  /** A batch this size is written at once. Default 24. */
  minBatch?: number
  /** The longest a settlement waits for company. Default 15 ms. */
  lingerMs?: number
}

type Waiting = {
  entry: SettleEntry
  resolve: (r: SettleResult) => void
  reject: (e: unknown) => void
}

/**
 * Group commit for settlements: attempts that finish while a commit is under way are written
 * together by the next one (at most `maxBatch` per statement), and under load a small batch
 * waits a few milliseconds for the attempts still sending. A statement costs PostgreSQL about
 * as much as six rows in it, and the worker a round trip, so under load batches of about 24
 * rather than 6 take most of that fixed cost off. A lone attempt (nothing else in flight) is
 * written at once.
 */
export function createSettleQueue(
  write: (entries: SettleEntry[]) => Promise<SettleResult[]>,
  options: SettleQueueOptions = {},
): SettleQueue {
  const maxBatch = options.maxBatch ?? 64
  const minBatch = Math.min(maxBatch, options.minBatch ?? 24)
  const lingerMs = options.lingerMs ?? 15
  let waiting: Waiting[] = []
  let flushing = false
  let timer: NodeJS.Timeout | undefined

  const othersSending = () => (options.unsettled ? options.unsettled() - waiting.length : 0)

  const flush = async (): Promise<void> => {
    if (timer) clearTimeout(timer)
    timer = undefined
    flushing = true
    try {
      while (waiting.length > 0) {
        const batch = waiting.slice(0, maxBatch)
        waiting = waiting.slice(batch.length)
        try {
          const results = await write(batch.map((w) => w.entry))
          batch.forEach((w, i) => {
            const result = results[i]
            if (result) w.resolve(result)
            else w.reject(new Error('settlement result missing'))
          })
        } catch (err) {
          for (const w of batch) w.reject(err)
        }
        if (waiting.length < minBatch && othersSending() > 0) break
      }
    } finally {
      flushing = false
    }
    schedule()
  }

  // Writes now when the batch is full or nobody else is coming; otherwise in `lingerMs`.
  const schedule = (): void => {
    if (flushing || waiting.length === 0) return
    if (waiting.length >= minBatch || othersSending() <= 0) {
      void flush()
      return
    }
    timer ??= setTimeout(() => void flush(), lingerMs)
  }

  return {
    settle: (entry) =>
      new Promise<SettleResult>((resolve, reject) => {
        waiting.push({ entry, resolve, reject })
        schedule()
      }),
  }
}
