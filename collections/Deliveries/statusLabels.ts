import type { DeliveryStatus } from '../../src/outbox/deliveryStates'

/**
 * The one set of words editors see for a delivery's status: in the field's options (list
 * filters), the list's status badge, the quick filters and the item's Distribution panel.
 */
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, { nb: string; en: string }> = {
  pending: { nb: 'Venter', en: 'Pending' },
  in_flight: { nb: 'Under levering', en: 'In flight' },
  delivered: { nb: 'Levert', en: 'Delivered' },
  retrying: { nb: 'Venter på nytt forsøk', en: 'Retrying' },
  dead: { nb: 'Feilet (død)', en: 'Dead' },
  superseded: { nb: 'Erstattet av nyere versjon', en: 'Superseded' },
  cancelled: { nb: 'Avbrutt', en: 'Cancelled' },
}

/** Payload `Pill` styles: red needs someone, yellow is still trying, green is done. */
export const DELIVERY_STATUS_PILL = {
  pending: 'light',
  in_flight: 'light',
  delivered: 'success',
  retrying: 'warning',
  dead: 'error',
  superseded: 'light-gray',
  cancelled: 'light-gray',
} as const satisfies Record<DeliveryStatus, string>

export function isDeliveryStatus(value: unknown): value is DeliveryStatus {
  return typeof value === 'string' && Object.hasOwn(DELIVERY_STATUS_LABELS, value)
}
