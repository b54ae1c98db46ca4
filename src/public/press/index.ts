export { DEFAULT_PRESS_TTL_MS, PRESS_PATHS, PressRoom, type PressRoomOptions } from './pressRoom'
export type { PressAsset, PressContact, PressKit, PressRelease } from './pressKitTypes'
