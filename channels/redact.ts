/**
 * Keeping credentials out of the ledger. Delivery errors quote the request URL and the start of
 * the receiver's answer, and both can carry secrets: Graph API tokens travel in the query
 * string, Slack-style webhook URLs hide theirs in the path, and some receivers echo what they
 * were sent. Editors read the ledger, so everything quoted passes through here first.
 */

/** Characters of response body quoted in an error message. */
export const EXCERPT_CHARS = 300

/**
 * Scheme, host and path of a URL, without user info, query or fragment, and with path segments
 * that look like generated secrets (long runs mixing letters and digits) masked.
 */
export function safeUrl(url: URL): string {
  const path = url.pathname
    .split('/')
    .map((segment) => (looksSecret(segment) ? '***' : segment))
    .join('/')
  return `${url.protocol}//${url.host}${path}`
}

function looksSecret(segment: string): boolean {
  return segment.length >= 24 && /[A-Za-z]/.test(segment) && /\d/.test(segment)
}

const SECRET_PAIR =
  /\b((?:access_?token|refresh_?token|id_?token|client_?secret|api_?key|apikey|password|passwd|secret|token|signature|authorization)["']?\s*[:=]\s*["']?)(?:(?:Bearer|Basic)\s+)?[^\s"'&,;}]{12,}/gi
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[\w.~+/=-]{12,}/gi

const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>]+/gi

/**
 * Replaces URLs with their `safeUrl` form, and values of secret-named fields and bearer/basic
 * credentials with `[redacted]`. For any text that may quote a request: fetch's own errors, for
 * one, repeat the whole URL, credentials and all.
 */
export function scrubSecrets(text: string): string {
  return text
    .replace(URL_IN_TEXT, (match) => {
      try {
        return safeUrl(new URL(match))
      } catch {
        return '[url]'
      }
    })
    .replace(SECRET_PAIR, '$1[redacted]')
    .replace(AUTH_SCHEME, '$1 [redacted]')
}

/**
 * The start of a response body as one readable line: markup stripped from HTML error pages,
 * whitespace collapsed, secrets scrubbed, at most `max` characters.
 */
export function bodyExcerpt(
  body: string,
  contentType?: string | null,
  max = EXCERPT_CHARS,
): string {
  let text = body
  if (contentType?.toLowerCase().includes('html')) {
    text = text.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' ')
  }
  text = scrubSecrets(text).replace(/\s+/g, ' ').trim()
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
