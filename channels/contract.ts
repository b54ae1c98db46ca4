/**
 * The channel contract: what every adapter (website, facebook, portal, slack, feeds, signage,
 * sandbox) implements, and all the outbox may assume about it. Push channels call out; pull
 * channels rebuild a materialised snapshot in `deliver`. Either way the ledger sees the same
 * shape, so every channel shows up there the same way.
 *
 * Errors are the other half of the contract (see ./errors): anything an adapter throws is
 * retried, except `PermanentDeliveryError`, `RateLimitedError` and `EndpointGoneError`.
 */

export type ItemCollection = 'news' | 'events' | 'service-messages'
export type Audience = 'public' | 'internal' | 'both'
export type Language = 'nb' | 'nn' | 'en'
export type DeliveryAction = 'publish' | 'update' | 'retract'

/** Configuration handed to `validate`, normally the process environment. */
export type ChannelConfig = Readonly<Record<string, unknown>>

/**
 * One item as a channel sees it: one published revision, already reduced to what may leave the
 * hub. Built by the outbox from the delivery's snapshot, so an adapter never reads the store for
 * the item itself and a retry carries exactly the revision that was enqueued.
 */
export type ChannelItem = {
  collection: ItemCollection
  id: string
  /** The revision this delivery carries; later revisions supersede it in the ledger. */
  revision: number
  slug: string
  title: string
  lead: string
  audience: Audience
  /** Absolute public URL of the item on the website: the link every channel points back to. */
  url: string
  language: Language
  /**
   * Per-channel texts exactly as the editor wrote them. Empty means "derive from title and
   * lead", which the adapter does, because only it knows its channel's limits.
   */
  variants: {
    facebookText?: string
    signageHeadline?: string
    portalSummary?: string
  }
  /** ISO 8601, UTC. */
  publishedAt: string
  /** ISO 8601, UTC. */
  updatedAt: string
  /**
   * The body as HTML cut down to an allow-list of text markup (`channels/bodyHtml.ts`): safe to
   * put on another system's page as it is. Empty when the item has no body.
   */
  bodyHtml?: string
  /**
   * The item's full public representation (what an anonymous API reader gets), for channels
   * that pass the whole item on, such as website webhooks and JSON feeds.
   */
  data: Record<string, unknown>
  /** The item's department, for channels that group or filter by it (department feeds). */
  department?: ChannelTaxon & {
    /** The etat a virksomhet belongs to, so an etat's feed carries its units' items too. */
    etat?: ChannelTaxon
  }
  /** The item's topic (_Kategori_). */
  category?: ChannelTaxon
  /**
   * The picture channels show with the item: its photo's renditions, or, for an item without a
   * usable photo, the social card and signage slide made from the brand templates
   * (`generated: true`). Absent when there is neither.
   */
  image?: ChannelImage
}

/** A department or category as it may leave the hub: its slug and its name. */
export type ChannelTaxon = { slug: string; name: string }

/** One picture in every size the media pipeline made, with what must travel with it. */
export type ChannelImage = {
  /** Alt text; empty (never absent) for a decorative image. */
  alt: string
  /** Photographer or source; show it wherever the image is shown. */
  credit?: string
  /** Made from the brand templates, not a photo. */
  generated?: boolean
  renditions: ChannelRendition[]
}

export type ChannelRendition = {
  /** Purpose, not size: social, social-square, signage, signage-portrait, portal, thumb, press. */
  preset: string
  format: 'avif' | 'webp' | 'jpeg' | 'png'
  /** Absolute, content-hashed, cacheable for a year. */
  url: string
  width: number
  height: number
  bytes?: number
}

/** The rendition of `preset` in the first of `formats` the image has, if any. */
export function pickRendition(
  image: ChannelImage | undefined,
  preset: string,
  formats: readonly ChannelRendition['format'][] = ['jpeg', 'png'],
): ChannelRendition | undefined {
  for (const format of formats) {
    const found = image?.renditions.find((r) => r.preset === preset && r.format === format)
    if (found) return found
  }
  return undefined
}

