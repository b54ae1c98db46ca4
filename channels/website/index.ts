export { websiteAdapter, type WebsiteAdapterOptions } from './websiteAdapter'
export {
  webhookAdapter,
  type WebhookAdapterOptions,
  type WebhookChannelSpec,
} from './webhookAdapter'
export { itemRef, renderWebhook } from './renderWebhook'
export { loadEndpointsFromPayload } from './loadEndpointsFromPayload'
export { disableEndpoint } from './disableEndpoint'
export { allowPrivateAddresses, endpointUrlProblem, isPrivateHost } from './endpointUrl'
export { activeSecrets, webhookHeaders } from './signWebhook'
export { generateWebhookSecret, webhookSecretProblem } from './webhookSecret'
export { sealSecret, openSecret } from './secretBox'
export type { WebsiteReceiptDetail } from './receiptDetail'
export {
  ENDPOINT_AUDIENCES,
  ENDPOINT_CHANNELS,
  WEBHOOK_EVENTS,
  type EndpointAudience,
  type EndpointChannel,
  type EndpointLoader,
  type WebhookBody,
  type WebhookEvent,
  type WebsiteEndpoint,
  type WebsiteMessage,
} from './types'
