import type { DocumentEvent } from 'payload'

export const ENDPOINTS_SLUG = 'channel-endpoints'

/** A secret the editor is looking at right now, and why it was made. */
export type RevealedSecret =
  | { kind: 'created'; secret: string }
  | { kind: 'rotated'; secret: string; previousExpiresAt: string }

type EventDoc = Record<string, unknown> & { id?: unknown }

function docOf(event: DocumentEvent | null | undefined): EventDoc | null {
  if (!event || event.entitySlug !== ENDPOINTS_SLUG || event.operation !== 'create') return null
  const doc = event.doc as EventDoc | undefined
  return doc && typeof doc.secret === 'string' ? doc : null
}

/**
 * The secret from the create response of endpoint `id`, if the admin has just created it. The
 * admin's edit view reports every save as a document event (root-level client state), and after a
 * create it navigates to the new endpoint, so that event is how the edit view learns the secret
 * without it ever being readable from the server again.
 */
export function secretJustCreated(
  event: DocumentEvent | null | undefined,
  id: number | string | undefined,
): RevealedSecret | null {
  const doc = docOf(event)
  if (!doc || id === undefined || String(doc.id) !== String(id)) return null
  return { kind: 'created', secret: doc.secret as string }
}

/**
 * The same event without the secret, or null when there is nothing to remove. Replacing the
 * event keeps the secret from outliving the one edit view that shows it: opening the endpoint
 * again, or another one, finds nothing.
 */
export function withoutSecret(event: DocumentEvent | null | undefined): DocumentEvent | null {
  const doc = docOf(event)
  if (!event || !doc) return null
  const { secret: _secret, ...rest } = doc
  return { ...event, doc: rest as DocumentEvent['doc'] }
}
