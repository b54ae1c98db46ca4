/**
 * Small checks shared by the adapters' `validate()`: every channel reads its settings from the
 * environment and reports problems naming the variable, quoting at most a clipped value.
 */

/** Why `raw` is not usable as an API base URL, or null when it is. */
export function baseUrlProblem(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return `is not a valid URL (got "${clipSetting(raw)}")`
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http(s) URL'
  if (url.username || url.password) return 'must not contain credentials'
  if (url.search || url.hash) return 'must not have a query or fragment'
  return null
}

/** A setting's trimmed text, or undefined when it is unset, blank or not a string. */
export function settingText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

/** A value short enough to quote in an error message. */
export function clipSetting(value: string): string {
  return value.length > 40 ? `${value.slice(0, 39)}…` : value
}
