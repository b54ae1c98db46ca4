import type { Payload, PayloadRequest } from 'payload'

/**
 * Switches an endpoint off with a reason editors see, e.g. after the receiver answered 410
 * Gone (`EndpointGoneError`). The outbox calls this; pass its `req` to make it part of the
 * outbox's transaction. Idempotent; an endpoint that was deleted meanwhile is left alone.
 */
export async function disableEndpoint(
  payload: Payload,
  id: string | number,
  reason: string,
  options: { req?: Partial<PayloadRequest> } = {},
): Promise<void> {
  const found = await payload.find({
    collection: 'channel-endpoints',
    where: { id: { equals: id } },
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req: options.req,
  })
  if (found.docs.length === 0) return
  await payload.update({
    collection: 'channel-endpoints',
    id,
    data: { enabled: false, disabledReason: reason },
    depth: 0,
    overrideAccess: true,
    req: options.req,
  })
}
