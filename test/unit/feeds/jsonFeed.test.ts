import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'

import { jsonFeed } from '../../../channels/feeds'
import { entryOf, eventItem, feedEntry, META } from './feedFixtures'
import { jsonFeedSchema } from './jsonFeedSchema'
import { renderFeedEntry } from '../../../channels/feeds'

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
const ajv = new Ajv({
  allErrors: true,
  formats: {
    uri: (s: string) => URL.canParse(s) && /^[a-z][a-z0-9+.-]*:/i.test(s),
    'date-time': (s: string) => RFC3339.test(s) && Number.isFinite(Date.parse(s)),
  },
})
const validate = ajv.compile(jsonFeedSchema)

function feed(entries = [entryOf(feedEntry())]) {
  return JSON.parse(
    jsonFeed({ ...META, selfUrl: META.selfUrl.replace('.rss', '.json') }, entries),
  ) as {
    items: Record<string, unknown>[]
  }
}

describe('jsonFeed', () => {
  it('should be a valid JSON Feed 1.1', () => {
    const press = feedEntry({
      data: { uid: 'p', type: 'press-release', contact: { name: 'Kari Nordmann' } },
    })
    const event = renderFeedEntry(eventItem())
    const ok = validate(feed([entryOf(feedEntry()), entryOf(press), entryOf(event)]))
    expect(validate.errors ?? []).toEqual([])
    expect(ok).toBe(true)
  })

  it('should use the same id as the RSS GUID', () => {
    expect(feed().items[0]?.id).toBe('urn:uuid:2f1c3a5e-8c1b-4d7e-9f00-1a2b3c4d5e6f')
  })

  it('should carry the press contact in the _modum extension', () => {
    const press = feedEntry({
      data: { uid: 'p', type: 'press-release', contact: { name: 'Kari Nordmann', phone: '123' } },
    })
    expect(feed([entryOf(press)]).items[0]?._modum).toMatchObject({
      kind: 'press-release',
      press_contact: { name: 'Kari Nordmann', phone: '123' },
    })
  })

  it('should be refused by the schema check when an item has no id', () => {
    const broken = feed()
    delete broken.items[0]?.id
    expect(validate(broken)).toBe(false)
  })
})
