import { generateScreenKey, hashScreenKey } from '../../channels/signage/screenKey'
import { publicUrl } from '../config/env'
import { inTransaction } from '../public/inTransaction'
import type { Screen } from '../payload-types'
import type { SeedContext } from './SeedContext'
import { ensureDoc } from './ensureDoc'

type ScreenSeed = Pick<
  Screen,
  'name' | 'location' | 'groups' | 'orientation' | 'audience' | 'slideSeconds' | 'maxAgeDays'
> & { slug: string }

const SCREENS: ScreenSeed[] = [
  {
    name: 'Rådhuset – resepsjon',
    slug: 'radhuset-resepsjon',
    location: 'Rådhuset, Vikersund',
    groups: ['resepsjon', 'publikum'],
    orientation: 'landscape',
    audience: 'public',
    slideSeconds: 10,
    maxAgeDays: 30,
  },
  {
    name: 'Modum helsetun – personalrom',
    slug: 'modum-helsetun-personalrom',
    location: 'Modum helsetun, personalrommet i andre etasje',
    groups: ['personalrom', 'ansatte'],
    orientation: 'portrait',
    audience: 'internal',
    slideSeconds: 12,
    maxAgeDays: 30,
  },
]

/** A screen's address to open, with its key when this run made one (printed once). */
export type SeededScreen = { name: string; url: string }

/**
 * Two info screens: the lobby of the town hall, which the public sees, and a staff room, which
 * may show internal items and so gets a key (made only when the screen is created, shown once).
 * Seeded before the items, so the ledger puts the demo items on them.
 */
export async function seedScreens(ctx: SeedContext): Promise<SeededScreen[]> {
  const seeded: SeededScreen[] = []
  for (const seed of SCREENS) {
    let key: string | undefined
    await ensureDoc(ctx, 'screens', { slug: { equals: seed.slug } }, async () => {
      const doc = await ctx.payload.create({ collection: 'screens', data: seed })
      if (seed.audience === 'internal') {
        key = generateScreenKey()
        const data = {
          keyHash: hashScreenKey(key, ctx.payload.secret),
          keyIssuedAt: ctx.now.toISOString(),
        }
        await inTransaction(ctx.payload, (req) =>
          ctx.payload.db.updateOne({
            collection: 'screens',
            id: doc.id,
            data,
            returning: false,
            req,
          }),
        )
      }
      return doc
    })
    const url = `${publicUrl()}/signage/${seed.slug}`
    if (seed.audience === 'public') seeded.push({ name: seed.name, url })
    else if (key) seeded.push({ name: seed.name, url: `${url}?key=${key}` })
  }
  return seeded
}
