import {
  html,
  type PageBrand,
  pageLayout,
  type PublicPage,
  type SafeHtml,
} from '../../src/public/html'
import { CONTENT_TYPES, type FeedDefinition, type FeedFormat } from './feedDefinitions'

const FORMAT_LABELS: Record<FeedFormat, string> = {
  rss: 'RSS',
  json: 'JSON Feed',
  ics: 'Kalender (iCalendar)',
}

/** Copies the URL next to the button and says so to screen readers (the status region). */
const COPY_SCRIPT = `(function(){
var status=document.getElementById('copy-status');
document.querySelectorAll('button[data-copy]').forEach(function(b){
b.hidden=!navigator.clipboard;
b.addEventListener('click',function(){
navigator.clipboard.writeText(b.getAttribute('data-copy')).then(function(){
status.textContent='Lenken til '+b.getAttribute('data-name')+' er kopiert.';
},function(){status.textContent='Kunne ikke kopiere. Merk lenken og kopier den selv.';});
});
});
})();`

const STYLES = `
.feed-list{list-style:none;padding:0;margin:0 0 2rem}
.feed-list>li{border-top:1px solid color-mix(in srgb,var(--text) 25%,var(--page));padding:1rem 0}
.feed-list h3{margin:0 0 .25rem;font-size:1.15rem}
.feed-list p{margin:0 0 .5rem}
.formats{list-style:none;padding:0;margin:0;display:grid;gap:.5rem}
.formats li{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.formats .format{font-weight:700;min-width:10rem}
.formats a{overflow-wrap:anywhere}
.formats .button{padding:.35rem .75rem}
`

/** `/feeds`: every feed with its addresses and a copy button, for journalists. */
export function renderFeedsPage(
  feeds: readonly FeedDefinition[],
  brand: PageBrand,
  publicUrl: string,
): PublicPage {
  const url = (feed: FeedDefinition, format: FeedFormat) => `${publicUrl}${feed.basePath}.${format}`
  const fixed = feeds.filter((f) => !f.id.includes('/'))
  const departments = feeds.filter((f) => f.id.startsWith('departments/'))
  const categories = feeds.filter((f) => f.id.startsWith('categories/'))
  const alternates = feeds.flatMap((feed) =>
    feed.formats.map(
      (format) =>
        html`<link
          rel="alternate"
          type="${CONTENT_TYPES[format].split(';')[0] ?? ''}"
          title="${feed.title} (${FORMAT_LABELS[format]})"
          href="${url(feed, format)}"
        />`,
    ),
  )
  const feedItem = (feed: FeedDefinition): SafeHtml =>
    html`<li>
      <h3>${feed.name}</h3>
      <p>${feed.description}</p>
      <ul class="formats">
        ${feed.formats.map(
          (format) =>
            html`<li>
              <span class="format">${FORMAT_LABELS[format]}</span>
              <a href="${url(feed, format)}">${url(feed, format)}</a>
              ${
                format === 'ics'
                  ? html`<a href="${url(feed, format).replace(/^https?:/, 'webcal:')}"
                      >Abonner i kalenderen</a
                    >`
                  : ''
              }
              <button
                type="button"
                class="button"
                hidden
                data-copy="${url(feed, format)}"
                data-name="${feed.name} (${FORMAT_LABELS[format]})"
              >
                Kopier lenke<span class="visually-hidden">
                  til ${feed.name}, ${FORMAT_LABELS[format]}</span
                >
              </button>
            </li>`,
        )}
      </ul>
    </li>`
  const section = (id: string, title: string, list: readonly FeedDefinition[]) =>
    list.length === 0
      ? ''
      : html`<section aria-labelledby="${id}">
          <h2 id="${id}">${title}</h2>
          <ul class="feed-list">
            ${list.map(feedItem)}
          </ul>
        </section>`
  return pageLayout({
    title: `Nyhetsstrømmer – ${brand.organisationName}`,
    description: `RSS, JSON Feed og kalender med nyheter, pressemeldinger, arrangementer og driftsmeldinger fra ${brand.organisationName}.`,
    brand,
    head: html`${alternates}`,
    styles: STYLES,
    inlineScripts: [COPY_SCRIPT],
    body: html`<h1>Nyhetsstrømmer</h1>
      <p>
        Her finner du nyheter, pressemeldinger, arrangementer og driftsmeldinger fra
        ${brand.organisationName} som strømmer du kan lese i en nyhetsleser (RSS), hente inn i andre
        apper (JSON Feed) eller abonnere på i kalenderen din (iCalendar). Lim lenken inn i
        programmet du bruker.
      </p>
      <p class="muted">
        Strømmene oppdateres når en sak publiseres, endres eller trekkes tilbake, og hentes på nytt
        hvert minutt. Saker med sperrefrist kommer ikke med før sperrefristen er ute.
        Pressemeldinger har kontaktperson for pressen. Se også <a href="/press">presserommet</a>.
      </p>
      <p id="copy-status" role="status" aria-live="polite"></p>
      ${section('hovedstrommer', 'Hovedstrømmer', fixed)}
      ${section('avdelinger', 'Avdelinger', departments)}
      ${section('kategorier', 'Kategorier', categories)}`,
  })
}
