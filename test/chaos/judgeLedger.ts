import type { ChaosResult } from './chaosRun'
import type { DeliveryRow } from './ledgerReport'
import { isRetracted } from './mutations'

/** The ledger's end state, item × channel × target, judged against what editors did. */
export type LedgerVerdict = {
  /** `item channel target` with no delivery at all. */
  missing: string[]
  /** Keys with a row that is neither delivered nor superseded or cancelled. */
  unsettled: string[]
  /** Live items whose newest copy is not a delivered publish or update of the latest revision. */
  notLatest: string[]
  /** Retracted items whose newest effective row is not a delivered retraction. */
  notRetracted: string[]
  /** Facebook and Slack rows whose external id is not the post or message the fake holds. */
  wrongReceipt: string[]
  /** `channel` → `action:status` → rows. */
  counts: Record<string, Record<string, number>>
}

const SETTLED_ASIDE = new Set(['superseded', 'cancelled'])

export function judgeLedger(result: ChaosResult): LedgerVerdict {
  const verdict: LedgerVerdict = {
    missing: [],
    unsettled: [],
    notLatest: [],
    notRetracted: [],
    wrongReceipt: [],
    counts: {},
  }
  const targets: [string, string][] = [
    ...[...result.endpointPaths.keys()].map((id): [string, string] => ['website', id]),
    ['facebook', result.facebookTarget],
    ['slack', result.slackTarget],
  ]
  const byKey = new Map<string, DeliveryRow[]>()
  for (const row of result.deliveries) {
    const key = `${row.itemId} ${row.channel} ${row.target}`
    byKey.set(key, [...(byKey.get(key) ?? []), row])
    const channel = (verdict.counts[row.channel] ??= {})
    channel[`${row.action}:${row.status}`] = (channel[`${row.action}:${row.status}`] ?? 0) + 1
  }
  const copyOf = externalIds(result)
  for (const item of result.items) {
    const latest = Math.max(
      ...result.deliveries.filter((r) => r.itemId === item.id).map((r) => r.revision),
    )
    for (const [channel, target] of targets) {
      const key = `${item.id} ${channel} ${target}`
      const rows = (byKey.get(key) ?? []).sort((a, b) => a.id - b.id)
      if (rows.length === 0) {
        verdict.missing.push(key)
        continue
      }
      if (rows.some((r) => r.status !== 'delivered' && !SETTLED_ASIDE.has(r.status))) {
        verdict.unsettled.push(key)
      }
      const last = rows.filter((r) => !SETTLED_ASIDE.has(r.status)).at(-1)
      if (isRetracted(item.plan)) {
        // Cancelled throughout is fine: the copy never went out.
        if (last && !(last.action === 'retract' && last.status === 'delivered')) {
          verdict.notRetracted.push(key)
        }
      } else if (
        !last ||
        last.action === 'retract' ||
        last.status !== 'delivered' ||
        last.revision !== latest
      ) {
        verdict.notLatest.push(key)
      }
      const copy = copyOf.get(`${channel} ${item.id}`)
      if (channel === 'website' || copy === undefined) continue
      for (const row of rows) {
        if (row.status !== 'delivered') continue
        const ok = row.action === 'retract' ? [null, copy] : [copy]
        if (!ok.includes(row.externalId)) verdict.wrongReceipt.push(`dlv_${row.id} ${key}`)
      }
    }
  }
  return verdict
}

/** `channel itemId` → the id of the one copy the fake holds for it (post id, message ts). */
function externalIds(result: ChaosResult): Map<string, string> {
  const ids = new Map<string, string>()
  for (const item of result.items) {
    const post = result.graph.postsAbout(item.url)[0]
    if (post) ids.set(`facebook ${item.id}`, post.id)
  }
  for (const message of result.slack.posts()) {
    const id = message.metadata?.event_payload.item_id
    if (typeof id === 'string' && !ids.has(`slack ${id}`)) ids.set(`slack ${id}`, message.ts)
  }
  return ids
}
