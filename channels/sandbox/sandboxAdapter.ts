import type { ChannelAdapter, ChannelItem, Receipt, Target } from '../contract'

export type SandboxMessage = {
  collection: ChannelItem['collection']
  id: string
  revision: number
  title: string
  lead: string
  url: string
  audience: ChannelItem['audience']
}

export type SandboxRecord = {
  action: 'publish' | 'update' | 'retract'
  target: string
  deliveryId: string
  message?: SandboxMessage
  prior?: Receipt
}

export type SandboxAdapter = ChannelAdapter<SandboxMessage> & { readonly records: SandboxRecord[] }

export type SandboxOptions = {
  /** The channel it stands in for ('facebook' in the demo), or 'sandbox'. */
  name?: string
  targets?: Target[]
  /** Called with every record, e.g. to append it to a file a newcomer can read. */
  onRecord?: (record: SandboxRecord) => void
}

/**
 * A channel that sends nothing and records what it would have sent. The demo wires it in place
 * of channels without credentials, so the ledger shows the whole flow; tests use it as a
 * channel whose every call can be inspected.
 */
export function sandboxAdapter(options: SandboxOptions = {}): SandboxAdapter {
  const records: SandboxRecord[] = []
  const record = (entry: SandboxRecord): void => {
    records.push(entry)
    options.onRecord?.(entry)
  }
  const targets = options.targets ?? [{ id: 'sandbox', name: 'Sandkasse', public: true }]
  return {
    name: options.name ?? 'sandbox',
    records,
    targets: () => targets,
    accepts: () => true,
    render: (item) => ({
      collection: item.collection,
      id: item.id,
      revision: item.revision,
      title: item.title,
      lead: item.lead,
      url: item.url,
      audience: item.audience,
    }),
    deliver: (message, ctx) => {
      record({
        action: ctx.action,
        target: ctx.target.id,
        deliveryId: ctx.deliveryId,
        message,
        prior: ctx.prior,
      })
      return Promise.resolve({
        externalId: ctx.prior?.externalId ?? `sandbox-${ctx.deliveryId}`,
        detail: { revision: message.revision },
      })
    },
    retract: (receipt, ctx) => {
      record({
        action: 'retract',
        target: ctx.target.id,
        deliveryId: ctx.deliveryId,
        prior: receipt,
      })
      return Promise.resolve()
    },
  }
}