/**
 * One concrete place within a channel: one webhook subscription, the Facebook Page, one Slack
 * conversation, one feed, one screen. Its `id` is part of the delivery's identity, so it must
 * stay the same for as long as the place exists (never an index or a display name).
 */
export type Target = {
  id: string
  /** What editors see in the ledger, e.g. "Rådhuset, resepsjon". */
  name?: string
  /**
   * Whether anyone outside the staff can see what lands here. The outbox refuses internal items
   * for public targets itself (see `audienceAllows`), so an adapter bug in `accepts` cannot leak
   * an internal item; `accepts` is the adapter's own, finer rule on top.
   */
  public: boolean
}

/**
 * What a channel hands back about a delivered copy. The ledger stores it and gives it back as
 * `prior` on the next update and to `retract`, so this is the adapter's only memory between
 * attempts. Keep it JSON-serialisable, small and free of secrets.
 */
export type Receipt = {
  /** The copy's id at the channel (Facebook post id, Slack ts …): what update and retract act on. */
  externalId?: string
  /** A link editors can open to see the copy. */
  externalUrl?: string
  /** When the channel confirmed it (ISO 8601), if it did: signage players report this later. */
  acknowledgedAt?: string
  /** Anything else the adapter needs to update or retract later (e.g. the Slack channel id). */
  detail?: Record<string, unknown>
}

/**
 * Whether the channel can be used right now, for the operations page and the health check. A
 * `degraded` channel still works but needs attention soon (e.g. a token that expires in a week).
 */
export type Health = { status: 'ok' | 'degraded' | 'down'; detail?: string }

export type RenderContext = {
  target: Target
  /** The attempt's "now": renderers never read the clock, so rendering stays reproducible. */
  now: Date
  /** The hub's public base URL without a trailing slash, for links to images and feeds. */
  publicUrl: string
}

export type DeliverContext<A extends DeliveryAction = DeliveryAction> = {
  target: Target
  action: A
  /**
   * Stable across every attempt of this one delivery and unique across deliveries. Send it as
   * the idempotency key / webhook id wherever the channel supports one, and store it with the
   * copy (e.g. Slack message metadata) so `find` can recognise the copy later.
   */
  deliveryId: string
  /** The receipt of the copy this delivery replaces, if one landed. Absent: create. */
  prior?: Receipt
  /**
   * Aborted when the hub shuts down or the delivery's lease runs out. Pass it to every I/O
   * call: work that goes on after the lease is lost races another worker's attempt.
   */
  signal: AbortSignal
}

export type HealthContext = { signal: AbortSignal }

/**
 * A channel adapter. `M` is the adapter's own rendered message type: the outbox never looks
 * inside it, it only carries it from `render` to `deliver` and `find`.
 *
 * Members are declared as methods on purpose: that keeps `ChannelAdapter<FacebookPost>`
 * assignable to `ChannelAdapter`, so the registry can hold adapters of different message types.
 * Call them on the adapter (`adapter.render(…)`), never detached.
 */
