import { contrastRatio, MIN_BODY } from '../../../media/brand/contrast'
import type { PageBrand } from './pageBrand'
import { publicFonts } from './publicFonts'

/** The first candidate readable on `background` at 4.5:1, else black or white, whichever is. */
export function readableOn(background: string, candidates: readonly string[]): string {
  const found = candidates.find((c) => contrastRatio(c, background) >= MIN_BODY)
  if (found) return found
  return contrastRatio('#000000', background) >= contrastRatio('#ffffff', background)
    ? '#000000'
    : '#ffffff'
}

/** The colours the shell actually sets text in, each checked against its own background. */
export type ShellColours = {
  page: string
  text: string
  link: string
  band: string
  bandText: string
  accent: string
}

export function shellColours(brand: PageBrand): ShellColours {
  const { primary, text, background, accent } = brand.colours
  const page = background
  return {
    page,
    text: readableOn(page, [text]),
    // Links are body-size text, so the primary colour is used only if it reaches 4.5:1.
    link: readableOn(page, [primary, text]),
    band: primary,
    bandText: readableOn(primary, [background, '#ffffff']),
    accent,
  }
}

function fontFaces(family: string): string {
  return publicFonts()
    .filter((f) => f.family === family)
    .map(
      (f) =>
        `@font-face{font-family:"${f.family}";font-weight:${f.weight};font-style:normal;font-display:swap;src:url("${f.path}") format("truetype")}`,
    )
    .join('')
}

/**
 * The shell's CSS, mobile first. Focus is a thick outline in the text colour (in the band, the
 * band's text colour), animation is off for readers who ask for less motion.
 */
export function pageStyle(brand: PageBrand): string {
  const c = shellColours(brand)
  const family = brand.typeface.replace(/["\\]/g, '')
  return `${fontFaces(family)}
:root{--page:${c.page};--text:${c.text};--link:${c.link};--band:${c.band};--band-text:${c.bandText};--accent:${c.accent}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--page);color:var(--text);font:1.0625rem/1.55 "${family}",system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
a{color:var(--link);text-underline-offset:.15em}
a:hover{text-decoration-thickness:.15em}
:focus-visible{outline:3px solid var(--text);outline-offset:2px}
.skip{position:absolute;left:.5rem;top:-10rem;z-index:10;padding:.5rem 1rem;background:var(--page);color:var(--text)}
.skip:focus{top:.5rem}
.band{background:var(--band);color:var(--band-text);border-bottom:.3rem solid var(--accent)}
.band a{color:var(--band-text)}
.band :focus-visible{outline-color:var(--band-text)}
.band-inner,.wrap{max-width:60rem;margin:0 auto;padding:0 1rem}
.band-inner{display:flex;align-items:center;gap:.75rem;min-height:4rem}
.home{display:flex;align-items:center;gap:.6rem;font-weight:700;font-size:1.2rem;text-decoration:none}
.home img{height:2.75rem;width:auto}
main{display:block;padding:1.5rem 0 3rem}
h1,h2,h3{line-height:1.2;margin:1.5em 0 .5em}
h1{font-size:clamp(1.75rem,5vw,2.5rem);margin-top:0}
h2{font-size:1.5rem}
h3{font-size:1.2rem}
img{max-width:100%;height:auto}
ul.plain{list-style:none;padding:0}
.card{border:1px solid color-mix(in srgb,var(--text) 25%,var(--page));border-radius:.5rem;padding:1rem;margin:0 0 1rem}
.muted{font-size:.95rem}
.grid{display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr))}
.button{display:inline-block;padding:.5rem 1rem;border:2px solid var(--link);border-radius:.35rem;font-weight:700;text-decoration:none;background:var(--page);color:var(--link);font:inherit;cursor:pointer}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
footer{border-top:1px solid color-mix(in srgb,var(--text) 25%,var(--page));padding:1.5rem 0;font-size:.95rem}
footer ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0;margin:0}
@media (min-width:40rem){body{font-size:1.125rem}main{padding-top:2rem}}
@media (prefers-reduced-motion:reduce){*,*::before,*::after{animation-duration:.01ms!important;animation-iteration-count:1!important;transition-duration:.01ms!important;scroll-behavior:auto!important}}
`
}
