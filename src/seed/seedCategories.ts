import type { CategoryKey, SeedContext } from './SeedContext'
import { ensureDoc } from './ensureDoc'

const CATEGORIES: { key: CategoryKey; name: string; slug: string }[] = [
  { key: 'skole', name: 'Skole og barnehage', slug: 'skole-og-barnehage' },
  { key: 'helse', name: 'Helse og omsorg', slug: 'helse-og-omsorg' },
  { key: 'vei', name: 'Vei og trafikk', slug: 'vei-og-trafikk' },
  { key: 'vann', name: 'Vann og avløp', slug: 'vann-og-avlop' },
  { key: 'kultur', name: 'Kultur og fritid', slug: 'kultur-og-fritid' },
  { key: 'politikk', name: 'Politikk og lokaldemokrati', slug: 'politikk-og-lokaldemokrati' },
  { key: 'jobb', name: 'Jobb i kommunen', slug: 'jobb-i-kommunen' },
]

export async function seedCategories(ctx: SeedContext): Promise<Record<CategoryKey, number>> {
  const ids: Partial<Record<CategoryKey, number>> = {}
  for (const seed of CATEGORIES) {
    ids[seed.key] = await ensureDoc(ctx, 'categories', { slug: { equals: seed.slug } }, () =>
      ctx.payload.create({ collection: 'categories', data: { name: seed.name, slug: seed.slug } }),
    )
  }
  return ids as Record<CategoryKey, number>
}
