import type { Payload } from 'payload'

import { now as hubNow } from '../clock'
import {
  entriesGeneration,
  type EntryInput,
  hasEntry,
  listEntries,
  type PullEntry,
  removeEntry,
  upsertEntry,
} from './pullEntries'
import { etagOf, type SnapshotRoutes } from './snapshotRoutes'
import { hasSnapshotOf, type StoredSnapshot, storeSnapshots } from './snapshotStore'

/** One route a target's rebuild produces, e.g. `/feeds/news.rss`. */
export type SnapshotSpec = {
  path: string
  body: string
  contentType: string
  /** Default `public, max-age=60`; protected snapshots always get `private`. */
  cacheControl?: string
  /** Default `public`; anything else is checked by the server's authorizer (`internal` …). */
  access?: string
}

export type BuildContext = {
  now: Date
  /** When the target's entries last changed: use it for "last build" dates, not `now`. */
  lastModified: Date
}

/** Renders a target's routes from its entries (newest first). Pure: same entries, same bytes. */
export type PullBuild<E> = (
  target: string,
  entries: readonly PullEntry<E>[],
  ctx: BuildContext,
) => SnapshotSpec[]

export type PullPublisherOptions<E> = {
  payload: Payload
  /** The channel's name: entries and snapshots are kept per channel × target. */
  channel: string
  build: PullBuild<E>
  /** How many entries (newest first) a target's rebuild reads. Default 50. */
  limit?: (target: string) => number
  /** This process's routes, when it serves HTTP: rebuilt snapshots are put there at once. */
  routes?: SnapshotRoutes
  now?: () => Date
}

export type RebuildResult = {
  generation: number
  paths: string[]
  /** Snapshots stored (unchanged ones are not written again). */
  written: number
  /** The whole rebuild, and its parts: reading entries, rendering, storing. */
  ms: number
  readMs: number
  renderMs: number
  storeMs: number
}

export type PullPublisher<E> = {
  readonly channel: string
  /** Puts the item on the target, then waits for a rebuild that includes it. */
  upsert(target: string, input: EntryInput<E>): Promise<RebuildResult>
  /**
   * Takes the item off, then waits for a rebuild. With `keepCancelled` an entry that has not
   * ended yet (`endsAt`) stays, marked cancelled (events in a calendar).
   */
  remove(
    target: string,
    itemUid: string,
    options?: { keepCancelled?: boolean },
  ): Promise<RebuildResult>
  has(target: string, itemUid: string): Promise<boolean>
  /**
   * Rebuilds the target's snapshots. Single-flight and coalesced per target: while one rebuild
   * runs, every caller shares the one that starts after it, so a burst of deliveries renders the
   * feed a few times, not once per delivery.
   */
  rebuild(target: string): Promise<RebuildResult>
  /** Builds the target's snapshots once if none are stored (an empty feed answers 200, not 404). */
  ensure(target: string): Promise<void>
}

/**
 * The machinery every pull channel (feeds, the portal feed, signage playlists) shares: entries
 * per target in `pull-entries`, snapshots in `route-snapshots` (which every web process loads,
 * see snapshotSync.ts) and, in a process that serves, in its in-memory routes at once.
 */
export function createPullPublisher<E>(options: PullPublisherOptions<E>): PullPublisher<E> {
  const { payload, channel } = options
  const now = options.now ?? hubNow
  const limitOf = options.limit ?? (() => 50)
  const flights = new Map<
    string,
    { running?: Promise<RebuildResult>; next?: Promise<RebuildResult> }
  >()
  const ensured = new Set<string>()

  async function build(target: string): Promise<RebuildResult> {
    // Each step yields to the event loop first: on SQLite the database calls run synchronously,
    // so a run of rebuilds chained through promises alone would never let a request in.
    await yieldToRequests()
    const started = performance.now()
    const at = now()
    // Read before the entries: a change landing meanwhile gets a higher generation next time.
    const generation = await entriesGeneration(payload, { channel, target })
    const entries = await listEntries<E>(
      payload,
      { channel, target },
      {
        now: at,
        limit: limitOf(target),
      },
    )
    await yieldToRequests()
    const read = performance.now()
    const lastModified = new Date(generation || at.getTime())
    const specs = options.build(target, entries, { now: at, lastModified })
    const snapshots = specs.map((spec): StoredSnapshot & { bytes: Buffer } => {
      const access = spec.access ?? 'public'
      const bytes = Buffer.from(spec.body)
      return {
        ...spec,
        owner: `${channel}:${target}`,
        etag: etagOf(bytes),
        lastModified,
        cacheControl: cacheControlOf(spec, access),
        access,
        generation,
        bytes,
      }
    })
    await yieldToRequests()
    const rendered = performance.now()
    const written = await storeSnapshots(
      payload,
      snapshots.map(({ bytes: _bytes, ...stored }) => stored),
    )
    for (const s of snapshots) options.routes?.put(s.path, { ...s, body: s.bytes })
    ensured.add(target)
    const done = performance.now()
    return {
      generation,
      paths: specs.map((s) => s.path),
      written,
      ms: done - started,
      readMs: read - started,
      renderMs: rendered - read,
      storeMs: done - rendered,
    }
  }

  function rebuild(target: string): Promise<RebuildResult> {
    let flight = flights.get(target)
    if (!flight) flights.set(target, (flight = {}))
    const f = flight
    const start = (): Promise<RebuildResult> => {
      const running: Promise<RebuildResult> = build(target).finally(() => {
        if (f.running === running) f.running = undefined
      })
      f.running = running
      return running
    }
    if (f.next) return f.next
    if (!f.running) return start()
    // The running rebuild may have read the entries before this caller's change: wait for it,
    // then share one more that starts after it.
    const next: Promise<RebuildResult> = f.running
      .catch(() => undefined)
      .then(() => {
        f.next = undefined
        return start()
      })
    f.next = next
    return next
  }

  return {
    channel,
    async upsert(target, input) {
      await upsertEntry(payload, { channel, target }, input)
      return rebuild(target)
    },
    async remove(target, itemUid, removeOptions) {
      await removeEntry(
        payload,
        { channel, target, itemUid },
        { now: now(), keepCancelled: removeOptions?.keepCancelled },
      )
      return rebuild(target)
    },
    has: (target, itemUid) => hasEntry(payload, { channel, target, itemUid }),
    rebuild,
    async ensure(target) {
      if (ensured.has(target)) return
      if (await hasSnapshotOf(payload, `${channel}:${target}`)) ensured.add(target)
      else await rebuild(target)
    },
  }
}

/** Public snapshots as given (default a minute); protected ones never in a shared cache. */
function cacheControlOf(spec: SnapshotSpec, access: string): string {
  if (access === 'public') return spec.cacheControl ?? 'public, max-age=60'
  const rest = (spec.cacheControl ?? 'max-age=60')
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d && d !== 'public' && d !== 'private')
  return ['private', ...rest].join(', ')
}

/** Lets pending I/O (requests being served) run before the next step. */
function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
