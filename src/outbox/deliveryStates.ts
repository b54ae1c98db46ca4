/** The ledger's vocabulary. Only code in src/outbox/ moves a delivery between these states. */
export const DELIVERY_STATUSES = [
  'pending',
  'in_flight',
  'delivered',
  'retrying',
  'dead',
  'superseded',
  'cancelled',
] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

/** States a delivery can still leave by being dispatched. */
export const OPEN_STATUSES: readonly DeliveryStatus[] = ['pending', 'in_flight', 'retrying']

export const DELIVERY_ACTIONS = ['publish', 'update', 'retract'] as const
export type DeliveryAction = (typeof DELIVERY_ACTIONS)[number]

export const ATTEMPT_OUTCOMES = [
  'delivered',
  'transient',
  'permanent',
  'rate-limited',
  'gone',
] as const
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number]
