import type { DepartmentKey, SeedContext } from './SeedContext'
import { ensureDoc } from './ensureDoc'

type DepartmentSeed = { key: DepartmentKey; name: string; slug: string; parent?: DepartmentKey }

/** Etater first: every virksomhet names its etat by key. */
const DEPARTMENTS: DepartmentSeed[] = [
  { key: 'oppvekst', name: 'Oppvekst', slug: 'oppvekst' },
  { key: 'helse', name: 'Helse og omsorg', slug: 'helse-og-omsorg' },
  { key: 'teknisk', name: 'Teknisk drift', slug: 'teknisk-drift' },
  { key: 'kultur', name: 'Kultur', slug: 'kultur' },
  { key: 'sentral', name: 'Sentraladministrasjonen', slug: 'sentraladministrasjonen' },
  { key: 'vikersundSkole', name: 'Vikersund skole', slug: 'vikersund-skole', parent: 'oppvekst' },
  {
    key: 'geithusBarnehage',
    name: 'Geithus barnehage',
    slug: 'geithus-barnehage',
    parent: 'oppvekst',
  },
  { key: 'hjemmetjenesten', name: 'Hjemmetjenesten', slug: 'hjemmetjenesten', parent: 'helse' },
  { key: 'vannAvlop', name: 'Vann og avløp', slug: 'vann-og-avlop', parent: 'teknisk' },
  { key: 'veiPark', name: 'Vei og park', slug: 'vei-og-park', parent: 'teknisk' },
  { key: 'bibliotek', name: 'Modum bibliotek', slug: 'modum-bibliotek', parent: 'kultur' },
  { key: 'kulturskolen', name: 'Kulturskolen', slug: 'kulturskolen', parent: 'kultur' },
  { key: 'kommunikasjon', name: 'Kommunikasjon', slug: 'kommunikasjon', parent: 'sentral' },
]

/** The organisation: five etater and the virksomheter under them. */
export async function seedDepartments(ctx: SeedContext): Promise<Record<DepartmentKey, number>> {
  const ids: Partial<Record<DepartmentKey, number>> = {}
  for (const seed of DEPARTMENTS) {
    const parent = seed.parent ? ids[seed.parent] : undefined
    if (seed.parent && parent === undefined)
      throw new Error(`Etat «${seed.parent}» must come first`)
    ids[seed.key] = await ensureDoc(ctx, 'departments', { slug: { equals: seed.slug } }, () =>
      ctx.payload.create({
        collection: 'departments',
        data: {
          name: seed.name,
          slug: seed.slug,
          kind: parent === undefined ? 'etat' : 'virksomhet',
          ...(parent === undefined ? {} : { parent }),
        },
      }),
    )
  }
  return ids as Record<DepartmentKey, number>
}
