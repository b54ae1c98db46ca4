import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { createSettleQueue } from '../../src/outbox/createSettleQueue'
import type { SettleEntry, SettleResult } from '../../src/outbox/settleDelivery'

const AT = new Date('2026-12-01T09:00:00.000Z')

function entry(id: number): SettleEntry {
  return {
    claimed: { id, leaseToken: `token-${id}`, attempts: 1 },
    settlement: { outcome: 'delivered', receipt: {} },
    ctx: { now: AT, startedAt: AT, worker: 'test' },
  }
}

/** Records each batch it is asked to write; a batch finishes when the test says so. */
function recordingWriter() {
  const batches: number[][] = []
  const finish: (() => void)[] = []
  const write = (entries: SettleEntry[]) =>
    new Promise<SettleResult[]>((resolve) => {
      batches.push(entries.map((e) => e.claimed.id))
      finish.push(() => resolve(entries.map(() => ({ status: 'delivered' }))))
    })
  const finishAll = async () => {
    for (const done of finish.splice(0)) done()
    await vi.advanceTimersByTimeAsync(0)
  }
  return { write, batches, finishAll }
}

/** Two attempts settle while eight more are still sending; the linger is 10 ms. */
function twoSettledWhileEightSend() {
  const writer = recordingWriter()
  const queue = createSettleQueue(writer.write, { unsettled: () => 10, lingerMs: 10 })
  void queue.settle(entry(1))
  void queue.settle(entry(2))
  return writer
}

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  vi.useRealTimers()
})

describe('createSettleQueue', () => {
  it('should write a lone settlement at once when no other attempt is in flight', async () => {
    const writer = recordingWriter()
    const queue = createSettleQueue(writer.write, { unsettled: () => 1 })
    const settled = queue.settle(entry(1))
    expect(writer.batches).toEqual([[1]])
    await writer.finishAll()
    await expect(settled).resolves.toEqual({ status: 'delivered' })
  })

  it('should hold a small batch while other attempts are still sending', async () => {
    const writer = twoSettledWhileEightSend()
    await vi.advanceTimersByTimeAsync(9)
    expect(writer.batches).toEqual([])
  })

  it('should write a held batch after the linger even if others are still sending', async () => {
    const writer = twoSettledWhileEightSend()
    await vi.advanceTimersByTimeAsync(10)
    expect(writer.batches).toEqual([[1, 2]])
  })

  it('should write at once when the batch reaches its minimum size', () => {
    const writer = recordingWriter()
    const queue = createSettleQueue(writer.write, { unsettled: () => 10, minBatch: 3 })
    for (const id of [1, 2, 3]) void queue.settle(entry(id))
    expect(writer.batches).toEqual([[1, 2, 3]])
  })

  it('should write at once when every unsettled attempt is waiting here', () => {
    const writer = recordingWriter()
    const queue = createSettleQueue(writer.write, { unsettled: () => 3 })
    void queue.settle(entry(1))
    void queue.settle(entry(2))
    expect(writer.batches).toEqual([])
    void queue.settle(entry(3))
    expect(writer.batches).toEqual([[1, 2, 3]])
  })

  it('should write what finished during a write together in the next one', async () => {
    const writer = recordingWriter()
    const queue = createSettleQueue(writer.write)
    void queue.settle(entry(1))
    void queue.settle(entry(2))
    void queue.settle(entry(3))
    expect(writer.batches).toEqual([[1]])
    await writer.finishAll()
    expect(writer.batches).toEqual([[1], [2, 3]])
  })

  it('should fail every settlement of a batch whose write failed, and go on with the next', async () => {
    let calls = 0
    const queue = createSettleQueue((entries) => {
      calls += 1
      if (calls === 1) return Promise.reject(new Error('connection lost'))
      return Promise.resolve(entries.map((): SettleResult => ({ status: 'delivered' })))
    })
    const first = queue.settle(entry(1))
    const second = queue.settle(entry(2))
    await expect(first).rejects.toThrow('connection lost')
    await expect(second).resolves.toEqual({ status: 'delivered' })
  })
})
