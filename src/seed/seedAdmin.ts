import type { SeedContext } from './SeedContext'
import type { SeedSummary } from './SeedSummary'
import { readablePassword } from './readablePassword'

export const ADMIN_EMAIL = 'admin@example.com'

export type AdminResult = {
  id: number
  source: SeedSummary['adminPasswordSource']
  /** The admin's password when this run knows it (from the environment or just generated). */
  knownPassword?: string
}

/**
 * The demo administrator. HUB_DEMO_PASSWORD wins: it sets the password on creation and resets it
 * (and unlocks the account) on every later run. Without it, a new admin gets a generated password
 * and an existing one is left alone.
 */
export async function seedAdmin(ctx: SeedContext): Promise<AdminResult> {
  const envPassword = process.env.HUB_DEMO_PASSWORD || undefined
  const found = await ctx.payload.find({
    collection: 'users',
    where: { email: { equals: ADMIN_EMAIL } },
    depth: 0,
    limit: 1,
    pagination: false,
  })
  const existing = found.docs[0]
  if (existing) {
    if (!envPassword) return { id: existing.id, source: 'existing' }
    await ctx.payload.update({
      collection: 'users',
      id: existing.id,
      data: { password: envPassword, loginAttempts: 0, lockUntil: null },
    })
    return { id: existing.id, source: 'env', knownPassword: envPassword }
  }
  const password = envPassword ?? readablePassword()
  const admin = await ctx.payload.create({
    collection: 'users',
    data: {
      email: ADMIN_EMAIL,
      password,
      name: 'Administrator',
      role: 'admin',
      departments: [],
    },
  })
  ctx.created.users = (ctx.created.users ?? 0) + 1
  return { id: admin.id, source: envPassword ? 'env' : 'generated', knownPassword: password }
}
