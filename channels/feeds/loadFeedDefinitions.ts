import type { Payload } from 'payload'

import type { ChannelTaxon } from '../contract'
import { categoryFeed, departmentFeed, type FeedDefinition, FIXED_FEEDS } from './feedDefinitions'

/** Every feed right now: the fixed ones, then one per department and one per category. */
export async function loadFeedDefinitions(payload: Payload): Promise<FeedDefinition[]> {
  const [departments, categories] = await Promise.all([
    taxa(payload, 'departments'),
    taxa(payload, 'categories'),
  ])
  return [...FIXED_FEEDS, ...departments.map(departmentFeed), ...categories.map(categoryFeed)]
}

async function taxa(
  payload: Payload,
  collection: 'departments' | 'categories',
): Promise<ChannelTaxon[]> {
  const { docs } = await payload.find({
    collection,
    select: { slug: true, name: true },
    sort: 'name',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs.flatMap((d) => {
    const doc = d as { slug?: string | null; name?: string | null }
    return doc.slug && doc.name ? [{ slug: doc.slug, name: doc.name }] : []
  })
}
