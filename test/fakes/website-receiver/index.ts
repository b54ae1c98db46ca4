export {
  startWebsiteReceiver,
  type ReceiverSettings,
  type WebsiteReceiver,
} from './startWebsiteReceiver'
export { signForTest, generateTestSecret, type SignedHeaders } from './signForTest'
export { createPrng } from './createPrng'
export { chooseFailure, DEFAULT_FAILURE_WEIGHTS, FAILURE_MODES } from './chooseFailure'
export { DeliveryLog } from './DeliveryLog'
export type {
  CountOptions,
  FailureMode,
  FailureWeights,
  Outcome,
  RecordedRequest,
  ScriptedResponse,
  WebsiteReceiverOptions,
} from './types'
