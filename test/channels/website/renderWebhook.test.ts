import { describe, expect, it } from 'vitest'

import { renderWebhook } from '../../../channels/website/renderWebhook'
import { sampleItem } from '../fixtures'

describe('renderWebhook', () => {
  it('should date a scheduled publication at its publication time', () => {
    const item = sampleItem({
      updatedAt: '2026-04-01T10:00:00.000Z',
      publishedAt: '2026-04-02T06:00:00.000Z',
    })
    expect(renderWebhook(item).occurredAt).toBe('2026-04-02T06:00:00.000Z')
  })

  it('should date a later edit at the time of the edit', () => {
    const item = sampleItem({
      publishedAt: '2026-04-02T06:00:00.000Z',
      updatedAt: '2026-04-03T09:30:00.000Z',
    })
    expect(renderWebhook(item).occurredAt).toBe('2026-04-03T09:30:00.000Z')
  })

  it('should carry the item data as given', () => {
    const item = sampleItem()
    expect(renderWebhook(item).data).toBe(item.data)
  })
})
