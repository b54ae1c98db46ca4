export { websiteAdapter, type WebsiteAdapterOptions } from './websiteAdapter'
export { loadEndpointsFromPayload } from './loadEndpointsFromPayload'
export { disableEndpoint } from './disableEndpoint'
export { allowPrivateAddresses, endpointUrlProblem, isPrivateHost } from './endpointUrl'
export { activeSecrets, webhookHeaders } from './signWebhook'
export { generateWebhookSecret, webhookSecretProblem } from './webhookSecret'
export { sealSecret, openSecret } from './secretBox'
export type { WebsiteReceiptDetail } from './receiptDetail'
export {
  ENDPOINT_AUDIENCES,
  WEBHOOK_EVENTS,
  type EndpointAudience,
  type EndpointLoader,
  type WebhookBody,
  type WebhookEvent,
  type WebsiteEndpoint,
  type WebsiteMessage,
} from './types'
