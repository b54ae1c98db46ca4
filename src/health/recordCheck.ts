import { type Payload, ValidationError } from 'payload'

import type { Health } from '../../channels/contract'

/** A channel's latest recorded check. */
export type RecordedCheck = {
  channel: string
  status: Health['status']
  detail: string
  checkedAt: string
  /** When the channel started working, or failing, as it is now. */
  since: string
}

/** Only `down` is failing: `degraded` still delivers and is shown, not alerted. */
export const isFailing = (status: Health['status']) => status === 'down'

/**
 * Records one check of `channel` and says whether it started a failing period: the first check
 * that finds it down after it worked (or was never checked). Checks that agree with the
 * current period update it; a change starts a new one, keyed by the period it ends, so when
 * several processes see the same change at once exactly one of them starts it (the others'
 * insert breaks the unique key) and only that one is told to alert.
 */
export async function recordCheck(
  payload: Payload,
  channel: string,
  health: Health,
  at: Date,
): Promise<{ startedFailing: boolean }> {
  const latest = await latestCheck(payload, channel)
  const data = { status: health.status, detail: health.detail ?? '', checkedAt: at.toISOString() }
  if (latest && isFailing(latest.status) === isFailing(health.status)) {
    await payload.update({
      collection: 'channel-checks',
      id: latest.id,
      data,
      overrideAccess: true,
      depth: 0,
    })
    return { startedFailing: false }
  }
  try {
    await payload.create({
      collection: 'channel-checks',
      data: {
        ...data,
        channel,
        since: at.toISOString(),
        periodKey: `${channel}#${latest?.id ?? 0}`,
      },
      overrideAccess: true,
      depth: 0,
    })
  } catch (err) {
    // Another process recorded the same change first; its record stands, and it alerts.
    if (takenKey(err)) return { startedFailing: false }
    throw err
  }
  return { startedFailing: isFailing(health.status) }
}

/** The newest recorded check of each channel. */
export async function latestChecks(payload: Payload): Promise<Map<string, RecordedCheck>> {
  const { docs } = await payload.find({
    collection: 'channel-checks',
    sort: '-id',
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const latest = new Map<string, RecordedCheck>()
  for (const doc of docs) {
    if (!latest.has(doc.channel)) latest.set(doc.channel, toRecorded(doc))
  }
  return latest
}

/** Payload's answer to a duplicate value of a unique field: a ValidationError naming it. */
function takenKey(err: unknown): boolean {
  return (
    err instanceof ValidationError &&
    err.data.errors.some((e: { path?: string }) => e.path === 'periodKey')
  )
}

async function latestCheck(payload: Payload, channel: string) {
  const { docs } = await payload.find({
    collection: 'channel-checks',
    where: { channel: { equals: channel } },
    sort: '-id',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0]
}

function toRecorded(doc: {
  channel: string
  status: Health['status']
  detail?: string | null
  checkedAt: string
  since: string
}): RecordedCheck {
  return {
    channel: doc.channel,
    status: doc.status,
    detail: doc.detail ?? '',
    checkedAt: doc.checkedAt,
    since: doc.since,
  }
}
