/**
 * Child process for the fanout baseline: posts `BARE_COUNT` Standard Webhooks to the fake
 * receiver with `BARE_CONCURRENCY` in flight, rendered and signed exactly as the website adapter
 * does (`renderWebhook` + `itemBody` + `webhookHeaders`), over the same HTTP client (undici's
 * `request`), with no ledger around it. Times itself
 * (first send → last answer, wall-clock epoch ms so the parent can merge several children) and
 * prints one `BARE {json}` line on stdout.
 */
import { Agent, request } from 'undici'

import type { ChannelItem } from '../../channels/contract'
import { itemBody, renderWebhook } from '../../channels/website/renderWebhook'
import { webhookHeaders } from '../../channels/website/signWebhook'

type Job = {
  urls: string[]
  secret: string
  snapshot: ChannelItem
  count: number
  concurrency: number
  idPrefix: string
  /** Epoch ms to start at, so children that booted at different speeds start together. */
  startAt?: number
}

const job = JSON.parse(process.env.BARE_JOB ?? '{}') as Job
if (!Array.isArray(job.urls) || job.urls.length === 0 || !(job.count > 0)) {
  process.stderr.write('bareWebhookLoop: BARE_JOB missing or incomplete\n')
  process.exit(2)
}
for (const url of job.urls) {
  if (new URL(url).hostname !== '127.0.0.1') throw new Error('benchmarks only talk to 127.0.0.1')
}

const message = renderWebhook(job.snapshot)
// The same HTTP client and pool settings as the hub's `sendHttp`, so the ratio is the ledger's.
const agent = new Agent({ keepAliveTimeout: 10_000 })
let next = 0
let failures = 0

async function one(index: number): Promise<void> {
  const url = job.urls[index % job.urls.length] ?? ''
  const text = JSON.stringify(itemBody('item.published', message))
  const headers = webhookHeaders({
    id: `${job.idPrefix}_${index}`,
    timestamp: new Date(),
    body: text,
    secrets: [job.secret],
  })
  const res = await request(url, {
    method: 'POST',
    headers,
    body: text,
    signal: AbortSignal.timeout(15_000),
    dispatcher: agent,
  })
  await res.body.text()
  if (res.statusCode < 200 || res.statusCode >= 300) failures++
}

async function lane(): Promise<void> {
  while (next < job.count) {
    const index = next++
    try {
      await one(index)
    } catch {
      failures++
    }
  }
}

await new Promise((resolve) => setTimeout(resolve, Math.max(0, (job.startAt ?? 0) - Date.now())))
const startedAt = Date.now()
const cpuAtStart = process.cpuUsage()
await Promise.all(Array.from({ length: Math.max(1, job.concurrency) }, lane))
const endedAt = Date.now()
const cpu = process.cpuUsage(cpuAtStart)
const cpuMs = (cpu.user + cpu.system) / 1000
process.stdout.write(
  `BARE ${JSON.stringify({ startedAt, endedAt, count: job.count, failures, cpuMs })}\n`,
)
