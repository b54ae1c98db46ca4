import type { Payload } from 'payload'

export type DepartmentKey =
  | 'oppvekst'
  | 'helse'
  | 'teknisk'
  | 'kultur'
  | 'sentral'
  | 'vikersundSkole'
  | 'geithusBarnehage'
  | 'hjemmetjenesten'
  | 'vannAvlop'
  | 'veiPark'
  | 'bibliotek'
  | 'kulturskolen'
  | 'kommunikasjon'

export type CategoryKey = 'skole' | 'helse' | 'vei' | 'vann' | 'kultur' | 'politikk' | 'jobb'

export type MediaKey = 'landscape' | 'school' | 'water' | 'road' | 'library' | 'pattern'

/** Shared by every seeding step: where to write, the run's "now" and the per-collection tally. */
export type SeedContext = {
  payload: Payload
  now: Date
  created: Record<string, number>
}

/** Ids of the documents the content refers to (IDs are numbers in the generated types). */
export type SeedRefs = {
  departments: Record<DepartmentKey, number>
  categories: Record<CategoryKey, number>
  media: Record<MediaKey, number>
  users: { communications: number; leader: number }
}
