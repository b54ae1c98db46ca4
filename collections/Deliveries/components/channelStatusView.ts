import type { ChannelHealthRow, ChannelState } from '../../../src/health/channelHealthReport'
import { formatOslo } from './deliveryRows'

/** How each state reads to editors, and how urgent it looks. */
export const CHANNEL_STATE_LABELS: Record<ChannelState, { nb: string; tone: Tone }> = {
  ok: { nb: 'Virker', tone: 'good' },
  degraded: { nb: 'Virker, men trenger tilsyn', tone: 'warn' },
  down: { nb: 'Feiler', tone: 'bad' },
  unchecked: { nb: 'Ikke sjekket ennå', tone: 'neutral' },
  'no-check': { nb: 'Ingen felles sjekk', tone: 'neutral' },
  sandboxed: { nb: 'Sandkasse', tone: 'neutral' },
  'not-configured': { nb: 'Ikke satt opp', tone: 'neutral' },
}

export type Tone = 'good' | 'warn' | 'bad' | 'neutral'

export type ChannelStatusLine = {
  channel: string
  label: string
  state: string
  tone: Tone
  detail: string
  /** `dd.MM.yyyy HH:mm` in Europe/Oslo, or ''. */
  checkedAt: string
  /** "Feiler siden …" / "Virker siden …" when the check says since when, else ''. */
  since: string
}

/** The table's lines, failing channels first, then in the order the hub lists its channels. */
export function channelStatusLines(rows: readonly ChannelHealthRow[]): ChannelStatusLine[] {
  const urgency: Record<Tone, number> = { bad: 0, warn: 1, good: 2, neutral: 3 }
  return rows
    .map((row, index) => {
      const known = CHANNEL_STATE_LABELS[row.state] as
        (typeof CHANNEL_STATE_LABELS)[ChannelState] | undefined
      const tone = known?.tone ?? 'neutral'
      const since = formatOslo(row.since)
      return {
        index,
        line: {
          channel: row.channel,
          label: row.label,
          state: known?.nb ?? row.state,
          tone,
          detail: row.detail,
          checkedAt: formatOslo(row.checkedAt),
          since:
            since && (row.state === 'down' || row.state === 'ok')
              ? `${known?.nb} siden ${since}`
              : '',
        },
      }
    })
    .sort((a, b) => urgency[a.line.tone] - urgency[b.line.tone] || a.index - b.index)
    .map(({ line }) => line)
}
