import type { ChannelItem } from '../contract'
import type { WebsiteEndpoint } from './types'

/**
 * Whether an endpoint wants this item: it must subscribe to publications or updates (a
 * retractions-only endpoint gets nothing to retract), and the item's audience must be one the
 * endpoint is granted. Reasons are for the ledger, in bokmål.
 */
export function endpointAccepts(
  item: Pick<ChannelItem, 'audience'>,
  endpoint: Pick<WebsiteEndpoint, 'events' | 'audiences'>,
): true | string {
  if (!endpoint.events.includes('item.published') && !endpoint.events.includes('item.updated')) {
    return 'Mottakeren abonnerer ikke på publiseringer eller oppdateringer'
  }
  const internal = endpoint.audiences.includes('internal')
  const isPublic = endpoint.audiences.includes('public')
  if (item.audience === 'internal' && !internal) return 'Intern sak – mottakeren er offentlig'
  if (item.audience === 'public' && !isPublic) return 'Offentlig sak – mottakeren tar bare interne'
  if (item.audience === 'both' && !internal && !isPublic) return 'Mottakeren har ingen målgruppe'
  return true
}
