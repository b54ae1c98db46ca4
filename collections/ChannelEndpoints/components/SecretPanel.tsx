'use client'

import {
  Button,
  ConfirmationModal,
  useConfig,
  useDocumentEvents,
  useDocumentInfo,
  useModal,
} from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import { useCallback, useEffect, useState } from 'react'

import { errorMessage, formatOslo } from '../../Deliveries/components/deliveryRows'
import { RevealedSecretBox } from './RevealedSecretBox'
import {
  ENDPOINTS_SLUG,
  type RevealedSecret,
  secretJustCreated,
  withoutSecret,
} from './oneTimeSecret'

const ROTATE_MODAL = 'rotate-webhook-secret'

// The admin's stylesheet takes the margins off paragraphs.
const paragraph = { margin: '0 0 0.75rem' }

type Rotated = { secret?: unknown; previousSecretExpiresAt?: unknown }

/**
 * The endpoint's secret in the edit view: shown once right after the endpoint was created or its
 * secret rotated, otherwise only the fact that one is stored, the previous secret's expiry, and
 * the rotate button. The secret lives in this component's state only; the server never returns
 * it again, so leaving or reloading the page loses it for good.
 */
export const SecretPanel: UIFieldClientComponent = () => {
  const { id, data, setData, docPermissions } = useDocumentInfo()
  const { mostRecentUpdate, reportUpdate } = useDocumentEvents()
  const { openModal } = useModal()
  const {
    config: {
      routes: { api: apiRoute },
    },
  } = useConfig()

  const [revealed, setRevealed] = useState<RevealedSecret | null>(() =>
    secretJustCreated(mostRecentUpdate, id),
  )
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)

  // Once an edit view has taken the create event's secret, nothing else may find it there. The
  // create view (no id yet) must leave it for the edit view the admin navigates to next.
  useEffect(() => {
    if (id === undefined) return
    const scrubbed = withoutSecret(mostRecentUpdate)
    if (scrubbed) reportUpdate(scrubbed)
  }, [id, mostRecentUpdate, reportUpdate])

  const rotate = useCallback(async () => {
    if (id === undefined) return
    setBusy(true)
    setMessage('')
    try {
      const base = `${apiRoute}/${ENDPOINTS_SLUG}/${encodeURIComponent(String(id))}`
      const response = await fetch(`${base}/rotate-secret`, {
        method: 'POST',
        credentials: 'include',
      })
      if (!response.ok) {
        const reason = await errorMessage(response)
        setMessage(reason ?? `Rotasjonen ble avvist (HTTP ${response.status}).`)
        return
      }
      const body = (await response.json()) as Rotated
      if (typeof body.secret !== 'string' || typeof body.previousSecretExpiresAt !== 'string') {
        setMessage('Svaret fra serveren manglet den nye hemmeligheten. Prøv å rotere igjen.')
        return
      }
      setRevealed({
        kind: 'rotated',
        secret: body.secret,
        previousExpiresAt: body.previousSecretExpiresAt,
      })
      // The rotation changed the stored endpoint: refresh the view's copy, or the next edit
      // would warn that someone else changed the document meanwhile.
      const fresh = await fetch(`${base}?depth=0`, { credentials: 'include' })
      if (fresh.ok) setData((await fresh.json()) as Record<string, unknown>)
    } catch {
      setMessage('Fikk ikke kontakt med serveren. Prøv igjen om litt.')
    } finally {
      setBusy(false)
    }
  }, [apiRoute, id, setData])

  // Nothing to show while the endpoint is being created: the secret field above takes one.
  if (id === undefined) return null

  const previousExpiresAt =
    typeof data?.previousSecretExpiresAt === 'string' ? data.previousSecretExpiresAt : null
  const previousStillValid =
    previousExpiresAt !== null && new Date(previousExpiresAt).getTime() > Date.now()
  const canRotate = docPermissions?.update === true

  return (
    <section
      aria-labelledby="secret-panel-heading"
      style={{
        margin: '1.5rem 0',
        padding: '1rem',
        border: '1px solid var(--theme-elevation-100)',
        borderRadius: 'var(--style-radius-m, 4px)',
      }}
    >
      <h3 id="secret-panel-heading" style={{ margin: '0 0 0.5rem' }}>
        Hemmelighet
      </h3>
      {revealed ? (
        <RevealedSecretBox revealed={revealed} onDone={() => setRevealed(null)} />
      ) : (
        <p style={paragraph}>
          Hemmeligheten er lagret kryptert og kan ikke vises igjen. Har mottakeren mistet den, eller
          kan andre ha sett den, roterer du den og legger inn den nye hos mottakeren.
        </p>
      )}
      {previousStillValid && revealed?.kind !== 'rotated' && (
        <p style={paragraph}>
          Den forrige hemmeligheten virker fortsatt til{' '}
          <time dateTime={previousExpiresAt}>{formatOslo(previousExpiresAt)}</time> (norsk tid).
          Fram til da signeres webhooks med både den nye og den forrige.
        </p>
      )}
      {canRotate && (
        <Button
          type="button"
          buttonStyle="secondary"
          margin={false}
          disabled={busy}
          onClick={() => openModal(ROTATE_MODAL)}
        >
          {busy ? 'Roterer …' : 'Roter hemmelighet'}
        </Button>
      )}
      <p role="status" aria-live="polite" style={{ margin: '0.5rem 0 0' }}>
        {message}
      </p>
      <ConfirmationModal
        modalSlug={ROTATE_MODAL}
        heading="Roter hemmeligheten?"
        body="Huben lager en ny hemmelighet og viser den én gang. Den gamle virker i 24 timer til, så mottakeren rekker å bytte. Roterer du igjen innen det, slutter den eldste å virke med en gang."
        confirmLabel="Roter"
        confirmingLabel="Roterer …"
        cancelLabel="Avbryt"
        onConfirm={rotate}
      />
    </section>
  )
}
