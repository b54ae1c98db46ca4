import type { Payload } from 'payload'

import { slugify } from '../../collections/shared/fields/slugify'

/** Creates published news items for the website channel, each with a slug of its own. */
export function newsPublisher(payload: Payload, department: number, title: string) {
  let serial = 0
  return async (extra: Record<string, unknown> = {}) => {
    serial += 1
    return payload.create({
      collection: 'news',
      data: {
        title,
        slug: `${slugify(title)}-${serial}`,
        department,
        channels: ['website'],
        _status: 'published',
        ...extra,
      } as never,
    })
  }
}
