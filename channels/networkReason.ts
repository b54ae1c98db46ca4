/**
 * A readable reason for a request that got no HTTP answer at all. Node's fetch only says
 * "fetch failed"; the useful part is a system or undici error code somewhere down the cause
 * chain, which this turns into words an operator can act on, keeping the code for searching.
 */

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while sending',
  ENOTFOUND: 'host not found (DNS)',
  EAI_AGAIN: 'DNS lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed unexpectedly',
  UND_ERR_HEADERS_TIMEOUT: 'no response headers in time',
  UND_ERR_BODY_TIMEOUT: 'response body stalled',
}

/** fetch says only "fetch failed"; the reason is a code somewhere down the cause chain. */
export function networkReason(err: unknown): string {
  let current: unknown = err
  let innermost = 'request failed'
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const { code, message, errors, cause } = current as {
      code?: unknown
      message?: unknown
      errors?: unknown
      cause?: unknown
    }
    if (typeof message === 'string' && message) innermost = message
    const first: unknown = Array.isArray(errors) ? errors[0] : undefined
    const found =
      typeof code === 'string'
        ? code
        : typeof (first as { code?: unknown } | undefined)?.code === 'string'
          ? (first as { code: string }).code
          : undefined
    if (found) {
      const known =
        NETWORK_REASONS[found] ?? (found.includes('CERT') ? 'TLS certificate problem' : undefined)
      return `${known ?? innermost} (${found})`
    }
    current = cause
  }
  return innermost
}
