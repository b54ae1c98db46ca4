/**
 * The hub side of `bench/feeds`: boots Payload on the database the parent prepared, fills the
 * news feed with ITEMS entries and the calendar with EVENTS, times the news feed's rebuild, then
 * serves the stored snapshots exactly as a hub web process does: `startPublicRoutes` (load every
 * snapshot, poll for changes each second, API-key check, 404 for unknown feeds) and a node:http
 * server that asks the snapshot routes first and hands everything else to Express. Next is left
 * out (it only sees requests the snapshots pass on), so the bench needs no admin build.
 *
 * SIGUSR2 toggles "churn": a publish to the news feed (entry write + coalesced rebuild) in a loop,
 * to measure reads while rebuilds run. Figures go to RESULT_FILE as JSON.
 */
import '../../src/boot/environment'

import fs from 'node:fs'
import http from 'node:http'
import express from 'express'

import { type ChannelItem } from '../../channels/contract'
import { feedsAdapter, renderFeedEntry } from '../../channels/feeds'
import { renderSignageEntry, signageAdapter } from '../../channels/signage'
import { bootPayload } from '../../src/boot/bootPayload'
import { closeDatabase } from '../../src/db/closeDatabase'
import { inTransaction } from '../../src/public/inTransaction'
import { startPublicRoutes } from '../../src/public/publicRoutes'
import { SnapshotRoutes } from '../../src/public/snapshotRoutes'

const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000)
const EVENTS = Number(process.env.BENCH_EVENTS ?? 300)
const SLIDES = Number(process.env.BENCH_SLIDES ?? 30)
const REBUILDS = Number(process.env.BENCH_REBUILDS ?? 20)
const PORT = Number(process.env.PORT)
const RESULT_FILE = process.env.BENCH_RESULT_FILE ?? ''

const { payload } = await bootPayload()
const adapter = feedsAdapter({ payload })
const { publisher } = adapter
const T0 = Date.UTC(2026, 0, 1)

function item(i: number, collection: ChannelItem['collection']): ChannelItem {
  const at = new Date(T0 + i * 60_000).toISOString()
  const startsAt = new Date(T0 + i * 86_400_000).toISOString()
  return {
    collection,
    id: String(i),
    revision: T0 + i * 60_000,
    slug: `sak-${i}`,
    title: `Sak nummer ${i}: ny gang- og sykkelvei langs Drammenselva`,
    lead: 'Kommunen bygger ny gang- og sykkelvei. Arbeidet starter i april og varer til høsten.',
    audience: 'public',
    url: `https://modum.kommune.no/${collection}/sak-${i}`,
    language: 'nb',
    variants: {},
    publishedAt: at,
    updatedAt: at,
    bodyHtml: '<p>Veien blir tre meter bred og får belysning.</p>'.repeat(6),
    data: {
      uid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      type: i % 10 === 0 ? 'press-release' : 'news',
      ...(collection === 'events' ? { startsAt, place: 'Modum rådhus' } : {}),
    },
    department: { slug: 'teknisk', name: 'Teknisk' },
    category: { slug: 'vei', name: 'Vei og trafikk' },
    image: {
      alt: 'Illustrasjon av sykkelveien',
      credit: 'Modum kommune',
      renditions: [
        {
          preset: 'social',
          format: 'jpeg',
          url: `https://modum.kommune.no/media/r/${i}-social.jpg`,
          width: 1200,
          height: 630,
          bytes: 84_000,
        },
      ],
    },
  }
}

async function fill(target: string, count: number, collection: ChannelItem['collection']) {
  for (let start = 0; start < count; start += 500) {
    await inTransaction(payload, async (req) => {
      for (let i = start; i < Math.min(count, start + 500); i++) {
        const entry = renderFeedEntry(item(i, collection))
        const sortAt = entry.event?.startsAt ?? entry.publishedAt
        await payload.db.create({
          collection: 'pull-entries',
          data: {
            channel: 'feeds',
            target,
            itemUid: entry.uid,
            sortAt,
            revision: entry.revision,
            sequence: 0,
            cancelled: false,
            removed: false,
            entry,
            updatedAt: new Date().toISOString(),
          },
          returning: false,
          req,
        })
      }
    })
  }
}

