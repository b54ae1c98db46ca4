import type { Screen } from '../payload-types'
import type { SeedContext } from './SeedContext'
import { ensureDoc } from './ensureDoc'

type ScreenSeed = Pick<Screen, 'name' | 'location' | 'groups' | 'orientation'> & { slug: string }

const SCREENS: ScreenSeed[] = [
  {
    name: 'Rådhuset – resepsjon',
    slug: 'radhuset-resepsjon',
    location: 'Rådhuset, Vikersund',
    groups: ['resepsjon', 'publikum'],
    orientation: 'landscape',
  },
  {
    name: 'Modum helsetun – personalrom',
    slug: 'modum-helsetun-personalrom',
    location: 'Modum helsetun, personalrommet i andre etasje',
    groups: ['personalrom', 'ansatte'],
    orientation: 'portrait',
  },
]

/** Two info screens: one the public sees, one in a staff room. */
export async function seedScreens(ctx: SeedContext): Promise<void> {
  for (const seed of SCREENS) {
    await ensureDoc(ctx, 'screens', { slug: { equals: seed.slug } }, () =>
      ctx.payload.create({ collection: 'screens', data: seed }),
    )
  }
}
