import type { Access, PayloadRequest, Where } from 'payload'

import { now } from '../../../src/clock'
import { hasInternalScope, isStaff } from '../roles'
import { publishedItemWhere } from './publishedItemWhere'

/** The item constraint for a reader: `true` for staff, a query for everyone else. */
export function itemReadConstraint(req: Pick<PayloadRequest, 'user'>): true | Where {
  if (isStaff(req)) return true
  return publishedItemWhere(now(), { includeInternal: hasInternalScope(req) })
}

export const readItems: Access = ({ req }) => itemReadConstraint(req)
