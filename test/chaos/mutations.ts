import type pg from 'pg'
import type { Payload } from 'payload'

import { CHAOS, FIRST_PUBLICATIONS } from './settings'

/** What editors do to item n during the run (see `CHAOS.mutateAt`). */
export type Plan = 'none' | 'update' | 'retract' | 'update-then-retract'

export function planFor(n: number): Plan {
  if (n % 10 === 5) return 'update-then-retract'
  if (n % 10 === 3) return 'retract'
  if (n % 5 === 0) return 'update'
  return 'none'
}

export const isUpdated = (plan: Plan) => plan === 'update' || plan === 'update-then-retract'
export const isRetracted = (plan: Plan) => plan === 'retract' || plan === 'update-then-retract'

export function titleOf(n: number, plan: Plan): string {
  return isUpdated(plan) ? `Melding ${n} (oppdatert)` : `Melding ${n}`
}

export type Mutation = { itemId: string; kind: 'update' | 'retract'; atMs: number }

export type Mutator = {
  /** Starts whatever is due at this many delivered rows; never waits for the writes. */
  step: (delivered: number) => Promise<void>
  /** Every planned update and retraction has been written. */
  finished: () => boolean
  /** A write that failed (the run stops with it). */
  failure: () => unknown
  /** Waits for a write in progress (cleanup). */
  settle: () => Promise<void>
  readonly log: readonly Mutation[]
}

/**
 * Plays the editors while the workers deliver, through the test process's Payload, so each
 * change enqueues like an editor's save: the updates all at once at the first mark (copies out,
 * in flight or still waiting, so some become edits and some supersede their publish), the
 * `retract` items at the second mark whatever state their copies are in, and each
 * `update-then-retract` item once the copies of its update are all out, so its retraction has
 * a real copy to delete on every channel. One write at a time, in the background.
 */
export function createMutator(payload: Payload, client: pg.Client, itemIds: string[]): Mutator {
  const items = itemIds.map((id, i) => ({ id, n: i + 1, plan: planFor(i + 1) }))
  const waiting = new Set(items.filter((i) => i.plan === 'update-then-retract').map((i) => i.id))
  const log: Mutation[] = []
  let updated = false
  let retracting = false
  let running: Promise<void> | undefined
  let failed: unknown

  const write = async (work: { id: string; n: number; kind: Mutation['kind'] }[]) => {
    for (const { id, n, kind } of work) {
      await payload.update({
        collection: 'news',
        id,
        data: kind === 'update' ? { title: titleOf(n, 'update') } : { _status: 'draft' },
      })
      log.push({ itemId: id, kind, atMs: Date.now() })
    }
  }

  return {
    log,
    async step(delivered) {
      if (running || failed !== undefined) return
      const work: { id: string; n: number; kind: Mutation['kind'] }[] = []
      if (!updated && delivered >= FIRST_PUBLICATIONS * CHAOS.mutateAt.update) {
        updated = true
        for (const item of items) if (isUpdated(item.plan)) work.push({ ...item, kind: 'update' })
      } else if (!retracting && delivered >= FIRST_PUBLICATIONS * CHAOS.mutateAt.retract) {
        retracting = true
        for (const item of items)
          if (item.plan === 'retract') work.push({ ...item, kind: 'retract' })
      } else if (retracting && waiting.size > 0) {
        for (const id of await allCopiesOut(client, [...waiting])) {
          waiting.delete(id)
          work.push({ id, n: items.find((i) => i.id === id)?.n ?? 0, kind: 'retract' })
        }
      }
      if (work.length === 0) return
      running = write(work)
        .catch((err: unknown) => {
          failed = err ?? new Error('a mutation failed')
        })
        .finally(() => {
          running = undefined
        })
    },
    finished: () => updated && retracting && waiting.size === 0 && !running,
    failure: () => failed,
    settle: async () => {
      await running
    },
  }
}

/** Items among `ids` with no delivery left open: every copy of their latest change is out. */
async function allCopiesOut(client: pg.Client, ids: string[]): Promise<string[]> {
  const { rows } = await client.query<{ item_id: string }>(
    `SELECT item_id FROM deliveries WHERE item_id = ANY($1::text[])
     GROUP BY item_id
     HAVING bool_and(status NOT IN ('pending', 'in_flight', 'retrying'))
       AND bool_or(action = 'update' OR revision > (SELECT min(revision) FROM deliveries e
                                                    WHERE e.item_id = deliveries.item_id))`,
    [ids],
  )
  return rows.map((r) => r.item_id)
}
