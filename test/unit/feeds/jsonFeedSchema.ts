/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) as a JSON Schema: the top-level and item
 * fields with their types and the required ones, so a test can check a feed the way a reader
 * would.
 */
const author = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    url: { type: 'string', format: 'uri' },
    avatar: { type: 'string', format: 'uri' },
  },
  anyOf: [{ required: ['name'] }, { required: ['url'] }, { required: ['avatar'] }],
}

const item = {
  type: 'object',
  required: ['id'],
  anyOf: [{ required: ['content_html'] }, { required: ['content_text'] }],
  properties: {
    id: { type: 'string', minLength: 1 },
    url: { type: 'string', format: 'uri' },
    external_url: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    content_html: { type: 'string' },
    content_text: { type: 'string' },
    summary: { type: 'string' },
    image: { type: 'string', format: 'uri' },
    banner_image: { type: 'string', format: 'uri' },
    date_published: { type: 'string', format: 'date-time' },
    date_modified: { type: 'string', format: 'date-time' },
    authors: { type: 'array', items: author },
    tags: { type: 'array', items: { type: 'string' } },
    language: { type: 'string' },
    attachments: {
      type: 'array',
      items: {
        type: 'object',
        required: ['url', 'mime_type'],
        properties: {
          url: { type: 'string', format: 'uri' },
          mime_type: { type: 'string' },
          title: { type: 'string' },
          size_in_bytes: { type: 'number' },
          duration_in_seconds: { type: 'number' },
        },
      },
    },
  },
  // Extensions must start with an underscore; anything else is not JSON Feed.
  patternProperties: { '^_[a-zA-Z]': { type: 'object' } },
  additionalProperties: false,
}

export const jsonFeedSchema = {
  type: 'object',
  required: ['version', 'title', 'items'],
  properties: {
    version: { const: 'https://jsonfeed.org/version/1.1' },
    title: { type: 'string' },
    home_page_url: { type: 'string', format: 'uri' },
    feed_url: { type: 'string', format: 'uri' },
    description: { type: 'string' },
    user_comment: { type: 'string' },
    next_url: { type: 'string', format: 'uri' },
    icon: { type: 'string', format: 'uri' },
    favicon: { type: 'string', format: 'uri' },
    authors: { type: 'array', items: author },
    language: { type: 'string' },
    expired: { type: 'boolean' },
    hubs: { type: 'array' },
    items: { type: 'array', items: item },
  },
  patternProperties: { '^_[a-zA-Z]': { type: 'object' } },
  additionalProperties: false,
} as const
