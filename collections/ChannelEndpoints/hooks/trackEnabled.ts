import type { CollectionBeforeChangeHook } from 'payload'

import { now } from '../../../src/clock'

/**
 * Keeps `disabledAt` and `disabledReason` honest: stamped when an endpoint is switched off,
 * cleared when it is switched on again, so an old reason never sits on a working endpoint.
 */
export const trackEnabled: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const wasEnabled = (originalDoc as { enabled?: boolean } | undefined)?.enabled ?? true
  const enabled = (data as { enabled?: boolean }).enabled ?? wasEnabled
  if (enabled === true && wasEnabled === false) {
    return { ...data, disabledReason: null, disabledAt: null }
  }
  if (enabled === false && wasEnabled === true) {
    return { ...data, disabledAt: now().toISOString() }
  }
  return data
}
