import type { IncomingMessage } from 'node:http'

import { screenKeyMatches } from '../../../channels/signage/screenKey'
import type { AccessDecision, Authorizer } from '../snapshotRoutes'
import type { ScreenDirectory, ScreenKeyInfo } from './screenDirectory'

const BEARER = /^Bearer\s+(\S+)$/i

/**
 * The key a request presents for a screen: `?key=…` in the address (a kiosk browser or a
 * signage system can only be given a URL) or `Authorization: Bearer …`.
 */
export function presentedKey(req: IncomingMessage): string | null {
  const url = req.url ?? '/'
  const q = url.indexOf('?')
  if (q !== -1) {
    const key = new URLSearchParams(url.slice(q + 1)).get('key')
    if (key) return key
  }
  const match = BEARER.exec(req.headers.authorization ?? '')
  return match?.[1] ?? null
}

/** Whether `key` opens the screen: 401 without a key, 403 with one that is not this screen's. */
export function decideScreenKey(
  screen: ScreenKeyInfo | null,
  key: string | null,
  serverSecret: string,
): AccessDecision {
  if (!key) return 'unauthenticated'
  if (!screen?.keyHash) return 'forbidden'
  return screenKeyMatches(key, screen.keyHash, serverSecret) ? 'allow' : 'forbidden'
}

/**
 * The check for snapshots with access `screen:<id>` (a staff-room screen's playlist, player and
 * feed). Answers synchronously while the screen directory is fresh.
 */
export function screenAuthorizer(directory: ScreenDirectory, serverSecret: string): Authorizer {
  return (req, access) => {
    if (!access.startsWith('screen:')) return 'forbidden'
    const id = access.slice('screen:'.length)
    const key = presentedKey(req)
    if (!key) return 'unauthenticated'
    const cached = directory.peekById(id)
    if (cached !== undefined) return decideScreenKey(cached, key, serverSecret)
    return directory.byId(id).then((screen) => decideScreenKey(screen, key, serverSecret))
  }
}
