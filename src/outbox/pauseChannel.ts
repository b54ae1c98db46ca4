import type { Payload } from 'payload'

import { runLedgerStatement, sql } from './ledgerSql'

/** Channels this process holds back, and until when. */
export type ChannelPauses = {
  pause: (channel: string, until: Date) => void
  /** Channels still paused at `now`. */
  paused: (now: Date) => string[]
  /** When `channel`'s pause ends, if it is paused at `now`. */
  pausedUntil: (channel: string, now: Date) => Date | undefined
}

export function createChannelPauses(): ChannelPauses {
  const until = new Map<string, number>()
  return {
    pause: (channel, at) => {
      until.set(channel, Math.max(until.get(channel) ?? 0, at.getTime()))
    },
    paused: (now) => {
      const list: string[] = []
      for (const [channel, time] of until) {
        if (time > now.getTime()) list.push(channel)
        else until.delete(channel)
      }
      return list
    },
    pausedUntil: (channel, now) => {
      const time = until.get(channel)
      return time !== undefined && time > now.getTime() ? new Date(time) : undefined
    },
  }
}

/**
 * A channel that throttles us (Facebook's app usage, a 429 meant for the whole API) is left
 * alone by every worker, not only the one that was told: its waiting deliveries move to the end
 * of the pause. Returns how many were moved.
 */
export async function pauseChannel(
  payload: Payload,
  channel: string,
  until: Date,
): Promise<number> {
  const at = until.toISOString()
  const rows = await runLedgerStatement(
    payload,
    sql`UPDATE deliveries SET next_attempt_at = ${at}
        WHERE channel = ${channel} AND status IN ('pending', 'retrying')
          AND (next_attempt_at IS NULL OR next_attempt_at < ${at})
        RETURNING id`,
  )
  return rows.length
}
