import type { Endpoint, PayloadRequest } from 'payload'

import { isStaff } from '../../collections/shared/roles'
import { healthService } from './activeHealth'

const REFRESH: Record<string, boolean> = { '1': true, true: true, '0': false, false: false }

/**
 * `GET /api/channel-health` (staff only): every channel's latest health check, whichever process
 * ran it. `?refresh=1` first checks, in this process, every channel that has a check (recorded,
 * and alerted if one starts failing, like the scheduler's checks).
 */
export const channelHealthEndpoint: Endpoint = {
  path: '/channel-health',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    if (!isStaff(req)) {
      return Response.json({ errors: [{ message: 'Ikke tilgang.' }] }, { status: 403 })
    }
    const raw = req.searchParams.get('refresh')
    const refresh = raw === null ? false : Object.hasOwn(REFRESH, raw) ? REFRESH[raw] : undefined
    if (refresh === undefined) {
      return Response.json(
        { errors: [{ message: 'refresh må være 1 eller 0.', field: 'refresh' }] },
        { status: 400 },
      )
    }
    const service = healthService()
    if (!service) {
      return Response.json(
        { errors: [{ message: 'Kanalstatus er ikke tilgjengelig i denne prosessen.' }] },
        { status: 503 },
      )
    }
    if (refresh) await service.refresh()
    return Response.json({ channels: await service.report() })
  },
}
