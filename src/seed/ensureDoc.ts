import type { CollectionSlug, Where } from 'payload'

import type { SeedContext } from './SeedContext'

/**
 * The id of the document matching `where` (its natural key); if there is none, `create` makes
 * it and the run's tally for the collection goes up by one. Drafts count as existing.
 */
export async function ensureDoc<S extends CollectionSlug>(
  ctx: SeedContext,
  collection: S,
  where: Where,
  create: () => Promise<{ id: number }>,
): Promise<number> {
  const found = await ctx.payload.find({
    collection,
    where,
    depth: 0,
    limit: 1,
    pagination: false,
    draft: true,
  })
  const existing = found.docs[0] as { id: number } | undefined
  if (existing) return existing.id
  const doc = await create()
  ctx.created[collection] = (ctx.created[collection] ?? 0) + 1
  return doc.id
}
