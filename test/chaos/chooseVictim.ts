import fs from 'node:fs/promises'

import type pg from 'pg'

import { recentAttemptsByWorker } from './ledgerReport'
import { CHAOS } from './settings'
import type { WorkerProcess } from './workerProcess'

/** A request younger than this still has its sender waiting (WEBHOOK_TIMEOUT_MS, less a margin). */
const STILL_WAITING_MS = CHAOS.webhookTimeoutMs - 500
/** Window in which a worker must have settled attempts to count as busy. */
const BUSY_WINDOW_MS = 3_000

export type Victim = {
  worker: WorkerProcess
  /** True when the worker provably had an attempt in flight: a request a fake is holding. */
  proven: boolean
}

/** A fake server whose requests say whether they were answered and where they came from. */
export type RequestSource = {
  port: number
  requests: readonly { status: number | null; remotePort?: number; receivedAt: Date }[]
}

/**
 * The worker to SIGKILL: one whose request a fake (the receiver, the Graph API, the Slack API)
 * is holding unanswered right now, so the kill certainly strands a claimed row. Found through
 * the request's source port and /proc (Linux). Undefined when no such request is open at the
 * moment (try again shortly).
 */
export async function provenVictim(
  alive: readonly WorkerProcess[],
  sources: readonly RequestSource[],
): Promise<Victim | undefined> {
  const now = Date.now()
  const open = sources.flatMap((source) =>
    source.requests
      .filter(
        (r) =>
          r.status === null &&
          r.remotePort !== undefined &&
          now - r.receivedAt.getTime() < STILL_WAITING_MS,
      )
      .map((r) => ({ port: r.remotePort ?? 0, peerPort: source.port })),
  )
  if (open.length === 0) return undefined
  const owners = await socketOwners(alive.map((w) => w.pid))
  for (const { port, peerPort } of open.reverse()) {
    const worker = alive.find((w) => w.pid === owners.get(`${port}:${peerPort}`))
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
 * `<local port>:<peer port>` → the pid among `pids` holding that TCP connection: each socket's
 * inode from /proc/net/tcp, and the processes' descriptors that point at those inodes. Read once
 * per look, however many requests are open.
 */
async function socketOwners(pids: readonly number[]): Promise<Map<string, number>> {
  const pidByInode = new Map<string, number>()
  for (const pid of pids) {
    const fds = await fs.readdir(`/proc/${pid}/fd`).catch(() => [])
    const links = await Promise.all(
      fds.map((fd) => fs.readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')),
    )
    for (const link of links) {
      const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1]
      if (inode) pidByInode.set(inode, pid)
    }
  }
  const owners = new Map<string, number>()
  const table = await fs.readFile('/proc/net/tcp', 'utf8').catch(() => '')
  for (const line of table.split('\n')) {
    const fields = line.trim().split(/\s+/)
    const pid = pidByInode.get(fields[9] ?? '')
    const port = portOf(fields[1])
    const peerPort = portOf(fields[2])
    if (pid !== undefined && port !== undefined && peerPort !== undefined) {
      owners.set(`${port}:${peerPort}`, pid)
    }
  }
  return owners
}

/** `0100007F:9C40` → 40000. */
function portOf(address: string | undefined): number | undefined {
  const hex = address?.split(':')[1]
  return hex ? Number.parseInt(hex, 16) : undefined
}
