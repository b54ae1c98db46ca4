import type { CollectionAfterChangeHook } from 'payload'

import { NEW_SECRET_CONTEXT_KEY } from './sealNewSecret'

/**
 * Shows a new endpoint's secret once: in the create response. Collection `afterChange` hooks
 * run after the read-access filtering of the response, so the field's `read: false` (which
 * keeps it out of every later read) does not remove it here.
 */
export const revealNewSecret: CollectionAfterChangeHook = ({ doc, operation, context }) => {
  const saved = doc as Record<string, unknown>
  if (operation !== 'create') return saved
  const plain = context[NEW_SECRET_CONTEXT_KEY]
  delete context[NEW_SECRET_CONTEXT_KEY]
  return typeof plain === 'string' ? { ...saved, secret: plain } : saved
}
