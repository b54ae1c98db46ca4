export { facebookAdapter, type FacebookAdapterOptions } from './facebookAdapter'
export {
  DEFAULT_API_VERSION,
  DEFAULT_GRAPH_URL,
  DEFAULT_PAGE_NAME,
  facebookConfigProblems,
  facebookSettings,
  type FacebookSettings,
} from './facebookConfig'
export { MAX_POST_CHARACTERS, imageOf, renderPost } from './renderPost'
export { containsLink } from './findPost'
export { parseGraphError, THROTTLE_CODES } from './graphError'
export { readUsage, type Usage } from './usage'
export type { FacebookImage, FacebookMessage, FacebookReceiptDetail, GraphError } from './types'
