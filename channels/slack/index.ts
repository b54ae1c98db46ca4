export { slackAdapter, type SlackAdapterOptions } from './slackAdapter'
export {
  deadDeliveryAlertText,
  healthAlertText,
  sendEditorAlert,
  type EditorAlertOptions,
  type SentAlert,
} from './sendEditorAlert'
export {
  DEFAULT_SLACK_API_URL,
  slackConfigProblems,
  slackSettings,
  type SlackSettings,
} from './slackConfig'
export { renderSlackMessage } from './renderSlackMessage'
export { slackFailure } from './slackFailure'
export { archiveUrl } from './slackReceipt'
export {
  METADATA_EVENT_TYPE,
  type SlackBlock,
  type SlackImage,
  type SlackMessage,
  type SlackMetadata,
  type SlackReceiptDetail,
} from './types'
