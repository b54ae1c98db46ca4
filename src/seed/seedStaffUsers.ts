import { randomBytes } from 'node:crypto'

import type { User } from '../payload-types'
import type { DepartmentKey, SeedContext } from './SeedContext'
import { ensureDoc } from './ensureDoc'
import { readablePassword } from './readablePassword'

type StaffSeed = {
  key: string
  email: string
  name: string
  jobTitle: string
  role: User['role']
  departments: DepartmentKey[]
  scopes?: 'internal'[]
  apiClient?: boolean
}

/** Fictional people in the roles the strategy names: communications, an etatsleder, editors. */
const STAFF: StaffSeed[] = [
  {
    key: 'communications',
    email: 'kommunikasjon@example.com',
    name: 'Marte Lunde',
    jobTitle: 'Kommunikasjonsrådgiver',
    role: 'communications',
    departments: ['kommunikasjon'],
  },
  {
    key: 'leader',
    email: 'etatsleder.oppvekst@example.com',
    name: 'Ingrid Haugen',
    jobTitle: 'Etatsleder oppvekst',
    role: 'leader',
    departments: ['oppvekst'],
  },
  {
    key: 'editorKultur',
    email: 'redaktor.kultur@example.com',
    name: 'Siri Bakken',
    jobTitle: 'Rådgiver, Kultur',
    role: 'editor',
    departments: ['kultur'],
  },
  {
    key: 'editorTeknisk',
    email: 'redaktor.teknisk@example.com',
    name: 'Jonas Evensen',
    jobTitle: 'Driftsingeniør, Teknisk drift',
    role: 'editor',
    departments: ['teknisk'],
  },
  {
    key: 'portal',
    email: 'ansattportalen@example.com',
    name: 'Ansattportalen',
    jobTitle: 'API-klient for ansattportalen',
    role: 'api-client',
    departments: [],
    scopes: ['internal'],
    apiClient: true,
  },
  {
    key: 'app',
    email: 'kommune-appen@example.com',
    name: 'Kommune-appen',
    jobTitle: 'API-klient for kommunens app',
    role: 'api-client',
    departments: [],
    scopes: [],
    apiClient: true,
  },
]

/**
 * Demo staff (created once) share the admin's password when this run knows it. API clients get
 * a random 64-hex-digit key (shown to admins in the user's page) and a password nobody knows.
 */
export async function seedStaffUsers(
  ctx: SeedContext,
  departments: Record<DepartmentKey, number>,
  sharedPassword: string | undefined,
): Promise<{ communications: number; leader: number }> {
  const ids: Record<string, number> = {}
  for (const seed of STAFF) {
    ids[seed.key] = await ensureDoc(ctx, 'users', { email: { equals: seed.email } }, () =>
      ctx.payload.create({
        collection: 'users',
        data: {
          email: seed.email,
          password: seed.apiClient
            ? randomBytes(24).toString('base64url')
            : (sharedPassword ?? readablePassword()),
          name: seed.name,
          jobTitle: seed.jobTitle,
          role: seed.role,
          departments: seed.departments.map((key) => departments[key]),
          ...(seed.scopes ? { scopes: seed.scopes } : {}),
          ...(seed.apiClient
            ? { enableAPIKey: true, apiKey: randomBytes(32).toString('hex') }
            : {}),
        },
      }),
    )
  }
  const communications = ids.communications
  const leader = ids.leader
  if (communications === undefined || leader === undefined) throw new Error('Demo staff missing')
  return { communications, leader }
}