const filled = performance.now()
await fill('news', ITEMS, 'news')
await fill('events', EVENTS, 'events')
const fillMs = performance.now() - filled

// The news feed's rebuild with ITEMS entries: read the newest 50, render RSS and JSON, store.
const rebuildMs: number[] = []
const publishMs: number[] = []
const parts = { readMs: [] as number[], renderMs: [] as number[], storeMs: [] as number[] }
await publisher.rebuild('events')
await publisher.rebuild('news')
for (let r = 0; r < REBUILDS; r++) {
  let t = performance.now()
  await publisher.rebuild('news')
  rebuildMs.push(performance.now() - t)
  // A publish: the entry written, then the rebuild that includes it.
  const entry = renderFeedEntry(item(ITEMS + r, 'news'))
  t = performance.now()
  const published = await publisher.upsert('news', {
    itemUid: entry.uid,
    sortAt: new Date(entry.publishedAt),
    revision: entry.revision,
    entry,
  })
  publishMs.push(performance.now() - t)
  parts.readMs.push(published.readMs)
  parts.renderMs.push(published.renderMs)
  parts.storeMs.push(published.storeMs)
}

// A lobby screen with SLIDES slides: its playlist (/signage/bench/playlist.json) is served by
// the same routes as the feeds.
const screen = await payload.create({
  collection: 'screens',
  data: {
    name: 'Bench',
    slug: 'bench',
    location: 'Rådhuset',
    orientation: 'landscape',
    audience: 'public',
    slideSeconds: 10,
    maxAgeDays: 365,
  },
})
const signage = signageAdapter({ payload })
await signage.targets()
for (let i = 0; i < SLIDES; i++) {
  const entry = renderSignageEntry(item(i, 'news'))
  await signage.publisher.upsert(String(screen.id), {
    itemUid: entry.uid,
    sortAt: new Date(entry.publishedAt),
    revision: entry.revision,
    entry,
  })
}

const routes = new SnapshotRoutes()
const sync = await startPublicRoutes({ payload, routes })
const app = express()
app.disable('x-powered-by')
app.use((_req, res) => {
  res.status(404).end()
})
let draining = false
const server = http.createServer((req, res) => {
  // The same first layer as src/server.ts.
  if (draining) res.setHeader('Connection', 'close')
  if (!routes.serve(req, res)) app(req, res)
})
server.keepAliveTimeout = 65_000

let churning = false
let churnRebuilds = 0
let churnSerial = ITEMS + REBUILDS
let churnError = ''
async function churn(): Promise<void> {
  while (churning) {
    const entry = renderFeedEntry(item(churnSerial++, 'news'))
    await publisher.upsert('news', {
      itemUid: entry.uid,
      sortAt: new Date(entry.publishedAt),
      revision: entry.revision,
      entry,
    })
    // The web side picks the new bytes up from the database, as in a web process.
    await sync.refresh()
    churnRebuilds++
  }
}
process.on('SIGUSR2', () => {
  churning = !churning
  if (churning) {
    churn().catch((err: unknown) => {
      churning = false
      churnError = err instanceof Error ? err.message : String(err)
    })
  }
})

const writeResult = () =>
  fs.writeFileSync(
    RESULT_FILE,
    JSON.stringify({
      items: ITEMS,
      events: EVENTS,
      slides: SLIDES,
      fillMs,
      rebuildMs,
      publishMs,
      parts,
      churnRebuilds,
      churnError,
    }),
  )
writeResult()
process.on('SIGTERM', () => {
  churning = false
  draining = true
  writeResult()
  sync.stop()
  server.close()
  server.closeAllConnections()
  void closeDatabase(payload).finally(() => process.exit(0))
})
server.listen(PORT, '127.0.0.1')
