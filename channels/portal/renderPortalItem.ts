import { bodyHtml, sanitizeBodyHtml } from '../bodyHtml'
import type { ChannelItem } from '../contract'
import { renderWebhook } from '../website'
import { PORTAL_DETAILS, type PortalItem, type PortalWebhook } from './types'

/**
 * The portal webhook: the same envelope as the website's (which item, revision, `occurredAt`),
 * with the portal's item as `data`. Pure, so every retry sends the same body.
 */
export function renderPortalMessage(item: ChannelItem): PortalWebhook {
  return { ...renderWebhook(item), data: portalItem(item) }
}

/** The item as a portal shows it (see `PortalItem`). */
export function portalItem(item: ChannelItem): PortalItem {
  return {
    title: item.title,
    lead: item.lead,
    summary: item.variants.portalSummary || item.lead,
    // Snapshots enqueued before the hub carried `bodyHtml` still have the editor's JSON. The
    // allow-list runs again here, so what reaches a portal never depends on how a snapshot
    // came about.
    bodyHtml: sanitizeBodyHtml(item.bodyHtml ?? bodyHtml(item.data.body)),
    audience: item.audience,
    language: item.language,
    department: item.department ?? null,
    category: item.category ?? null,
    image: item.image ?? null,
    publishedAt: item.publishedAt,
    updatedAt: item.updatedAt,
    expiresAt: stringOrNull(item.data.expiresAt),
    details: details(item),
  }
}

function details(item: ChannelItem): Record<string, string> {
  const found: Record<string, string> = {}
  for (const key of PORTAL_DETAILS[item.collection]) {
    const value = item.data[key]
    if (typeof value === 'string' && value !== '') found[key] = value
  }
  return found
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}
