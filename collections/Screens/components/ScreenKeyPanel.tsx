'use client'

import { Button, ConfirmationModal, useConfig, useDocumentInfo, useModal } from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import { useCallback, useState } from 'react'

import { errorMessage, formatOslo } from '../../Deliveries/components/deliveryRows'

const paragraph = { margin: '0 0 0.75rem' }
const ROTATE_MODAL = 'rotate-screen-key'
const code = { display: 'block', overflowWrap: 'anywhere' as const, margin: '0 0 0.5rem' }

type Issued = { playerUrl: string; feedUrl: string }

/**
 * The screen's address in the edit view, and _Lag ny skjermnøkkel_. A new key is shown once, in
 * the addresses to give the screen (player) and a signage system (RSS); the server never returns
 * it again, so leaving the page loses it. A new key replaces the old one at once.
 */
export const ScreenKeyPanel: UIFieldClientComponent = () => {
  const { id, data, setData, docPermissions } = useDocumentInfo()
  const { openModal } = useModal()
  const {
    config: {
      routes: { api: apiRoute },
      serverURL,
    },
  } = useConfig()
  const [issued, setIssued] = useState<Issued | null>(null)
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)

  const doc = (data ?? {}) as { slug?: string; audience?: string; keyIssuedAt?: string }
  const staffOnly = doc.audience === 'internal'
  const base = `${serverURL || ''}/signage/${doc.slug ?? ''}`

  const rotate = useCallback(async () => {
    if (id === undefined) return
    setBusy(true)
    setMessage('')
    try {
      const response = await fetch(
        `${apiRoute}/screens/${encodeURIComponent(String(id))}/rotate-key`,
        { method: 'POST', credentials: 'include' },
      )
      if (!response.ok) {
        setMessage(
          (await errorMessage(response)) ?? `Nøkkelen ble ikke laget (HTTP ${response.status}).`,
        )
        return
      }
      const body = (await response.json()) as Partial<Issued>
      if (typeof body.playerUrl !== 'string' || typeof body.feedUrl !== 'string') {
        setMessage('Svaret manglet adressene. Prøv igjen.')
        return
      }
      setIssued({ playerUrl: body.playerUrl, feedUrl: body.feedUrl })
      setMessage('Ny nøkkel er laget. Den gamle virker ikke lenger.')
      // The key changed the stored screen: refresh the view's copy before the next save.
      const fresh = await fetch(`${apiRoute}/screens/${encodeURIComponent(String(id))}?depth=0`, {
        credentials: 'include',
      })
      if (fresh.ok) setData((await fresh.json()) as Record<string, unknown>)
    } catch {
      setMessage('Fikk ikke kontakt med serveren. Prøv igjen om litt.')
    } finally {
      setBusy(false)
    }
  }, [apiRoute, id, setData])

  if (id === undefined) {
    return <p style={paragraph}>Adressen og skjermnøkkelen kommer når skjermen er lagret.</p>
  }
  return (
    <section aria-labelledby="screen-key-heading" style={{ marginBottom: '1.5rem' }}>
      <h3 id="screen-key-heading" style={{ margin: '0 0 0.5rem' }}>
        Skjermadresse
      </h3>
      {issued ? (
        <>
          <p style={paragraph}>
            <strong>Vises bare nå.</strong> Gi skjermen denne adressen:
          </p>
          <code style={code}>{issued.playerUrl}</code>
          <p style={paragraph}>RSS for andre skjermsystemer (Xibo o.l.):</p>
          <code style={code}>{issued.feedUrl}</code>
        </>
      ) : (
        <>
          <code style={code}>{base}</code>
          <p style={paragraph}>
            {staffOnly
              ? doc.keyIssuedAt
                ? `Skjermen krever nøkkelen (laget ${formatOslo(doc.keyIssuedAt)}). Adressen med nøkkel ble vist da den ble laget.`
                : 'Skjermen viser interne saker og trenger en nøkkel før den kan vise noe.'
              : 'Alle kan åpne adressen. En nøkkel gjør at bare skjermen selv kan melde at den lever.'}
          </p>
        </>
      )}
      {docPermissions?.update === true && (
        <Button
          type="button"
          buttonStyle="secondary"
          size="small"
          disabled={busy}
          onClick={() => (doc.keyIssuedAt ? openModal(ROTATE_MODAL) : void rotate())}
        >
          {busy ? 'Lager nøkkel …' : 'Lag ny skjermnøkkel'}
        </Button>
      )}
      <p aria-live="polite" role="status" style={{ minHeight: '1.5em', margin: '0.5rem 0 0' }}>
        {message}
      </p>
      <ConfirmationModal
        modalSlug={ROTATE_MODAL}
        heading="Lage ny skjermnøkkel?"
        body="Den gamle nøkkelen slutter å virke med en gang. Skjermen viser ingenting nytt før den får den nye adressen."
        confirmLabel="Lag ny nøkkel"
        confirmingLabel="Lager …"
        cancelLabel="Avbryt"
        onConfirm={rotate}
      />
    </section>
  )
}
