import type { Endpoint, PayloadRequest } from 'payload'

import { now } from '../../../src/clock'
import { activeRegistry, notifyEnqueued } from '../../../src/outbox/activeRegistry'
import { cancelDelivery, redriveDelivery } from '../../../src/outbox/operatorActions'
import { isStaff } from '../../shared/roles'

type Action = typeof redriveDelivery

function operatorEndpoint(path: string, action: Action): Endpoint {
  return {
    path: `/:id/${path}`,
    method: 'post',
    handler: async (req: PayloadRequest) => {
      if (!isStaff(req))
        return Response.json({ errors: [{ message: 'Ikke tilgang.' }] }, { status: 403 })
      const id = Number(req.routeParams?.id)
      if (!Number.isInteger(id)) {
        return Response.json({ errors: [{ message: 'Ugyldig id.', field: 'id' }] }, { status: 400 })
      }
      const found = await req.payload.count({
        collection: 'deliveries',
        where: { id: { equals: id } },
      })
      if (found.totalDocs === 0)
        return Response.json({ errors: [{ message: 'Fant ikke leveransen.' }] }, { status: 404 })
      const result = await action(req.payload, id, now())
      if (!result.changed) {
        return Response.json({ errors: [{ message: result.reason }] }, { status: 409 })
      }
      if (activeRegistry()) notifyEnqueued()
      return Response.json({ id, status: result.status })
    },
  }
}

/** Staff buttons in the ledger, also over REST: POST /api/deliveries/:id/redrive and …/cancel. */
export const operatorEndpoints: Endpoint[] = [
  operatorEndpoint('redrive', redriveDelivery),
  operatorEndpoint('cancel', cancelDelivery),
]
