/**
 * feeds: how close the materialised feed routes come to a bare node:http server serving the same
 * bytes, measured with autocannon in the same run, and how long the news feed's rebuild takes
 * with 10,000 published items. See bench/README.md.
 */
import fs from 'node:fs'
import path from 'node:path'
import autocannon from 'autocannon'

import { startUntilReady, type Started } from './lib/process'
import { freePort, sleep } from './lib/net'
import { progress } from './lib/report'
import { round, summarize } from './lib/stats'
import { makeTempDir } from './lib/tempDir'
import type { BenchOptions, BenchResult, Summary } from './lib/types'

export const flags = ['items', 'duration', 'connections', 'playlist']

const RATIO_GOAL = 0.7
const REBUILD_GOAL_MS = 50
const FEEDS = ['/feeds/news.rss', '/feeds/events.ics']

type ChildFigures = {
  items: number
  events: number
  slides: number
  fillMs: number
  rebuildMs: number[]
  publishMs: number[]
  parts: { readMs: number[]; renderMs: number[]; storeMs: number[] }
  churnRebuilds: number
  churnError: string
}

type Route = {
  path: string
  body: string
  etag: string
  lastModified: string
  cacheControl: string
  contentType: string
}

type Load = { rps: number; p99: number; errors: number; non2xx: number; statuses: string }

