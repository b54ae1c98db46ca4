import type { GraphApi } from '../fakes/graph-api'
import type { SlackApi, StoredMessage } from '../fakes/slack-api'
import { isRetracted, isUpdated, type Plan } from './mutations'

/** One item as the judges need it: what editors did to it and what it should look like. */
export type ChaosItem = { id: string; n: number; plan: Plan; url: string; title: string }

/**
 * What a fake holds, judged item by item from its own records (never from the ledger): each
 * list names the items that broke one promise, so a failure says which and how.
 */
export type CopiesReport = {
  /** Items with more than one copy ever created (a deleted second copy counts too). */
  duplicated: string[]
  /** Items that should be out and have no live copy. */
  missing: string[]
  /** Items whose live copy does not show their latest title. */
  stale: string[]
  /** Retracted items with a copy still up. */
  notRemoved: string[]
  /** Retracted items whose copy went away other than by a delete of that very copy. */
  removedWithoutDelete: string[]
  /** Edits or deletes of a copy on another item's behalf. */
  misdirected: string[]
  /** The fake's own duplicate detector. */
  fakeDuplicates: unknown
  figures: {
    copies: number
    created: number
    /** Creates, edits and deletes that took effect and then answered 500. */
    createdThen500: { create: number; edit: number; delete: number }
    edits: number
    deletes: number
    /** Updated items whose copy was edited in place (the others were superseded before). */
    editedItems: number
    /** Retracted items whose copy was deleted (the others never went out). */
    deletedItems: number
  }
}

function emptyReport(): CopiesReport {
  return {
    duplicated: [],
    missing: [],
    stale: [],
    notRemoved: [],
    removedWithoutDelete: [],
    misdirected: [],
    fakeDuplicates: [],
    figures: {
      copies: 0,
      created: 0,
      createdThen500: { create: 0, edit: 0, delete: 0 },
      edits: 0,
      deletes: 0,
      editedItems: 0,
      deletedItems: 0,
    },
  }
}

/** The Page after the run: one post per item, edited in place, deleted when retracted. */
export function judgeFacebook(graph: GraphApi, items: readonly ChaosItem[]): CopiesReport {
  const report = emptyReport()
  report.fakeDuplicates = graph.duplicates
  const ops = graph.operations
  const f = report.figures
  for (const op of ops) {
    if (op.kind === 'create') f.created += 1
    if (op.kind === 'update') f.edits += 1
    if (op.kind === 'delete') f.deletes += 1
    if (!op.answeredOk) f.createdThen500[op.kind === 'update' ? 'edit' : op.kind] += 1
  }
  // Which item each post was made for: the URL it was created about.
  const madeFor = new Map<string, string>()
  for (const op of ops) if (op.kind === 'create') madeFor.set(op.postId, op.urls[0] ?? '')
  for (const op of ops) {
    if (op.kind !== 'create' && !op.urls.includes(madeFor.get(op.postId) ?? '')) {
      report.misdirected.push(`${op.kind} of ${op.postId} (made for ${madeFor.get(op.postId)})`)
    }
  }
  f.copies = graph.posts.length
  for (const item of items) {
    const posts = graph.postsAbout(item.url)
    if (posts.length > 1) report.duplicated.push(item.id)
    const live = posts.filter((p) => !p.deletedAt)
    const edited = posts.some((p) => ops.some((o) => o.kind === 'update' && o.postId === p.id))
    if (isUpdated(item.plan) && edited) f.editedItems += 1
    if (isRetracted(item.plan)) {
      if (live.length > 0) report.notRemoved.push(item.id)
      const deleted = posts.filter((p) => p.deletedAt)
      if (deleted.length > 0) f.deletedItems += 1
      for (const post of deleted) {
        if (!ops.some((o) => o.kind === 'delete' && o.postId === post.id)) {
          report.removedWithoutDelete.push(item.id)
        }
      }
      continue
    }
    const post = live[0]
    if (!post) report.missing.push(item.id)
    else if (post.message.split('\n')[0] !== item.title) report.stale.push(item.id)
  }
  return report
}

/** The news channel after the run: one message per item, edited in place, deleted when retracted. */
export function judgeSlack(slack: SlackApi, items: readonly ChaosItem[]): CopiesReport {
  const report = emptyReport()
  report.fakeDuplicates = slack.duplicates()
  const f = report.figures
  const posts = slack.posts()
  f.copies = posts.length
  const byItem = new Map<string, StoredMessage[]>()
  for (const message of posts) {
    const raw = message.metadata?.event_payload.item_id
    const id = typeof raw === 'string' ? raw : ''
    byItem.set(id, [...(byItem.get(id) ?? []), message])
  }
  const ownerOf = (channel: unknown, ts: unknown) =>
    posts.find((m) => m.channel === channel && m.ts === ts)?.metadata?.event_payload.item_id
  for (const call of slack.requests) {
    if (!call.authentic || call.status === null) continue
    const kind = KINDS[call.method]
    if (!kind) continue
    // Only what took effect: ok, or the 500 the fake sends after doing the work.
    if (call.status !== 200 && call.status !== 500) continue
    if (call.status === 200 && call.error) continue
    if (kind === 'create') f.created += 1
    if (kind === 'edit') f.edits += 1
    if (kind === 'delete') f.deletes += 1
    if (call.status === 500) f.createdThen500[kind] += 1
    if (kind === 'edit') {
      const meant = metadataItem(call.params.metadata)
      const owner = ownerOf(call.params.channel, call.params.ts)
      if (owner !== meant) report.misdirected.push(`edit of ${String(call.params.ts)}`)
    }
  }
  for (const item of items) {
    const messages = byItem.get(item.id) ?? []
    if (messages.length > 1) report.duplicated.push(item.id)
    const live = messages.filter((m) => !m.deleted)
    if (isUpdated(item.plan) && messages.some((m) => m.edits > 0)) f.editedItems += 1
    if (isRetracted(item.plan)) {
      if (live.length > 0) report.notRemoved.push(item.id)
      const deleted = messages.filter((m) => m.deleted)
      if (deleted.length > 0) f.deletedItems += 1
      for (const message of deleted) {
        const asked = slack
          .calls('chat.delete')
          .some((c) => c.params.ts === message.ts && c.params.channel === message.channel)
        if (!asked) report.removedWithoutDelete.push(item.id)
      }
      continue
    }
    const message = live[0]
    if (!message) report.missing.push(item.id)
    else if (headerOf(message) !== item.title) report.stale.push(item.id)
  }
  for (const call of slack.calls('chat.delete')) {
    const owner = ownerOf(call.params.channel, call.params.ts)
    const item = items.find((i) => i.id === owner)
    if (item && !isRetracted(item.plan))
      report.misdirected.push(`delete of ${String(call.params.ts)}`)
  }
  return report
}

const KINDS: Record<string, 'create' | 'edit' | 'delete' | undefined> = {
  'chat.postMessage': 'create',
  'chat.update': 'edit',
  'chat.delete': 'delete',
}

/** The item id in a call's `metadata` argument (JSON text in a form, or an object). */
function metadataItem(value: unknown): unknown {
  let metadata = value
  if (typeof value === 'string') {
    try {
      metadata = JSON.parse(value) as unknown
    } catch {
      return undefined
    }
  }
  return (metadata as { event_payload?: { item_id?: unknown } } | undefined)?.event_payload?.item_id
}

function headerOf(message: StoredMessage): string | undefined {
  const header = (message.blocks ?? []).find(
    (b): b is { type: 'header'; text: { text: string } } =>
      typeof b === 'object' && b !== null && (b as { type?: unknown }).type === 'header',
  )
  return header?.text.text
}
