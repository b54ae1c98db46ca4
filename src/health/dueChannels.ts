import type { Payload } from 'payload'

/**
 * The channels of the deliveries a scheduler tick at `at` just enqueued (never tried, due at
 * exactly that moment): where items whose publication or embargo came due are about to go.
 */
export async function dueChannels(payload: Payload, at: Date): Promise<string[]> {
  const { docs } = await payload.find({
    collection: 'deliveries',
    where: {
      and: [
        { status: { equals: 'pending' } },
        { attempts: { equals: 0 } },
        { nextAttemptAt: { equals: at.toISOString() } },
      ],
    },
    select: { channel: true },
    depth: 0,
    limit: 1000,
    overrideAccess: true,
  })
  return [...new Set(docs.map((d) => d.channel))]
}
