import type { Payload } from 'payload'

import type { ChannelItem, DeliverContext, DeliveryAction, Target } from '../../channels/contract'

/** A published public news item as the outbox hands it to a channel. */
export function sampleItem(overrides: Partial<ChannelItem> = {}): ChannelItem {
  return {
    collection: 'news',
    id: '42',
    revision: 3,
    slug: 'ny-gang-og-sykkelvei-i-vikersund',
    title: 'Ny gang- og sykkelvei i Vikersund',
    lead: 'Arbeidet starter i mai og er ferdig før skolestart.',
    audience: 'public',
    url: 'https://www.modum.kommune.no/nyheter/ny-gang-og-sykkelvei-i-vikersund',
    language: 'nb',
    variants: {},
    publishedAt: '2026-04-02T08:00:00.000Z',
    updatedAt: '2026-04-02T07:55:00.000Z',
    data: {
      id: 42,
      title: 'Ny gang- og sykkelvei i Vikersund',
      lead: 'Arbeidet starter i mai og er ferdig før skolestart.',
      slug: 'ny-gang-og-sykkelvei-i-vikersund',
      audience: 'public',
    },
    ...overrides,
  }
}

let counter = 0

/** A delivery context with a fresh delivery id, unless one is given (a retry reuses it). */
export function deliverContext<A extends DeliveryAction>(
  target: Target,
  action: A,
  overrides: Partial<DeliverContext<A>> = {},
): DeliverContext<A> {
  counter += 1
  return {
    target,
    action,
    deliveryId: `msg_test_${process.pid}_${counter}`,
    signal: new AbortController().signal,
    ...overrides,
  }
}

export const RENDER_NOW = new Date('2026-04-02T08:00:05.000Z')
export const PUBLIC_URL = 'https://hub.modum.kommune.no'

/**
 * A Payload over an empty database, for tests that build the whole channel registry: the local
 * channels (feeds, signage) read their screens and feeds from it as they start.
 */
export const emptyPayload = {
  find: () => Promise.resolve({ docs: [], totalDocs: 0, hasNextPage: false }),
} as unknown as Payload
