import type { Payload } from 'payload'

import type { Health } from '../contract'
import { screenStatuses } from './screenStatus'
import type { LoadedScreen } from './loadScreens'

/** A player reports every minute; after this long without a word the screen needs a look. */
export const SCREEN_SILENT_MS = 5 * 60 * 1000

/**
 * The signage channel's health as the players report it, shown under _Kanalstatus_ above the
 * ledger: `ok` while every screen has reported within five minutes and shows its current
 * playlist, `degraded` with the screens that do not (a screen that is off, offline or behind).
 */
export async function screenHealth(
  payload: Payload,
  screens: readonly LoadedScreen[],
  now: Date,
): Promise<Health> {
  if (screens.length === 0) return { status: 'ok', detail: 'Ingen infoskjermer er satt opp.' }
  const statuses = await screenStatuses(payload)
  const problems: string[] = []
  for (const s of statuses) {
    if (!s.lastSeenAt) problems.push(`${s.name}: aldri sett`)
    else if (now.getTime() - s.lastSeenAt.getTime() > SCREEN_SILENT_MS) {
      const minutes = Math.round((now.getTime() - s.lastSeenAt.getTime()) / 60_000)
      problems.push(`${s.name}: ikke sett på ${minutes} min`)
    } else if (!s.showsCurrent) problems.push(`${s.name}: viser en eldre spilleliste`)
  }
  if (problems.length === 0) {
    return { status: 'ok', detail: `${statuses.length} skjermer viser gjeldende spilleliste.` }
  }
  return { status: 'degraded', detail: problems.join('; ') }
}
