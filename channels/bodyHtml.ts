import {
  convertLexicalToHTML,
  defaultHTMLConverters,
  type HTMLConverters,
} from '@payloadcms/richtext-lexical/html'
import sanitizeHtml from 'sanitize-html'

/**
 * The item's body (Lexical) as HTML that any page can show as it is: converted with Payload's own
 * HTML converters, then cut down to an allow-list of plain text markup. Channels that carry the
 * whole body (the portal, JSON and RSS feeds) get this, never the editor's JSON.
 *
 * The allow-list is the real guard: the converters escape text, but a body written over the API
 * can hold any node, link or attribute, and the HTML lands on other systems' pages.
 */
export function bodyHtml(body: unknown): string {
  if (!isEditorState(body)) return ''
  const html = convertLexicalToHTML({
    data: body,
    converters: CONVERTERS,
    disableContainer: true,
    disableIndent: true,
    disableTextAlign: true,
  })
  return sanitizeBodyHtml(html)
}

/** Only these survive, each with only the attributes listed; everything else is dropped. */
type EditorState = Parameters<typeof convertLexicalToHTML>[0]['data']

const LINK_SCHEMES = /^(https?:|mailto:|tel:)/i

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'em',
    's',
    'u',
    'sub',
    'sup',
    'code',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'rel'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowProtocolRelative: false,
  // Script and style content is dropped with the tag, not kept as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed'],
  // The body has the item's title above it, so its headings start one level down.
  transformTags: {
    h1: 'h2',
    b: 'strong',
    i: 'em',
    // Links lead off the receiving page: never give it a handle on the opener.
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
  },
}

/** Cuts any HTML down to the body allow-list: no scripts, frames, styles or event handlers. */
export function sanitizeBodyHtml(html: string): string {
  return sanitizeHtml(html, ALLOWED).trim()
}

const FORMAT = { bold: 1, italic: 2, strike: 4, underline: 8, code: 16, sub: 32, sup: 64 }

type TextNode = { text?: unknown; format?: unknown }
type LinkNode = { fields?: { url?: unknown; linkType?: unknown }; children?: unknown[] }

/**
 * Payload's converters, except: text formats as tags rather than inline styles (styles are not
 * on the allow-list); plain list items (a checklist's are form controls); no empty paragraphs;
 * links only to the web, mail and phone; internal links, which at this depth know only the
 * target's id, keep their text without a link; nodes without a converter (relationships,
 * blocks, uploads not populated) keep their text, if any, instead of Payload's "unknown node".
 */
const CONVERTERS: HTMLConverters = {
  ...defaultHTMLConverters,
  text: ({ node }) => formatText(node),
  link: ({ node, nodesToHTML }) => {
    const link = node as LinkNode
    const children = nodesToHTML({ nodes: (link.children ?? []) as never }).join('')
    const url = link.fields?.url
    if (link.fields?.linkType === 'internal' || typeof url !== 'string') return children
    if (!LINK_SCHEMES.test(url.trim())) return children
    return `<a href="${escapeAttribute(url)}">${children}</a>`
  },
  listitem: ({ node, nodesToHTML }) => {
    const children = (node as { children?: unknown[] }).children ?? []
    return `<li>${nodesToHTML({ nodes: children as never }).join('')}</li>`
  },
  paragraph: ({ node, nodesToHTML }) => {
    const children = (node as { children?: unknown[] }).children ?? []
    const html = nodesToHTML({ nodes: children as never }).join('')
    return html === '' ? '' : `<p>${html}</p>`
  },
  unknown: ({ node, nodesToHTML }) => {
    const children = (node as { children?: unknown }).children
    return Array.isArray(children) ? nodesToHTML({ nodes: children as never }).join('') : ''
  },
}

function formatText(node: TextNode): string {
  let text = escapeText(typeof node.text === 'string' ? node.text : '')
  const format = typeof node.format === 'number' ? node.format : 0
  const wrap = (flag: number, tag: string) => {
    if (format & flag) text = `<${tag}>${text}</${tag}>`
  }
  wrap(FORMAT.bold, 'strong')
  wrap(FORMAT.italic, 'em')
  wrap(FORMAT.strike, 's')
  wrap(FORMAT.underline, 'u')
  wrap(FORMAT.code, 'code')
  wrap(FORMAT.sub, 'sub')
  wrap(FORMAT.sup, 'sup')
  return text
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;')
}

function isEditorState(value: unknown): value is EditorState {
  const root = (value as { root?: { children?: unknown } } | null | undefined)?.root
  return Array.isArray(root?.children)
}
