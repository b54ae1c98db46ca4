export { portalAdapter, type PortalAdapterOptions } from './portalAdapter'
export { portalItem, renderPortalMessage } from './renderPortalItem'
export { PORTAL_DETAILS, type PortalItem, type PortalMessage } from './types'
