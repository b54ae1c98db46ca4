'use client'

import { useConfig } from '@payloadcms/ui'
import { useCallback, useEffect, useState, type CSSProperties } from 'react'

import type { ChannelHealthRow } from '../../../src/health/channelHealthReport'
import { channelStatusLines, type Tone } from './channelStatusView'
import { errorMessage } from './deliveryRows'
import { cell, PanelTable } from './PanelTable'

type Load =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; rows: ChannelHealthRow[] }

const button: CSSProperties = {
  padding: '0.2rem 0.6rem',
  border: '1px solid var(--theme-elevation-400)',
  borderRadius: 'var(--style-radius-s, 3px)',
  background: 'var(--theme-elevation-50)',
  color: 'var(--theme-text)',
  cursor: 'pointer',
  font: 'inherit',
}
/** The word carries the meaning; the colour only repeats it. */
const TONE: Record<Tone, CSSProperties> = {
  good: { color: 'var(--theme-success-750, #1f6f3f)' },
  warn: { color: 'var(--theme-warning-750, #8a5a00)', fontWeight: 600 },
  bad: { color: 'var(--theme-error-750, #a1131a)', fontWeight: 600 },
  neutral: {},
}

/**
 * _Kanalstatus_ above the Deliveries list: every channel's latest health check (token, Page or
 * conversation access), whichever process ran it, with _Sjekk nå_ to check again at once.
 */
export function ChannelStatusPanel() {
  const {
    config: {
      routes: { api: apiRoute },
    },
  } = useConfig()
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [checking, setChecking] = useState(false)
  const [message, setMessage] = useState('')

  const fetchStatus = useCallback(
    async (refresh: boolean, signal?: AbortSignal) => {
      const response = await fetch(`${apiRoute}/channel-health${refresh ? '?refresh=1' : ''}`, {
        credentials: 'include',
        signal,
      })
      if (!response.ok) {
        const reason = await errorMessage(response)
        throw new RefusedError(reason ?? `Kunne ikke hente kanalstatus (HTTP ${response.status}).`)
      }
      const body = (await response.json()) as { channels?: ChannelHealthRow[] }
      setLoad({ state: 'ready', rows: body.channels ?? [] })
    },
    [apiRoute],
  )

  useEffect(() => {
    const controller = new AbortController()
    fetchStatus(false, controller.signal).catch((err: unknown) => {
      if (!controller.signal.aborted) setLoad({ state: 'error', message: messageOf(err) })
    })
    return () => controller.abort()
  }, [fetchStatus])

  const checkNow = useCallback(async () => {
    setChecking(true)
    setMessage('Sjekker kanalene …')
    try {
      await fetchStatus(true)
      setMessage('Kanalene er sjekket nå.')
    } catch (err) {
      setMessage(messageOf(err))
    } finally {
      setChecking(false)
    }
  }, [fetchStatus])

  return (
    <section
      aria-labelledby="channel-status-heading"
      style={{
        margin: '0 0 1.5rem',
        padding: '1rem',
        border: '1px solid var(--theme-elevation-100)',
        borderRadius: 'var(--style-radius-m, 4px)',
      }}
    >
      <div style={{ display: 'flex', gap: '1rem', alignItems: 'baseline', flexWrap: 'wrap' }}>
        <h2 id="channel-status-heading" style={{ margin: 0, fontSize: '1.1rem' }}>
          Kanalstatus
        </h2>
        <button
          type="button"
          style={button}
          disabled={checking}
          aria-busy={checking}
          onClick={() => void checkNow()}
        >
          Sjekk nå
        </button>
      </div>
      <p aria-live="polite" role="status" style={{ minHeight: '1.5em', margin: '0.5rem 0' }}>
        {message}
      </p>
      {load.state === 'loading' && <p>Henter kanalstatus …</p>}
      {load.state === 'error' && <p>{load.message}</p>}
      {load.state === 'ready' && (
        <PanelTable
          caption="Siste helsesjekk per kanal. Huben sjekker hvert kvarter og før planlagte publiseringer går ut."
          columns={['Kanal', 'Status', 'Forklaring', 'Sjekket']}
        >
          {channelStatusLines(load.rows).map((line) => (
            <tr key={line.channel}>
              <th scope="row" style={{ ...cell, fontWeight: 'normal' }}>
                {line.label}
              </th>
              <td style={{ ...cell, ...TONE[line.tone] }}>
                {line.state}
                {line.since && (
                  <div style={{ fontWeight: 'normal', color: 'var(--theme-elevation-650)' }}>
                    {line.since}
                  </div>
                )}
              </td>
              <td style={{ ...cell, maxWidth: '32rem', overflowWrap: 'anywhere' }}>
                {line.detail}
              </td>
              <td style={cell}>{line.checkedAt}</td>
            </tr>
          ))}
        </PanelTable>
      )}
    </section>
  )
}

/** The server answered, and said no: its reason is worth showing as it is. */
class RefusedError extends Error {}

function messageOf(err: unknown): string {
  return err instanceof RefusedError
    ? err.message
    : 'Fikk ikke kontakt med serveren. Prøv igjen om litt.'
}
