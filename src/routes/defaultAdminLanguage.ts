import type { RequestHandler } from 'express'

const LANGUAGE_COOKIE = /(?:^|;\s*)payload-lng=/

/**
 * Payload picks the admin language from its `payload-lng` cookie, then the browser's
 * Accept-Language. The municipality works in bokmål whatever the browser says, so until a user
 * chooses another language in their account (which sets the cookie) the admin gets `nb`.
 */
export function defaultAdminLanguage(language: string): RequestHandler {
  return (req, _res, next) => {
    if (!LANGUAGE_COOKIE.test(req.headers.cookie ?? '')) req.headers['accept-language'] = language
    next()
  }
}
