/**
 * fanout (a): publish → verified webhook latency with the dispatcher in the publishing process;
 * (c) the same with the web and the worker in separate processes, told by the outbox doorbell.
 */
import { statusCounts } from './fanoutProbes'
import {
  createEndpoint,
  type Ctx,
  type Latency,
  publish,
  PUBLISH_TIMEOUT_MS,
  spawnChild,
  waitUntil,
  websiteRegistry,
  WORKER_BOOT_MS,
  workerEnv,
} from './fanoutSetup'
import { progress } from './report'
import { elapsedMs, percentile, round } from './stats'

export async function measureLatency(ctx: Ctx, publishes: number): Promise<Latency> {
  const { setActiveRegistry, setEnqueueListener } = await import('../../src/outbox/activeRegistry')
  const { createDispatcher } = await import('../../src/outbox/createDispatcher')
  const { now } = await import('../../src/clock')
  const { payload, receiver } = ctx
  const endpointId = await createEndpoint(ctx, 'Latency', `${receiver.url}/latency`)
  const registry = websiteRegistry(payload)
  setActiveRegistry(registry)
  const dispatcher = createDispatcher({
    payload,
    registry,
    now,
    worker: `bench:${process.pid}`,
    onError: (err) => progress(`  dispatcher error: ${String(err)}`),
  })
  setEnqueueListener(dispatcher.wake)
  try {
    const measured = await publishAndWait(ctx, publishes, '(a)')
    await dispatcher.idle()
    return { ...measured, statuses: await statusCounts(ctx) }
  } finally {
    setEnqueueListener(undefined)
    setActiveRegistry(undefined)
    await dispatcher.stop()
    await payload.delete({ collection: 'channel-endpoints', id: endpointId })
  }
}

/**
 * This process plays the web role (`HUB_ROLE=web`: it enqueues and rings the doorbell, and
 * dispatches nothing); one `HUB_ROLE=worker` process delivers. Without the doorbell a publish
 * would wait for the worker's next scheduler tick (every 5 s).
 */
export async function measureSplitLatency(ctx: Ctx, publishes: number): Promise<Latency> {
  const { setActiveRegistry, setEnqueueListener } = await import('../../src/outbox/activeRegistry')
  const { ringOutbox } = await import('../../src/outbox/outboxDoorbell')
  const { payload, receiver } = ctx
  const endpointId = await createEndpoint(ctx, 'Split', `${receiver.url}/split`)
  setActiveRegistry(websiteRegistry(payload))
  const worker = spawnChild(ctx, 'src/start.ts', workerEnv(ctx))
  let exited: string | undefined
  void worker.exit.then((e) => (exited = e))
  try {
    await waitUntil(
      () => worker.output().includes('Content hub ready') || exited !== undefined,
      WORKER_BOOT_MS,
      () => `the worker was not ready after ${WORKER_BOOT_MS} ms:\n${worker.output()}`,
    )
    if (exited !== undefined) throw new Error(`the worker exited (${exited}):\n${worker.output()}`)
    setEnqueueListener(() => ringOutbox(payload))
    const measured = await publishAndWait(ctx, publishes, '(c)')
    return { ...measured, statuses: await statusCounts(ctx) }
  } finally {
    setEnqueueListener(undefined)
    setActiveRegistry(undefined)
    worker.child.kill('SIGTERM')
    await worker.exit
    await payload.delete({ collection: 'channel-endpoints', id: endpointId })
  }
}

/** Publishes one item at a time and waits for the receiver to verify each; one unmeasured first. */
async function publishAndWait(
  ctx: Ctx,
  publishes: number,
  label: string,
): Promise<Omit<Latency, 'statuses'>> {
  const { receiver } = ctx
  const samples: number[] = []
  let unverified = 0
  // One unmeasured publish warms the code paths, the pools and the receiver's connection.
  for (let i = 0; i <= publishes; i++) {
    const slug = `${label.replace(/[()]/g, '')}-${i}`
    const expected = receiver.requests.length + 1
    const started = process.hrtime.bigint()
    await publish(ctx, slug)
    const seen = await receiver.waitForRequests(expected, PUBLISH_TIMEOUT_MS)
    const ms = elapsedMs(started)
    const request = seen[expected - 1]
    const body = request?.body as { slug?: string } | undefined
    if (!request?.verified || body?.slug !== slug) unverified++
    if (i > 0) samples.push(ms)
    if (i % 50 === 0 && i > 0) {
      progress(`  ${label} ${i}/${publishes}: p50 so far ${round(percentile(samples, 50))} ms`)
    }
  }
  return { samples, unverified }
}
