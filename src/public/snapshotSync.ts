import type { Payload } from 'payload'

import type { SnapshotRoutes } from './snapshotRoutes'
import { changedSince, loadSnapshots, type StoredSnapshot } from './snapshotStore'

export type SnapshotSync = {
  /** One poll by hand (tests); resolves when the changes it found are served. */
  refresh: () => Promise<number>
  stop: () => void
}

export type SnapshotSyncOptions = {
  payload: Payload
  routes: SnapshotRoutes
  /** How often to look for snapshots other processes wrote. Default 1 s. */
  intervalMs?: number
  onError?: (err: unknown) => void
}

/**
 * A commit can land after a later one (two workers), so each poll looks back this far past the
 * newest change it has seen; snapshots it already serves (same ETag) cost nothing but the row.
 */
const OVERLAP_MS = 5000

/**
 * Keeps a web process's snapshots in step with the database: every stored snapshot is loaded
 * before the first poll resolves, then each poll fetches the bodies of the ones whose ETag or
 * generation changed. Reads never wait for it: they are answered from the old bytes until the
 * new ones are put.
 */
export async function startSnapshotSync(options: SnapshotSyncOptions): Promise<SnapshotSync> {
  const { payload, routes } = options
  let seen = new Date(0)
  let running: Promise<number> | undefined

  const put = (s: StoredSnapshot): void => {
    routes.put(s.path, { ...s, body: Buffer.from(s.body) })
  }
  const poll = async (): Promise<number> => {
    const pollStart = new Date()
    const heads = await changedSince(payload, new Date(seen.getTime() - OVERLAP_MS))
    const stale = heads.filter((h) => {
      const served = routes.get(h.path)
      return !served || (served.etag !== h.etag && served.generation <= h.generation)
    })
    if (stale.length > 0) {
      for (const s of await loadSnapshots(
        payload,
        stale.map((h) => h.path),
      ))
        put(s)
    }
    const newest = Math.max(seen.getTime(), ...heads.map((h) => h.updatedAt.getTime()))
    // Never ahead of our own clock: a row stamped by a process whose clock runs fast is
    // looked for again rather than skipped.
    seen = new Date(Math.min(newest, pollStart.getTime()))
    return stale.length
  }
  const refresh = (): Promise<number> => {
    running ??= poll().finally(() => (running = undefined))
    return running
  }

  for (const s of await loadSnapshots(payload)) put(s)
  seen = new Date()
  const timer = setInterval(() => {
    refresh().catch((err: unknown) => options.onError?.(err))
  }, options.intervalMs ?? 1000)
  timer.unref()
  return { refresh, stop: () => clearInterval(timer) }
}
