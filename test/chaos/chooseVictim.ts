import fs from 'node:fs/promises'

import type pg from 'pg'

import type { WebsiteReceiver } from '../fakes/website-receiver'
import { recentAttemptsByWorker } from './ledgerReport'
import { CHAOS } from './settings'
import type { WorkerProcess } from './workerProcess'

/** A request younger than this still has its sender waiting (WEBHOOK_TIMEOUT_MS, less a margin). */
const STILL_WAITING_MS = CHAOS.webhookTimeoutMs - 500
/** Window in which a worker must have settled attempts to count as busy. */
const BUSY_WINDOW_MS = 3_000

export type Victim = {
  worker: WorkerProcess
  /** True when the worker provably had an attempt in flight: a request the receiver holds. */
  proven: boolean
}

/**
 * The worker to SIGKILL: one whose request the receiver is holding unanswered right now, so the
 * kill certainly strands a claimed row. Found through the request's source port and /proc
 * (Linux). Undefined when no such request is open at the moment (try again shortly).
 */
export async function provenVictim(
  alive: readonly WorkerProcess[],
  receiver: WebsiteReceiver,
): Promise<Victim | undefined> {
  const now = Date.now()
  const open = receiver.requests.filter(
    (r) =>
      r.status === null &&
      r.remotePort !== undefined &&
      now - r.receivedAt.getTime() < STILL_WAITING_MS,
  )
  for (const request of open.reverse()) {
    const pid = await socketOwner(
      alive.map((w) => w.pid),
      request.remotePort ?? 0,
      receiver.port,
    )
    const worker = alive.find((w) => w.pid === pid)
    if (worker) return { worker, proven: true }
  }
  return undefined
}

/** Fallback without /proc: the worker that settled most attempts lately, likely still busy. */
export async function busiestWorker(
  alive: readonly WorkerProcess[],
  client: pg.Client,
): Promise<Victim> {
  const busy = await recentAttemptsByWorker(client, BUSY_WINDOW_MS)
  const load = (w: WorkerProcess) =>
    [...busy].filter(([worker]) => worker.endsWith(`:${w.pid}`)).reduce((s, [, n]) => s + n, 0)
  const first = alive[0]
  if (!first) throw new Error('no worker left to kill')
  return { worker: alive.reduce((a, b) => (load(b) > load(a) ? b : a), first), proven: false }
}

/**
 * Which of `pids` owns the TCP connection from local `port` to `peerPort`: the connection's
 * inode from /proc/net/tcp, then the process holding a descriptor on that socket.
 */
async function socketOwner(
  pids: readonly number[],
  port: number,
  peerPort: number,
): Promise<number | undefined> {
  const table = await fs.readFile('/proc/net/tcp', 'utf8').catch(() => '')
  const inode = table
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .find((f) => portOf(f[1]) === port && portOf(f[2]) === peerPort)?.[9]
  if (!inode) return undefined
  for (const pid of pids) {
    const fds = await fs.readdir(`/proc/${pid}/fd`).catch(() => [])
    for (const fd of fds) {
      const link = await fs.readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')
      if (link === `socket:[${inode}]`) return pid
    }
  }
  return undefined
}

/** `0100007F:9C40` → 40000. */
function portOf(address: string | undefined): number | undefined {
  const hex = address?.split(':')[1]
  return hex ? Number.parseInt(hex, 16) : undefined
}
