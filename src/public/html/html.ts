/**
 * Markup that is already safe to put into a page: built by `html`, or vouched for with `raw`.
 * A class, not a branded string, so a plain string can never be mistaken for it.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

/** What may be interpolated: text is escaped, SafeHtml goes in as is, lists are joined. */
export type HtmlValue =
  SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[]

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes for text and for quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('')
  // false and nullish render nothing, so `${cond && html`…`}` works.
  if (value === null || value === undefined || value === false) return ''
  return escapeHtml(String(value))
}

/**
 * Tagged template for server-side pages: every interpolated value is escaped unless it is
 * SafeHtml. Attributes must be quoted (`href="${url}"`); an unquoted one is not protected.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? ''
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '')
  return new SafeHtml(out)
}

/** Trusted markup (for example CSS or JSON that the hub wrote itself). Never for user input. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup)
}

/**
 * A URL for an href or src: only http(s), mailto, tel and site-relative URLs pass; anything
 * else (javascript:, data:) becomes "#". Still goes through `html`, which escapes it.
 */
export function safeUrl(url: string): string {
  const trimmed = url.trim()
  if (/^(https?:|mailto:|tel:)/i.test(trimmed)) return trimmed
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed
  if (trimmed.startsWith('#')) return trimmed
  return '#'
}
