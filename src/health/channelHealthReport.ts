import type { Payload } from 'payload'

import { CHANNELS, channelLabel } from '../../collections/shared/fields/channelsField'
import type { Health } from '../../channels/contract'
import type { ChannelRegistry } from '../../channels/registry'
import { latestChecks } from './recordCheck'

/**
 * Where a channel stands, for editors: a check's outcome (`ok`, `degraded`, `down`), or why
 * there is none: `unchecked` (not yet), `no-check` (the channel has no health check, e.g. the
 * webhooks, which are judged per delivery), `sandboxed` (the sandbox stands in for it),
 * `not-configured` (no adapter in this installation).
 */
export type ChannelState =
  Health['status'] | 'unchecked' | 'no-check' | 'sandboxed' | 'not-configured'

export type ChannelHealthRow = {
  channel: string
  /** The name editors know (_Facebook-siden_). */
  label: string
  state: ChannelState
  /** Bokmål: the check's own words, or why there is no check. */
  detail: string
  checkedAt: string | null
  /** Since when it has been working, or failing, as it is now. */
  since: string | null
}

const NOT_CONFIGURED: Record<string, string> = {
  facebook: 'Ikke satt opp: FACEBOOK_PAGE_TOKEN og FACEBOOK_PAGE_ID mangler.',
  slack: 'Ikke satt opp: SLACK_BOT_TOKEN og SLACK_CHANNEL mangler.',
}

const NO_CHECK: Record<string, string> = {
  website:
    'Ingen felles sjekk: hver mottaker svarer for seg ved levering. Se Leveranser og Mottakere (webhooks).',
}

/**
 * Every channel editors can choose, and any other the process runs, with its latest recorded
 * check (whichever process made it) or the reason it has none.
 */
export async function channelHealthReport(args: {
  payload: Payload
  registry: ChannelRegistry | undefined
  sandboxed: readonly string[]
}): Promise<ChannelHealthRow[]> {
  const { payload, registry, sandboxed } = args
  const latest = await latestChecks(payload)
  const names = [...new Set<string>([...CHANNELS, ...(registry?.names() ?? [])])]
  return names.map((channel): ChannelHealthRow => {
    const row = { channel, label: channelLabel(channel), checkedAt: null, since: null }
    const adapter = registry?.get(channel)
    if (!adapter) {
      const detail = NOT_CONFIGURED[channel] ?? 'Ikke satt opp i denne installasjonen.'
      return { ...row, state: 'not-configured', detail }
    }
    if (sandboxed.includes(channel)) {
      return {
        ...row,
        state: 'sandboxed',
        detail:
          'Sandkasse: sender ingenting, men skriver det som ville blitt sendt til data/sandbox.jsonl.',
      }
    }
    if (!adapter.health) {
      const detail = NO_CHECK[channel] ?? 'Kanalen har ingen helsesjekk. Se Leveranser.'
      return { ...row, state: 'no-check', detail }
    }
    const check = latest.get(channel)
    if (!check) return { ...row, state: 'unchecked', detail: 'Ikke sjekket ennå.' }
    return {
      ...row,
      state: check.status,
      detail: check.detail,
      checkedAt: check.checkedAt,
      since: check.since,
    }
  })
}
