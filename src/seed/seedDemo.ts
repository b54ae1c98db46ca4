import type { Payload } from 'payload'

import { demoEvents } from './demoEvents'
import { demoNewsCommunity } from './demoNewsCommunity'
import { demoNewsServices } from './demoNewsServices'
import { demoNewsSpecialCases } from './demoNewsSpecialCases'
import { demoPressReleases } from './demoPressReleases'
import { demoServiceMessages } from './demoServiceMessages'
import type { SeedContext, SeedRefs } from './SeedContext'
import type { SeedSummary } from './SeedSummary'
import { ADMIN_EMAIL, type AdminResult, seedAdmin } from './seedAdmin'
import { seedBrand } from './seedBrand'
import { seedBrandAssets } from './seedBrandAssets'
import { seedCategories } from './seedCategories'
import { seedDepartments } from './seedDepartments'
import { seedItems } from './seedItems'
import { seedMedia } from './seedMedia'
import { seedScreens } from './seedScreens'
import { seedStaffUsers } from './seedStaffUsers'

export type { SeedSummary } from './SeedSummary'
export { printLoginHelp } from './printLoginHelp'

const COLLECTIONS = [
  'departments',
  'categories',
  'users',
  'media',
  'brand-assets',
  'news',
  'events',
  'service-messages',
  'screens',
] as const

export type SeedOptions = {
  now?: Date
  /**
   * Seed content only into a database without users (`npm start`), so demo items an editor has
   * deleted do not come back at the next start. The admin's password is still (re)set from
   * HUB_DEMO_PASSWORD. `npm run seed` leaves this off and fills in whatever is missing.
   */
  onlyIntoEmptyDatabase?: boolean
}

/**
 * The demo: organisation, people, pictures, graphic profile and content for Modum kommune.
 * Idempotent: everything is looked up by its natural key (slug, email, file name, title) and
 * only what is missing is created, so a second run creates nothing. Dates count from `now`.
 */
export async function seedDemo(payload: Payload, options: SeedOptions = {}): Promise<SeedSummary> {
  const ctx: SeedContext = {
    payload,
    now: options.now ?? new Date(),
    created: Object.fromEntries(COLLECTIONS.map((slug) => [slug, 0])),
  }
  if (
    options.onlyIntoEmptyDatabase &&
    (await payload.count({ collection: 'users' })).totalDocs > 0
  ) {
    return summarise(ctx, await seedAdmin(ctx))
  }
  const departments = await seedDepartments(ctx)
  const categories = await seedCategories(ctx)
  const admin = await seedAdmin(ctx)
  const users = await seedStaffUsers(ctx, departments, admin.knownPassword)
  const media = await seedMedia(ctx)
  await seedBrand(ctx)
  await seedBrandAssets(ctx)

  const screens = await seedScreens(ctx)
  const refs: SeedRefs = { departments, categories, media, users }
  await seedItems(ctx, [
    ...demoNewsServices(refs, ctx.now),
    ...demoNewsCommunity(refs, ctx.now),
    ...demoNewsSpecialCases(refs, ctx.now),
    ...demoPressReleases(refs, ctx.now),
  ])
  await seedItems(ctx, demoEvents(refs, ctx.now))
  await seedItems(ctx, demoServiceMessages(refs, ctx.now))
  return { ...summarise(ctx, admin), screens }
}

function summarise(ctx: SeedContext, admin: AdminResult): SeedSummary {
  return {
    adminEmail: ADMIN_EMAIL,
    ...(admin.source === 'generated' ? { adminPassword: admin.knownPassword } : {}),
    adminPasswordSource: admin.source,
    created: ctx.created,
  }
}
