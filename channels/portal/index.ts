export { portalAdapter, type PortalAdapterOptions } from './portalAdapter'
export { portalItem, renderPortalMessage } from './renderPortalItem'
export {
  buildPortalFeed,
  PORTAL_FEED_BASE,
  PORTAL_FEED_TARGET,
  portalFeed,
  renderPortalEntry,
  type PortalFeedOptions,
} from './portalFeed'
export { PORTAL_DETAILS, type PortalItem, type PortalMessage, type PortalWebhook } from './types'
