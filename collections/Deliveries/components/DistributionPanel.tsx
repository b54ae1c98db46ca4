'use client'

import { getTranslation } from '@payloadcms/translations'
import { useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import { useCallback, useEffect, useState, type CSSProperties } from 'react'

import {
  CANCELLABLE,
  REDRIVABLE,
  STATUS_LABELS_NB,
  errorMessage,
  formatOslo,
  latestPerTarget,
  safeHref,
  type DeliveryRow,
  type TargetRow,
} from './deliveryRows'
import { deliveriesListHref } from './listWhere'
import { useChannelLabels } from './useChannelLabels'
import { cell, PanelTable } from './PanelTable'

type Load = { state: 'loading' } | { state: 'error' } | { state: 'ready'; rows: TargetRow[] }

const button: CSSProperties = {
  padding: '0.2rem 0.6rem',
  border: '1px solid var(--theme-elevation-400)',
  borderRadius: 'var(--style-radius-s, 3px)',
  background: 'var(--theme-elevation-50)',
  color: 'var(--theme-text)',
  cursor: 'pointer',
  font: 'inherit',
}

/**
 * The item's deliveries, newest row per channel × target, with the operator's retry and cancel
 * buttons. Rendered as a `ui` field on news, events and service messages.
 */
export const DistributionPanel: UIFieldClientComponent = ({ field }) => {
  const { id, data, lastUpdateTime } = useDocumentInfo()
  const formUid = useFormFields(([fields]) => fields.uid?.value)
  const uid = typeof formUid === 'string' && formUid ? formUid : (data?.uid as string | undefined)
  const {
    config: {
      routes: { admin: adminRoute, api: apiRoute },
    },
  } = useConfig()
  const { i18n } = useTranslation()
  const { labelOf } = useChannelLabels()

  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [busy, setBusy] = useState<number | null>(null)
  const [message, setMessage] = useState('')
  const [refreshCount, setRefreshCount] = useState(0)
  const refresh = useCallback(() => setRefreshCount((n) => n + 1), [])

  useEffect(() => {
    if (id === undefined || !uid) return
    const controller = new AbortController()
    const query = new URLSearchParams({
      'where[itemUid][equals]': uid,
      sort: '-id',
      limit: '200',
      depth: '0',
    })
    fetch(`${apiRoute}/deliveries?${query.toString()}`, {
      credentials: 'include',
      signal: controller.signal,
    })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status))
        const body = (await response.json()) as { docs?: DeliveryRow[] }
        setLoad({ state: 'ready', rows: latestPerTarget(body.docs ?? []) })
      })
      .catch(() => {
        if (!controller.signal.aborted) setLoad({ state: 'error' })
      })
    return () => controller.abort()
  }, [apiRoute, id, uid, lastUpdateTime, refreshCount])

  const act = useCallback(
    async (row: DeliveryRow, action: 'redrive' | 'cancel') => {
      setBusy(row.id)
      setMessage('')
      try {
        const response = await fetch(`${apiRoute}/deliveries/${row.id}/${action}`, {
          method: 'POST',
          credentials: 'include',
        })
        if (response.ok) {
          setMessage(
            action === 'redrive'
              ? 'Leveransen er lagt i kø for nytt forsøk.'
              : 'Leveransen er avbrutt.',
          )
        } else {
          const reason = await errorMessage(response)
          setMessage(reason ?? `Handlingen ble avvist (HTTP ${response.status}).`)
        }
      } catch {
        setMessage('Fikk ikke kontakt med serveren. Prøv igjen om litt.')
      } finally {
        setBusy(null)
        refresh()
      }
    },
    [apiRoute, refresh],
  )

  // Nothing to show before the item has been saved for the first time.
  if (id === undefined || !uid) return null

  const heading = field.label ? getTranslation(field.label, i18n) : 'Distribusjon'
  const listHref = deliveriesListHref(adminRoute, { itemUid: uid })

  return (
    <section
      aria-labelledby="distribution-heading"
      style={{
        margin: '1.5rem 0',
        padding: '1rem',
        border: '1px solid var(--theme-elevation-100)',
        borderRadius: 'var(--style-radius-m, 4px)',
        background: 'var(--theme-elevation-0)',
      }}
    >
      <div style={{ display: 'flex', gap: '1rem', alignItems: 'baseline', flexWrap: 'wrap' }}>
        <h3 id="distribution-heading" style={{ margin: 0 }}>
          {typeof heading === 'string' ? heading : 'Distribusjon'}
        </h3>
        <button type="button" style={button} onClick={refresh}>
          Oppdater
        </button>
        <a href={listHref}>Se alle leveransene for saken</a>
      </div>

      <p aria-live="polite" role="status" style={{ minHeight: '1.5em', margin: '0.5rem 0' }}>
        {message}
      </p>

      {load.state === 'loading' && <p>Henter leveranser …</p>}
      {load.state === 'error' && <p>Kunne ikke hente leveransene.</p>}
      {load.state === 'ready' && load.rows.length === 0 && <p>Ikke publisert i noen kanal ennå.</p>}
      {load.state === 'ready' && load.rows.length > 0 && (
        <PanelTable
          caption="Siste leveranse per kanal og mottaker"
          columns={[
            'Kanal',
            'Mottaker',
            'Status',
            'Tidspunkt',
            'Forsøk',
            'Lenke',
            'Siste feil',
            'Handling',
          ]}
        >
          {load.rows.map((row) => (
            <DeliveryTableRow
              key={row.id}
              row={row}
              channel={labelOf(row.channel)}
              busy={busy === row.id}
              disabled={busy !== null}
              onAct={(action) => void act(row, action)}
            />
          ))}
        </PanelTable>
      )}
    </section>
  )
}

function DeliveryTableRow(props: {
  row: TargetRow
  channel: string
  busy: boolean
  disabled: boolean
  onAct: (action: 'redrive' | 'cancel') => void
}) {
  const { row, channel, busy, disabled, onAct } = props
  const target = row.targetName || row.target
  const href = safeHref(row.copyUrl)
  const when = formatOslo(row.updatedAt)
  return (
    <tr>
      <th scope="row" style={{ ...cell, fontWeight: 'normal' }}>
        {channel}
      </th>
      <td style={cell}>{target}</td>
      <td style={cell}>{STATUS_LABELS_NB[row.status] ?? row.status}</td>
      <td style={cell}>{when && <time dateTime={row.updatedAt ?? undefined}>{when}</time>}</td>
      <td style={cell}>{row.attempts ?? 0}</td>
      <td style={cell}>
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            Åpne<span style={visuallyHidden}> i {channel} (ny fane)</span>
          </a>
        ) : (
          (row.copyUrl ?? '')
        )}
      </td>
      <td style={{ ...cell, maxWidth: '24rem', overflowWrap: 'anywhere' }}>
        {row.lastError ?? ''}
      </td>
      <td style={cell}>
        {REDRIVABLE.includes(row.status) && (
          <button
            type="button"
            style={button}
            disabled={disabled}
            aria-busy={busy}
            aria-label={`Prøv igjen: ${channel}, ${target}`}
            onClick={() => onAct('redrive')}
          >
            Prøv igjen
          </button>
        )}
        {CANCELLABLE.includes(row.status) && (
          <button
            type="button"
            style={button}
            disabled={disabled}
            aria-busy={busy}
            aria-label={`Avbryt: ${channel}, ${target}`}
            onClick={() => onAct('cancel')}
          >
            Avbryt
          </button>
        )}
      </td>
    </tr>
  )
}

const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
}
