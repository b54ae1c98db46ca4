import type { Payload } from 'payload'

import { type SettleEntry, type SettleResult, settleDeliveries } from './settleDelivery'

export type SettleQueue = {
  /** Settles one attempt together with whatever else finished meanwhile. */
  settle: (entry: SettleEntry) => Promise<SettleResult>
}

type Waiting = {
  entry: SettleEntry
  resolve: (r: SettleResult) => void
  reject: (e: unknown) => void
}

/**
 * Group commit for settlements: attempts that finish while a commit is under way are written
 * together by the next one (at most `maxBatch` per transaction). Nothing waits for a timer, so a
 * lone attempt settles at once and latency stays that of one commit.
 */
export function createSettleQueue(payload: Payload, maxBatch = 64): SettleQueue {
  let waiting: Waiting[] = []
  let flushing = false

  const flush = async (): Promise<void> => {
    flushing = true
    try {
      while (waiting.length > 0) {
        const batch = waiting.slice(0, maxBatch)
        waiting = waiting.slice(batch.length)
        try {
          const results = await settleDeliveries(
            payload,
            batch.map((w) => w.entry),
          )
          batch.forEach((w, i) => {
            const result = results[i]
            if (result) w.resolve(result)
            else w.reject(new Error('settlement result missing'))
          })
        } catch (err) {
          for (const w of batch) w.reject(err)
        }
      }
    } finally {
      flushing = false
    }
  }

  return {
    settle: (entry) =>
      new Promise<SettleResult>((resolve, reject) => {
        waiting.push({ entry, resolve, reject })
        if (!flushing) void flush()
      }),
  }
}