export type ChannelAdapter<M = unknown> = {
  /** The channel's name in the ledger and on items ('facebook'): lowercase, unique, stable. */
  readonly name: string

  /**
   * Problems with the configuration this adapter will run with, as short sentences naming the
   * setting ("FACEBOOK_PAGE_ID is missing"). Called once at boot for every channel, so an
   * operator sees everything that is wrong in one go instead of one problem per restart. No I/O:
   * boot must not depend on a remote service being up; that is what `health` is for.
   */
  validate?(config: ChannelConfig): string[]

  /**
   * Every place this channel delivers to right now. The outbox enqueues one delivery per target
   * an item is accepted for. It takes no item on purpose: fan-out rules that depend on the item
   * belong in `accepts`, where each refusal gets a reason the ledger can show. May read the
   * store (webhook subscriptions, screens), hence the promise.
   */
  targets(): Target[] | Promise<Target[]>

  /**
   * Whether this item goes to this target: `true`, or a short reason editors read in the ledger,
   * so in bokmål like all editor-facing text ("Bare arrangementer"). Pure and cheap. Not consulted for retractions:
   * whatever was delivered must be retractable, even after the item changed audience.
   */
  accepts(item: ChannelItem, target: Target): true | string

  /**
   * Turns the item into the channel's message. Pure (no I/O, no clock, no randomness), so a
   * retry renders the same message and tests need no server. Channel limits are checked here:
   * throw `PermanentDeliveryError` for an item the channel cannot carry (too long, missing a
   * required image); retrying would not change the outcome.
   */
  render(item: ChannelItem, ctx: RenderContext): M

  /**
   * Creates the copy, or replaces `ctx.prior` in place when given. Decide by `prior`, not
   * `action`: an update whose publish never landed has no prior and must create. Resolves only
   * once the channel has accepted the copy; the receipt is what update and retract will need.
   * Pull channels rebuild their snapshot here. Throw to fail (see ./errors for the kinds).
   */
  deliver(message: M, ctx: DeliverContext<'publish' | 'update'>): Promise<Receipt>

  /**
   * Takes down the copy described by `receipt`. Must be idempotent: a copy that is already gone
   * counts as retracted. Pull channels rebuild their snapshot without the item. Absent means the
   * channel cannot take copies down; the ledger then says so instead of pretending.
   */
  retract?(receipt: Receipt, ctx: DeliverContext<'retract'>): Promise<Receipt | void>

  /**
   * After an ambiguous failure (timeout, reset, 5xx, a worker killed mid-call: the copy may have
   * landed), looks for the copy that delivery would have made, so nothing is posted twice and a
   * retraction finds what to take down. The outbox asks before creating on every retry, and for
   * each earlier delivery of the item that failed after it may have landed (then `message` is
   * rendered from that delivery's snapshot and `ctx.deliveryId` is its id). Match on
   * `ctx.deliveryId` where the channel can store it, else on content. Required in practice for
   * channels without idempotency keys (Facebook, Slack); others may leave it out.
   */
  find?(message: M, ctx: DeliverContext<'publish' | 'update'>): Promise<Receipt | null>

  /**
   * Takes down a copy an interrupted attempt may have left where nothing can tell whether it
   * landed: a webhook the receiver may have processed before its answer was lost has no trace
   * to `find`. The outbox calls it for a retraction with no copy on record and none found, when
   * an earlier publish or update of the item was attempted without being delivered, with the
   * message that attempt carried. Must be harmless when there is no such copy (a receiver told
   * to retract an item it never got ignores it). Absent: a copy `find` did not see is taken to
   * be none.
   */
  retractUncertain?(message: M, ctx: DeliverContext<'retract'>): Promise<Receipt | void>

  /**
   * Whether credentials and endpoint work, checked without delivering anything. A throw counts
   * as `down` with the error as detail.
   */
  health?(ctx: HealthContext): Promise<Health>

  /**
   * The target answered that it is gone for good (`EndpointGoneError`, HTTP 410): stop offering
   * it, with `reason` for editors. The outbox calls this once, after settling the delivery dead.
   */
  retire?(target: Target, reason: string): Promise<void>
}

/** The message type of an adapter, for code that is written for one channel. */
export type MessageOf<A> = A extends ChannelAdapter<infer M> ? M : never

/**
 * The hub-wide audience rule, applied by the outbox before `accepts`: an internal item never
 * reaches a target anyone outside the staff can see. Returns a reason like `accepts` does.
 */
export function audienceAllows(item: Pick<ChannelItem, 'audience'>, target: Target): true | string {
  if (item.audience === 'internal' && target.public) return 'Intern sak – mottakeren er offentlig'
  return true
}
