import { Router } from 'express'
import type { Payload } from 'payload'

import { migrationStatus } from '../db/migrationStatus'

export type Readiness = { ready: boolean; database: 'ok' | 'unreachable'; pending: string[] }

export async function readiness(payload: Payload): Promise<Readiness> {
  try {
    const status = await migrationStatus(payload)
    return { ready: status.pending.length === 0, database: 'ok', pending: status.pending }
  } catch {
    return { ready: false, database: 'unreachable', pending: [] }
  }
}

/** `/healthz`: the process answers. `/readyz`: it can serve (database reachable, schema current). */
export function healthRoutes(payload: Payload, isDraining: () => boolean): Router {
  const router = Router()
  router.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store')
    res.json({ status: 'ok' })
  })
  router.get('/readyz', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store')
    if (isDraining()) {
      res.status(503).json({ ready: false, reason: 'shutting down' })
      return
    }
    const state = await readiness(payload)
    res.status(state.ready ? 200 : 503).json(state)
  })
  return router
}
