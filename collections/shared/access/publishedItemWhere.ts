import type { Where } from 'payload'

/**
 * What a reader outside the editorial staff may see: published, scheduled time reached, past
 * its embargo, not expired, and public unless the reader holds the internal scope.
 */
export function publishedItemWhere(at: Date, options: { includeInternal: boolean }): Where {
  const now = at.toISOString()
  const conditions: Where[] = [
    { _status: { equals: 'published' } },
    { or: [{ publishAt: { exists: false } }, { publishAt: { less_than_equal: now } }] },
    { or: [{ embargoUntil: { exists: false } }, { embargoUntil: { less_than_equal: now } }] },
    { or: [{ expiresAt: { exists: false } }, { expiresAt: { greater_than: now } }] },
  ]
  if (!options.includeInternal) {
    conditions.push({ audience: { in: ['public', 'both'] } })
  }
  return { and: conditions }
}
