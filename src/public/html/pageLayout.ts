import { createHash } from 'node:crypto'

import { html, raw, type SafeHtml } from './html'
import { DEFAULT_PAGE_BRAND, type PageBrand } from './pageBrand'
import { pageStyle } from './pageStyle'

export type NavLink = { href: string; label: string }

export type PageOptions = {
  title: string
  /** Language of the page; Norwegian bokmål unless told otherwise. */
  lang?: 'nb' | 'nn' | 'en'
  description?: string
  /** Extra head elements (`<link rel="alternate">`, `<meta>`); no `<style>` or `<script>`. */
  head?: SafeHtml
  /** The page's content, placed inside `<main id="main">` (or directly in `<body>` if bare). */
  body: SafeHtml
  brand?: PageBrand
  /** CSS added to the shell's stylesheet (it is hashed with it for the CSP). */
  styles?: string
  /** Inline scripts, each allowed by its hash. Put them at the end of the body. */
  inlineScripts?: readonly string[]
  /** Scripts served by the hub itself (same origin), loaded with `defer`. */
  scriptUrls?: readonly string[]
  /** Footer links; defaults to the press room and the feeds. */
  nav?: readonly NavLink[]
  /** No header band or footer (a full-screen player); the body brings its own landmarks. */
  bare?: boolean
}

export type PublicPage = {
  html: string
  /** For the response header; the page also carries it in a `<meta>` (minus frame-ancestors). */
  contentSecurityPolicy: string
}

const DEFAULT_NAV: readonly NavLink[] = [
  { href: '/press', label: 'Presserom' },
  { href: '/feeds', label: 'Nyhetsstrømmer (RSS, JSON, kalender)' },
]

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
}

function policy(css: string, options: PageOptions): string[] {
  const scripts = [
    ...(options.scriptUrls?.length ? ["'self'"] : []),
    ...(options.inlineScripts ?? []).map(sha256),
  ]
  return [
    "default-src 'none'",
    `style-src ${sha256(css)}`,
    "img-src 'self'",
    "font-src 'self'",
    `script-src ${scripts.length ? scripts.join(' ') : "'none'"}`,
    ...(scripts.length ? ["connect-src 'self'", "worker-src 'self'", "manifest-src 'self'"] : []),
    "base-uri 'none'",
    "form-action 'self'",
  ]
}

/**
 * A style or script element whose content is exactly the hashed text. Built outside `html`, so
 * a formatter that re-indents the template cannot add whitespace and break the hash.
 */
function verbatim(tag: 'style' | 'script', content: string): SafeHtml {
  return raw(`<${tag}>${content}</${tag}>`)
}

function header(brand: PageBrand): SafeHtml {
  // The name is next to it in the same link, so the coat of arms is decorative here.
  return html`<header class="band">
    <div class="band-inner">
      <a class="home" href="/"
        >${brand.coatOfArms ? html`<img src="${brand.coatOfArms.src}" alt="" width="44" height="54" />` : ''}<span
          >${brand.organisationName}</span
        ></a
      >
    </div>
  </header>`
}

function footer(brand: PageBrand, nav: readonly NavLink[]): SafeHtml {
  return html`<footer>
    <div class="wrap">
      <nav aria-label="Snarveier">
        <ul>
          ${nav.map((l) => html`<li><a href="${l.href}">${l.label}</a></li>`)}
        </ul>
      </nav>
      <p>${brand.organisationName}</p>
    </div>
  </footer>`
}

/**
 * A whole public page in the graphic profile: skip link, header band with the coat of arms,
 * `<main>`, footer navigation. No external requests; the only inline CSS and JS are allowed by
 * their hashes, so the policy needs neither 'unsafe-inline' nor a nonce and the page can be
 * cached as bytes.
 */
export function pageLayout(options: PageOptions): PublicPage {
  const brand = options.brand ?? DEFAULT_PAGE_BRAND
  const css = pageStyle(brand) + (options.styles ?? '')
  const directives = policy(css, options)
  const metaPolicy = directives.join('; ')
  const page = html`<!doctype html>
    <html lang="${options.lang ?? 'nb'}">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${metaPolicy}" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title}</title>
        ${options.description ? html`<meta name="description" content="${options.description}" />` : ''}
        <meta name="theme-color" content="${brand.colours.primary}" />
        ${verbatim('style', css)} ${options.head ?? ''}
        ${(options.scriptUrls ?? []).map((src) => html`<script src="${src}" defer></script>`)}
      </head>
      <body>
        ${
          options.bare
            ? options.body
            : html`<a class="skip" href="#main">Hopp til innholdet</a>
                ${header(brand)}
                <main id="main" tabindex="-1"><div class="wrap">${options.body}</div></main>
                ${footer(brand, options.nav ?? DEFAULT_NAV)}`
        }
        ${(options.inlineScripts ?? []).map((js) => verbatim('script', js))}
      </body>
    </html> `
  return {
    html: page.value,
    contentSecurityPolicy: [...directives, "frame-ancestors 'none'"].join('; '),
  }
}

/** Response headers for a page: the policy, the type, and no sniffing or referrer leaks. */
export function pageHeaders(page: PublicPage): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': page.contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  }
}
