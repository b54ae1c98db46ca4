export { startGraphApi, type GraphApi } from './startGraphApi'
export { subjectUrls, graphTime } from './PostStore'
export { usageHeaders, throttleHeaders } from './usageHeaders'
export type {
  FakePost,
  GraphApiOptions,
  GraphApiSettings,
  GraphErrorSpec,
  GraphFakeMode,
  GraphOperation,
  GraphRequestRecord,
  GraphScripted,
  ThrottleSettings,
} from './types'
