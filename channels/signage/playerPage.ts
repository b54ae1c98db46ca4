import {
  html,
  type PageBrand,
  pageLayout,
  type PublicPage,
  readableOn,
} from '../../src/public/html'
import type { ScreenDefinition } from './types'

/** Where the hub serves the player's script and service worker (same for every screen). */
export const PLAYER_SCRIPT_PATH = '/signage/player.js'
export const SERVICE_WORKER_PATH = '/signage/sw.js'

export function screenBase(slug: string): string {
  return `/signage/${slug}`
}

/**
 * The full-screen player for one screen: the graphic profile's colours and coat of arms, the
 * Oslo date and time, and a stage the script fills with the playlist's slides. The page carries
 * only where to find the playlist; a staff-room screen's key comes from the page's own address
 * (`?key=…`), which the script passes on, and `no-referrer` keeps it out of image requests.
 */
export function playerPage(screen: ScreenDefinition, brand: PageBrand): PublicPage {
  const base = screenBase(screen.slug)
  const { primary, background, text, accent } = brand.colours
  const bandText = readableOn(primary, [background, '#ffffff'])
  return pageLayout({
    title: `${screen.name} – infoskjerm – ${brand.organisationName}`,
    description: `Infoskjermen ${screen.name} (${screen.location}).`,
    brand,
    bare: true,
    head: html`<meta name="referrer" content="no-referrer" />
      <meta name="robots" content="noindex" />`,
    scriptUrls: [PLAYER_SCRIPT_PATH],
    styles: playerStyle({ primary, background, text, accent, bandText }),
    body: html`<div
      id="player"
      class="player ${screen.orientation}"
      data-playlist="${base}/playlist.json"
      data-heartbeat="${base}/heartbeat"
      data-worker="${SERVICE_WORKER_PATH}"
      data-scope="/signage/"
    >
      <header class="top">
        ${
          brand.coatOfArms
            ? html`<img class="arms" src="${brand.coatOfArms.src}" alt="${brand.coatOfArms.alt}" />`
            : ''
        }
        <span class="org">${brand.organisationName}</span>
        <span class="clock"
          ><span id="date" class="date"></span> <time id="time" class="time"></time
        ></span>
      </header>
      <main id="stage" class="stage" aria-live="polite">
        <h1 class="idle">${screen.name}</h1>
      </main>
      <aside id="notice" class="notice" aria-live="assertive" hidden></aside>
      <p id="offline" class="offline" hidden>Frakoblet – viser lagret innhold</p>
    </div>`,
  })
}

type Colours = {
  primary: string
  background: string
  text: string
  accent: string
  bandText: string
}

function playerStyle(c: Colours): string {
  return `
html,body{height:100%;overflow:hidden;cursor:none}
.player{position:fixed;inset:0;display:flex;flex-direction:column;background:${c.primary};color:${c.bandText};font-size:2.2vmin}
.top{display:flex;align-items:center;gap:1.2em;padding:1em 2em;border-bottom:.35em solid ${c.accent}}
.arms{height:4.5em;width:auto}
.org{font-weight:700;font-size:1.6em}
.clock{margin-left:auto;text-align:right;font-size:1.5em}
.time{font-weight:700;font-size:1.6em;margin-left:.4em;font-variant-numeric:tabular-nums}
.stage{position:relative;flex:1;overflow:hidden;padding:0;background:${c.background};color:${c.text}}
.idle{display:flex;align-items:center;justify-content:center;height:100%;margin:0;font-size:4em;background:${c.primary};color:${c.bandText}}
.slide{position:absolute;inset:0;display:flex;flex-direction:column;justify-content:flex-end}
.slide img{position:absolute;inset:0;width:100%;height:100%;object-fit:cover}
.portrait .slide img{object-fit:contain;background:${c.primary}}
.panel{position:relative;margin:0;padding:1.5em 2.5em 2em;background:${c.primary};color:${c.bandText};border-top:.35em solid ${c.accent}}
.slide.text-only{justify-content:center}
.slide.text-only .panel{border:0;height:100%;display:flex;flex-direction:column;justify-content:center}
.panel h2{margin:0 0 .3em;font-size:3.2em;line-height:1.1}
.panel p{margin:.3em 0 0;font-size:1.5em;line-height:1.3}
.panel .when{font-weight:700}
.credit{position:absolute;right:1em;top:1em;padding:.2em .6em;background:rgba(0,0,0,.6);color:#fff;font-size:.9em}
.slide.service .panel{background:${c.background};color:${c.text};border-top-color:${c.primary}}
.slide.service .panel{border-left:1.2em solid ${c.primary}}
.slide.service.critical .panel,.slide.service.warning .panel{border-top-width:1em;border-left-color:${c.accent}}
.kind{display:inline-block;align-self:flex-start;margin-bottom:.5em;padding:.15em .6em;border:2px solid currentColor;border-radius:.3em;font-weight:700;font-size:1.1em;text-transform:uppercase;letter-spacing:.05em}
.notice{padding:.8em 2em;background:${c.background};color:${c.text};border-top:.35em solid ${c.accent};font-size:1.5em;font-weight:700}
.offline{position:absolute;right:1em;bottom:1em;margin:0;padding:.3em .8em;background:rgba(0,0,0,.7);color:#fff;font-size:1em}
`
}