function positive(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`)
  return n
}

async function load(
  url: string,
  headers: Record<string, string>,
  duration: number,
  connections: number,
): Promise<Load> {
  const result = await autocannon({ url, connections, duration, headers })
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .map(([code, s]) => `${code}:${(s as { count: number }).count}`)
    .join(' ')
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statuses,
  }
}

async function fetchRoute(base: string, p: string): Promise<Route> {
  const res = await fetch(`${base}${p}`)
  if (res.status !== 200) throw new Error(`${p} answered ${res.status}`)
  return {
    path: p,
    body: Buffer.from(await res.arrayBuffer()).toString('base64'),
    etag: res.headers.get('etag') ?? '',
    lastModified: res.headers.get('last-modified') ?? '',
    cacheControl: res.headers.get('cache-control') ?? '',
    contentType: res.headers.get('content-type') ?? '',
  }
}

export default async function feeds(options: BenchOptions): Promise<BenchResult> {
  const items = positive(options.flags?.items, 10_000, 'items')
  const duration = positive(options.flags?.duration, 10, 'duration')
  const connections = positive(options.flags?.connections, 50, 'connections')
  // Signage playlists are served by the same routes: the child makes a lobby screen with slides.
  const playlist = options.flags?.playlist ?? '/signage/bench/playlist.json'
  const dir = makeTempDir('bench-feeds')
  const resultFile = path.join(dir, 'hub-figures.json')
  const hubPort = await freePort()
  const barePort = await freePort()
  const root = process.cwd()

  progress(`filling ${items} news items and serving the hub's routes (SQLite, temp dir)…`)
  const hub: Started = await startUntilReady({
    command: process.execPath,
    args: ['--conditions=production', '--import', 'tsx', 'bench/lib/feedsHubChild.ts'],
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(hubPort),
      PUBLIC_URL: 'https://modum.kommune.no',
      HUB_DATA_DIR: dir,
      DATABASE_URL: `file:${path.join(dir, 'hub.db')}`,
      PAYLOAD_SECRET: 'bench-feeds-secret',
      HUB_DEMO: 'false',
      LOG_LEVEL: 'warn',
      BENCH_ITEMS: String(items),
      BENCH_RESULT_FILE: resultFile,
    },
    readyUrl: `http://127.0.0.1:${hubPort}/feeds/news.rss`,
    timeoutMs: 600_000,
    pollMs: 200,
  })
  let bare: Started | undefined
  try {
    const hubBase = `http://127.0.0.1:${hubPort}`
    const routes = await Promise.all(
      [...FEEDS, ...(playlist ? [playlist] : [])].map((p) => fetchRoute(hubBase, p)),
    )
    const routesFile = path.join(dir, 'routes.json')
    fs.writeFileSync(routesFile, JSON.stringify(routes))
    bare = await startUntilReady({
      command: process.execPath,
      args: [
        '--import',
        'tsx',
        path.join(import.meta.dirname, 'lib/bareSnapshotServer.ts'),
        routesFile,
        String(barePort),
      ],
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
      readyUrl: `http://127.0.0.1:${barePort}${FEEDS[0]}`,
    })
    const bareBase = `http://127.0.0.1:${barePort}`

    type Case = { name: string; path: string; headers: Record<string, string> }
    const cases = routes.flatMap((r): Case[] => [
      { name: `${path.basename(r.path)} 200`, path: r.path, headers: {} },
      { name: `${path.basename(r.path)} 304`, path: r.path, headers: { 'If-None-Match': r.etag } },
    ])
    const loads: Record<string, { hub: Load; bare: Load }> = {}
    for (const c of cases) {
      // Bare first, then the hub, back to back, so both meet the same machine load.
      progress(`${c.name}: bare ${duration} s …`)
      const b = await load(`${bareBase}${c.path}`, c.headers, duration, connections)
      progress(`${c.name}: hub ${duration} s …`)
      const h = await load(`${hubBase}${c.path}`, c.headers, duration, connections)
      loads[c.name] = { hub: h, bare: b }
      progress(`  ${c.name}: hub ${round(h.rps)} req/s, bare ${round(b.rps)} req/s`)
    }

    progress(`news.rss 200 while the news feed is republished in a loop: hub ${duration} s …`)
    hub.child.kill('SIGUSR2')
    await sleep(500)
    const churn = await load(`${hubBase}/feeds/news.rss`, {}, duration, connections)
    hub.child.kill('SIGUSR2')
    await hub.stop()
    const figures = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as ChildFigures

    const perRequest = (rps: number): Summary => summarize([rps > 0 ? 1000 / rps : 0])
    const ratios = Object.fromEntries(
      Object.entries(loads).map(([name, l]) => [name, round(l.hub.rps / l.bare.rps, 3)]),
    )
    const worst = Math.min(...Object.values(ratios))
    const rebuild = summarize(figures.rebuildMs)
    const publish = summarize(figures.publishMs)
    const resultFigures: Record<string, Summary> = {
      'bare (news.rss 200)': perRequest(loads[`news.rss 200`]?.bare.rps ?? 0),
    }
    for (const [name, l] of Object.entries(loads)) {
      resultFigures[`hub ${name}`] = perRequest(l.hub.rps)
      resultFigures[`bare ${name}`] = perRequest(l.bare.rps)
    }
    resultFigures['hub news.rss 200 during rebuilds'] = perRequest(churn.rps)
    resultFigures[`rebuild news (${figures.items} items)`] = rebuild
    resultFigures['publish → stored (entry + rebuild)'] = publish
    resultFigures['  its rebuild: read entries'] = summarize(figures.parts.readMs)
    resultFigures['  its rebuild: render RSS + JSON'] = summarize(figures.parts.renderMs)
    resultFigures['  its rebuild: store snapshots'] = summarize(figures.parts.storeMs)
    const calm = loads['news.rss 200']?.hub
    const notes = [
      `throughput figures are ms per request (1000 / mean req/s), autocannon ${connections} connections × ${duration} s each; ratio = hub req/s ÷ bare req/s (higher is better), goal ≥ ${RATIO_GOAL} for each case`,
      ...Object.entries(loads).map(
        ([name, l]) =>
          `${name}: hub ${round(l.hub.rps)} req/s (p99 ${l.hub.p99} ms, ${l.hub.statuses}), bare ${round(l.bare.rps)} req/s (p99 ${l.bare.p99} ms, ${l.bare.statuses}) → ${ratios[name]}`,
      ),
      `reads while the news feed was republished ${figures.churnRebuilds} times: ${round(churn.rps)} req/s, p99 ${churn.p99} ms (calm: ${round(calm?.rps ?? 0)} req/s, p99 ${calm?.p99 ?? 0} ms); not in the headline ratio`,
      `rebuild of the news feed (newest 50 of ${figures.items}): median ${rebuild.median} ms, p90 ${rebuild.p90} ms, max ${rebuild.max} ms (goal < ${REBUILD_GOAL_MS} ms); publish (entry write + rebuild) median ${publish.median} ms`,
      `hub side: Payload on SQLite, the hub's first layer (startPublicRoutes + SnapshotRoutes, Express behind it, no Next); ${figures.items} news entries and ${figures.events} events filled in ${round(figures.fillMs)} ms`,
      `${playlist}: a lobby screen's playlist with ${figures.slides} slides`,
    ]
    return {
      name: 'feeds',
      ratio: worst,
      runs: 1,
      unit: 'ms',
      baseline: 'bare (news.rss 200)',
      figures: resultFigures,
      goalMs: REBUILD_GOAL_MS,
      withinGoal: rebuild.max < REBUILD_GOAL_MS,
      goalCase: `rebuild news (${figures.items} items)`,
      goalStatistic: 'max',
      ratioGoal: RATIO_GOAL,
      ratioWithinGoal: worst >= RATIO_GOAL,
      ratios,
      duringRebuilds: { rps: round(churn.rps), p99: churn.p99, rebuilds: figures.churnRebuilds },
      errors: Object.fromEntries(
        Object.entries(loads).map(([n, l]) => [n, { hub: l.hub.errors, bare: l.bare.errors }]),
      ),
      notes,
    }
  } finally {
    await bare?.stop()
    await hub.stop()
  }
}
