import type { Payload } from 'payload'

import { adapterPool, type AdapterPoolClient } from './pgStatements'

/**
 * The outbox's doorbell between processes, on PostgreSQL: a process that enqueued deliveries
 * sends `NOTIFY hub_outbox`, and every worker that `LISTEN`s wakes its dispatcher. Without it, a
 * publish made in a web process (`HUB_ROLE=web`) waited for a worker's next scheduler tick, up
 * to five seconds. The bell carries no data and may ring early (the NOTIFY is sent outside the
 * enqueuing transaction, so it can arrive before the commit): the dispatcher looks again 25, 100
 * and 400 ms after a wake, and the tick still catches anything missed.
 */
export const OUTBOX_CHANNEL = 'hub_outbox'

/** Rings the bell, without waiting; a failure only costs latency, so it is logged and dropped. */
export function ringOutbox(payload: Payload): void {
  const pool = adapterPool(payload)
  if (!pool) return
  pool.query(`NOTIFY ${OUTBOX_CHANNEL}`).catch((err: unknown) => {
    payload.logger.warn({ err, msg: 'Could not tell the workers about new deliveries' })
  })
}

export type OutboxListener = { stop: () => Promise<void> }

export type ListenOptions = {
  /** Told of a lost connection; the listener connects again after `retryMs`. */
  onError?: (err: unknown) => void
  /** Default 5 s. */
  retryMs?: number
}

/**
 * Calls `wake` whenever any process rings. Holds one connection of the adapter's pool for as
 * long as it listens, and listens again on a fresh one after that connection is lost. On other
 * databases there is nothing to listen to and it does nothing.
 */
export function listenForOutbox(
  payload: Payload,
  wake: () => void,
  options: ListenOptions = {},
): OutboxListener {
  const pool = adapterPool(payload)
  const retryMs = options.retryMs ?? 5000
  let client: AdapterPoolClient | undefined
  let stopped = false
  let retry: NodeJS.Timeout | undefined

  const retryLater = (err: unknown) => {
    options.onError?.(err)
    retry = setTimeout(() => void connect(), retryMs)
    retry.unref()
  }

  const lost = (held: AdapterPoolClient, err: unknown) => {
    if (client !== held) return
    client = undefined
    held.release(err instanceof Error ? err : true)
    if (!stopped) retryLater(err)
  }

  const connect = async (): Promise<void> => {
    if (!pool || stopped) return
    let held: AdapterPoolClient
    try {
      held = await pool.connect()
    } catch (err) {
      retryLater(err)
      return
    }
    client = held
    held.on('notification', () => wake())
    held.on('error', (err) => lost(held, err ?? new Error('LISTEN connection failed')))
    held.on('end', () => lost(held, new Error('LISTEN connection closed')))
    try {
      await held.query(`LISTEN ${OUTBOX_CHANNEL}`)
      // Whatever was enqueued while no one listened.
      wake()
    } catch (err) {
      lost(held, err)
    }
    if (stopped) await release()
  }

  const release = async (): Promise<void> => {
    const held = client
    client = undefined
    if (!held) return
    await held.query(`UNLISTEN ${OUTBOX_CHANNEL}`).catch(() => undefined)
    held.release()
  }

  const ready = connect()
  return {
    stop: async () => {
      stopped = true
      if (retry) clearTimeout(retry)
      await ready
      await release()
    },
  }
}
