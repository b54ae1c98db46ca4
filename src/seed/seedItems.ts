import type { SeedContext } from './SeedContext'
import { ensureDoc } from './ensureDoc'
import type { ItemSeed } from './itemSeed'

type AnyItemSeed = ItemSeed<'news'> | ItemSeed<'events'> | ItemSeed<'service-messages'>

/** One `create` per collection, so each call is typed against that collection's own fields. */
function createItem(ctx: SeedContext, seed: AnyItemSeed): Promise<{ id: number }> {
  const { payload } = ctx
  switch (seed.collection) {
    case 'news':
      return payload.create({ collection: 'news', data: seed.data, draft: seed.draft, depth: 0 })
    case 'events':
      return payload.create({ collection: 'events', data: seed.data, draft: seed.draft, depth: 0 })
    case 'service-messages':
      return payload.create({
        collection: 'service-messages',
        data: seed.data,
        draft: seed.draft,
        depth: 0,
      })
  }
}

/** Creates the news, events or service messages whose slug is not taken yet. */
export async function seedItems(ctx: SeedContext, seeds: AnyItemSeed[]): Promise<void> {
  for (const seed of seeds) {
    await ensureDoc(ctx, seed.collection, { slug: { equals: seed.slug } }, () =>
      createItem(ctx, seed),
    )
  }
}
