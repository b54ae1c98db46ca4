import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { resyncScreenItems } from '../../../channels/signage/resyncScreenItems'
import type { SignageAdapter } from '../../../channels/signage/signageAdapter'
import { activeRegistry } from '../../../src/outbox/activeRegistry'
import { relationId } from '../../shared/roles'

/** The fields that decide which items a screen takes (the rest only change how it shows them). */
const RULE_FIELDS = ['audience', 'itemTypes', 'departments', 'categories'] as const

function signage(): SignageAdapter | undefined {
  const adapter = activeRegistry()?.get('signage') as SignageAdapter | undefined
  return adapter && typeof adapter.reloadScreens === 'function' ? adapter : undefined
}

function rulesOf(doc: unknown): string {
  const d = (doc ?? {}) as Record<string, unknown>
  return JSON.stringify(
    RULE_FIELDS.map((f) => {
      const v = d[f]
      return Array.isArray(v) ? (v as unknown[]).map((x) => String(relationId(x))).sort() : v
    }),
  )
}

/**
 * After a screen is saved: the signage channel reloads its screens (within this transaction,
 * so the ledger sees the new rules), the ledger is brought in line when the rules changed or the
 * screen is new, and the screen's playlist, player and feed are rebuilt (after the save commits:
 * the rebuild waits for its turn). A changed address retires the old one.
 */
export const refreshSignageAfterChange: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const adapter = signage()
  if (!adapter) return doc as unknown
  const screen = doc as { id: number | string; slug?: string | null; updatedAt?: string }
  const previous = previousDoc as { slug?: string | null } | undefined
  await adapter.reloadScreens(req)
  if (operation === 'create' || rulesOf(doc) !== rulesOf(previousDoc)) {
    await resyncScreenItems(req.payload, req)
  }
  const oldSlug = operation === 'update' && previous?.slug !== screen.slug ? previous?.slug : null
  adapter.afterScreenSaved(String(screen.id), {
    retiredSlug: oldSlug ?? null,
    updatedAt: screen.updatedAt ?? new Date().toISOString(),
  })
  return doc as unknown
}

/** After a screen is removed: its items are retracted through the ledger, its routes retired. */
export const refreshSignageAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const adapter = signage()
  if (!adapter) return
  const screen = doc as { id: number | string; slug?: string | null }
  await adapter.reloadScreens(req)
  await resyncScreenItems(req.payload, req)
  adapter.afterScreenSaved(String(screen.id), { retiredSlug: screen.slug ?? null, updatedAt: null })
}
