import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { ChannelAdapter, ChannelItem, Receipt, Target } from '../../channels/contract'
import { classifyError, type FailureClassification } from '../../channels/errors'
import type { ConformanceFake } from './conformanceFake'
import { deliverContext, PUBLIC_URL, RENDER_NOW, sampleItem } from './fixtures'

export type ConformanceOptions<F extends ConformanceFake, M> = {
  /** The channel's name, for the test titles. */
  name: string
  /** Starts a fresh fake server; the suite closes it after each test. */
  fake: () => Promise<F>
  /** An adapter wired to `fake`, giving up on a request after `timeoutMs`. */
  makeAdapter: (fake: F, options: { timeoutMs: number }) => ChannelAdapter<M>
  /** The item delivered; default a public news item. */
  item?: () => ChannelItem
  /** Whether the channel can take copies down (default true): then `retract` is required. */
  retracts?: boolean
}

/** Short, so the timeout test does not wait; the fake never answers anyway. */
const TIMEOUT_MS = 250
/** Everywhere else: generous, so a loaded CI machine does not turn a slow answer into a failure. */
const NORMAL_TIMEOUT_MS = 10_000

/**
 * The behaviours every channel adapter shares, run against the adapter's own fake server: pure
 * rendering, create then update with the prior receipt, retract, and how failures are
 * classified (transient, permanent, gone, Retry-After, timeout, cancellation).
 */
export function runConformanceSuite<F extends ConformanceFake, M>(
  options: ConformanceOptions<F, M>,
): void {
  describe(`${options.name}: channel conformance`, () => {
    let fake: F
    let adapter: ChannelAdapter<M>
    let target: Target
    let item: ChannelItem

    beforeEach(async () => {
      fake = await options.fake()
      adapter = options.makeAdapter(fake, { timeoutMs: NORMAL_TIMEOUT_MS })
      const targets = await adapter.targets()
      if (!targets[0]) throw new Error(`${options.name}: the adapter offers no target`)
      target = targets[0]
      item = options.item?.() ?? sampleItem()
    })

    afterEach(async () => {
      await fake.close()
    })

    const render = () => adapter.render(item, { target, now: RENDER_NOW, publicUrl: PUBLIC_URL })
    const publish = (prior?: Receipt) =>
      adapter.deliver(render(), deliverContext(target, prior ? 'update' : 'publish', { prior }))
    const retract = (receipt: Receipt) => {
      if (!adapter.retract) throw new Error(`${options.name}: the adapter has no retract`)
      return adapter.retract(receipt, deliverContext(target, 'retract'))
    }

    it('should have a lowercase name made of letters, digits and hyphens', () => {
      expect(adapter.name).toMatch(/^[a-z][a-z0-9-]*$/)
    })

    it('should give the same target ids every time it is asked', async () => {
      const again = await adapter.targets()
      expect(again.map((t) => t.id)).toContain(target.id)
    })

    it('should accept the sample item for its first target', () => {
      expect(adapter.accepts(item, target)).toBe(true)
    })

    it('should render the same item to the same message every time', () => {
      expect(render()).toStrictEqual(render())
    })

    it('should render without calling the channel', () => {
      render()
      expect(fake.requestCount()).toBe(0)
    })

    it('should create a copy when there is no prior receipt', async () => {
      await publish()
      expect(fake.operations()).toEqual([{ kind: 'create', itemId: item.id }])
    })

    it('should return a receipt that survives being stored as JSON', async () => {
      const receipt = await publish()
      expect(JSON.parse(JSON.stringify(receipt))).toStrictEqual(receipt)
    })

    it('should update the copy when given the prior receipt', async () => {
      const receipt = await publish()
      await publish(receipt)
      expect(fake.operations()).toEqual([
        { kind: 'create', itemId: item.id },
        { kind: 'update', itemId: item.id },
      ])
    })

    const retractIt = it.runIf(options.retracts ?? true)

    retractIt('should take the copy down on retract', async () => {
      const receipt = await publish()
      await retract(receipt)
      expect(fake.operations()).toEqual([
        { kind: 'create', itemId: item.id },
        { kind: 'delete', itemId: item.id },
      ])
    })

    it('should fail transiently when the channel answers 500', async () => {
      fake.script({ status: 500 })
      expect((await failureOf(publish())).kind).toBe('transient')
    })

    it('should fail permanently when the channel answers 400', async () => {
      fake.script({ status: 400 })
      expect((await failureOf(publish())).kind).toBe('permanent')
    })

    it('should report the endpoint gone when the channel answers 410', async () => {
      fake.script({ status: 410 })
      expect((await failureOf(publish())).kind).toBe('gone')
    })

    it('should pass on Retry-After from a 429 as a rate limit', async () => {
      fake.script({ status: 429, retryAfter: '7' })
      expect(await failureOf(publish())).toMatchObject({
        kind: 'rate-limited',
        retryAfterSeconds: 7,
      })
    })

    it('should pass on Retry-After from a 503 as a transient failure', async () => {
      fake.script({ status: 503, retryAfter: 3 })
      expect(await failureOf(publish())).toMatchObject({ kind: 'transient', retryAfterSeconds: 3 })
    })

    it('should give up after its timeout with a transient timeout failure', async () => {
      const quick = options.makeAdapter(fake, { timeoutMs: TIMEOUT_MS })
      await quick.targets()
      fake.script({ timeout: true })
      const message = quick.render(item, { target, now: RENDER_NOW, publicUrl: PUBLIC_URL })
      const attempt = quick.deliver(message, deliverContext(target, 'publish'))
      expect(await failureOf(attempt)).toMatchObject({ kind: 'transient', code: 'timeout' })
    })

    it('should stop at once, transiently, when the delivery is cancelled', async () => {
      const controller = new AbortController()
      controller.abort(new Error('lease lost'))
      const ctx = deliverContext(target, 'publish', { signal: controller.signal })
      expect((await failureOf(adapter.deliver(render(), ctx))).kind).toBe('transient')
      expect(fake.operations()).toEqual([])
    })

    retractIt('should fail transiently when a retract meets a 500', async () => {
      const receipt = await publish()
      fake.script({ status: 500 })
      expect((await failureOf(retract(receipt))).kind).toBe('transient')
    })
  })
}

/** How the outbox would classify the failure; fails the test when the promise resolves. */
async function failureOf(promise: Promise<unknown>): Promise<FailureClassification> {
  try {
    await promise
  } catch (err) {
    return classifyError(err)
  }
  throw new Error('expected the delivery to fail, but it succeeded')
}
