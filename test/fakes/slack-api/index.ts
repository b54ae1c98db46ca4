export { FAKE_SLACK_TOKEN, startSlackApi, type SlackApi } from './startSlackApi'
export { DEFAULT_CHANNELS, IDENTITY, compareTs } from './SlackWorkspace'
export { blocksProblem } from './validateBlocks'
export type {
  FakeChannel,
  MessageMetadata,
  RandomFailure,
  RecordedCall,
  SlackApiOptions,
  SlackApiSettings,
  SlackMode,
  SlackScripted,
  StoredMessage,
} from './types'
