/** What the fanout bench reads off PostgreSQL and /proc while the hub drains. */
import fs from 'node:fs'

import pg from 'pg'

import type { Ctx } from './fanoutSetup'
import { round } from './stats'

export async function countWhere(client: pg.Client, where: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM deliveries WHERE ${where}`,
  )
  return Number(rows[0]?.n ?? 0)
}

export async function dbStats(client: pg.Client): Promise<{ xacts: number; rows: number }> {
  const { rows } = await client.query<{ x: string; r: string }>(
    `SELECT xact_commit + xact_rollback AS x, tup_returned + tup_fetched AS r
     FROM pg_stat_database WHERE datname = current_database()`,
  )
  return { xacts: Number(rows[0]?.x ?? 0), rows: Number(rows[0]?.r ?? 0) }
}

/** CPU time (user + system) a live child has used so far, from /proc; null where unreadable. */
export function cpuMs(pid: number | undefined): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[11]) + Number(fields[12])
    return Number.isFinite(ticks) ? round((ticks * 1000) / 100) : null
  } catch {
    return null
  }
}

/** CPU ms this process has used since `from` (the receiver runs here). */
export function cpuSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from)
  return (used.user + used.system) / 1000
}

/** CPU ms of every other PostgreSQL backend on the bench database, by pid. */
export async function backendCpu(client: pg.Client): Promise<Map<number, number>> {
  const { rows } = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  )
  return new Map(rows.map((r) => [r.pid, cpuMs(r.pid) ?? 0]))
}

/** CPU the backends alive at `after` used since `before` (a new backend counts in full). */
export function cpuDelta(after: Map<number, number>, before: Map<number, number>): number {
  let sum = 0
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0)
  return sum
}

export async function statusCounts(
  ctx: Ctx | { dbUrl: string },
  client?: pg.Client,
  where = 'true',
) {
  const own = client ?? new pg.Client({ connectionString: ctx.dbUrl })
  if (!client) await own.connect()
  try {
    const { rows } = await own.query<{ status: string; n: string }>(
      `SELECT status, count(*) AS n FROM deliveries WHERE ${where} GROUP BY status ORDER BY status`,
    )
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))
  } finally {
    if (!client) await own.end()
  }
}
