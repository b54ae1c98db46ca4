'use client'

import { Banner, Button } from '@payloadcms/ui'
import { useCallback, useRef, useState, type CSSProperties } from 'react'

import { formatOslo } from '../../Deliveries/components/deliveryRows'
import type { RevealedSecret } from './oneTimeSecret'

const secretStyle: CSSProperties = {
  display: 'block',
  flex: '1 1 24rem',
  padding: '0.5rem 0.75rem',
  border: '1px solid var(--theme-elevation-250)',
  borderRadius: 'var(--style-radius-s, 3px)',
  background: 'var(--theme-elevation-50)',
  fontFamily: 'var(--font-mono, monospace)',
  overflowWrap: 'anywhere',
  // One click selects the whole secret, for browsers where the copy button cannot work.
  userSelect: 'all',
}

/** Copies with the Clipboard API, or by selecting the text where that is missing (plain http). */
async function copyText(text: string, node: HTMLElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // Denied or unavailable: fall through to the selection.
  }
  if (!node) return false
  const selection = window.getSelection()
  const range = document.createRange()
  range.selectNodeContents(node)
  selection?.removeAllRanges()
  selection?.addRange(range)
  return document.execCommand('copy')
}

/**
 * The one time a webhook secret is shown in the admin: the secret with a copy button, the warning
 * that it will not be shown again, and after a rotation how long the previous secret still works.
 */
export function RevealedSecretBox(props: { revealed: RevealedSecret; onDone: () => void }) {
  const { revealed, onDone } = props
  const codeRef = useRef<HTMLElement>(null)
  const [copyMessage, setCopyMessage] = useState('')

  const copy = useCallback(async () => {
    const copied = await copyText(revealed.secret, codeRef.current)
    setCopyMessage(
      copied
        ? 'Hemmeligheten er kopiert.'
        : 'Kunne ikke kopiere. Merk hemmeligheten og kopier den selv.',
    )
  }, [revealed.secret])

  const heading =
    revealed.kind === 'created' ? 'Hemmeligheten til den nye mottakeren' : 'Ny hemmelighet'
  const expiry = revealed.kind === 'rotated' ? formatOslo(revealed.previousExpiresAt) : ''

  return (
    <div
      role="region"
      aria-labelledby="revealed-secret-heading"
      style={{
        margin: '0.75rem 0',
        padding: '1rem',
        border: '2px solid var(--theme-warning-500, var(--theme-elevation-400))',
        borderRadius: 'var(--style-radius-m, 4px)',
      }}
    >
      <h4 id="revealed-secret-heading" style={{ margin: '0 0 0.5rem' }}>
        {heading}
      </h4>
      <Banner type="info">
        <strong>Kopier den nå og legg den inn hos mottakeren.</strong> Den vises bare denne ene
        gangen: ikke igjen her, og aldri i API-et. Mister du den, må du rotere hemmeligheten.
      </Banner>
      <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <code ref={codeRef} aria-label="Hemmelighet" style={secretStyle}>
          {revealed.secret}
        </code>
        <Button type="button" buttonStyle="primary" margin={false} onClick={() => void copy()}>
          Kopier
        </Button>
      </div>
      <p role="status" aria-live="polite" style={{ minHeight: '1.5em', margin: '0.5rem 0' }}>
        {copyMessage}
      </p>
      {revealed.kind === 'rotated' && (
        <p style={{ margin: '0 0 0.75rem' }}>
          Den forrige hemmeligheten virker fortsatt i 24 timer, til{' '}
          <time dateTime={revealed.previousExpiresAt}>{expiry}</time> (norsk tid). Fram til da
          signeres hver webhook med begge, så mottakeren kan bytte uten å miste meldinger.
        </p>
      )}
      <Button type="button" buttonStyle="secondary" margin={false} onClick={onDone}>
        Jeg har tatt vare på hemmeligheten
      </Button>
    </div>
  )
}
