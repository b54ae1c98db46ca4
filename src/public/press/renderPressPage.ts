import { html, type PageBrand, pageLayout, type PublicPage, type SafeHtml, safeUrl } from '../html'
import { KIND_LABELS } from './loadPressAssets'
import type { PressAsset, PressKit, PressRelease } from './pressKitTypes'

const OSLO_TIME = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  dateStyle: 'long',
  timeStyle: 'short',
})

const FORMATS: Record<string, string> = {
  'image/svg+xml': 'SVG',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'font/ttf': 'TTF',
  'font/otf': 'OTF',
  'font/woff2': 'WOFF2',
  'application/pdf': 'PDF',
}

function formatOf(mimeType: string): string {
  return FORMATS[mimeType] ?? 'fil'
}

function size(bytes: number | null): string {
  if (bytes === null) return ''
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`
  return `${(bytes / 1024 / 1024).toLocaleString('nb-NO', { maximumFractionDigits: 1 })} MB`
}

function contact(release: PressRelease): SafeHtml {
  const c = release.contact
  if (!c) return html``
  return html`<p>
      <strong>Kontaktperson for pressen:</strong> ${c.name}${c.title ? `, ${c.title}` : ''}
    </p>
    <ul class="plain">
      ${c.phone ? html`<li>Telefon: <a href="${safeUrl(`tel:${c.phone.replace(/[^+\d]/g, '')}`)}">${c.phone}</a></li>` : ''}
      ${c.email ? html`<li>E-post: <a href="${safeUrl(`mailto:${c.email}`)}">${c.email}</a></li>` : ''}
    </ul>`
}

function releaseCard(release: PressRelease): SafeHtml {
  return html`<article class="card">
    <h3><a href="${safeUrl(release.url)}">${release.title}</a></h3>
    <p class="muted">
      <time datetime="${release.publishedAt}"
        >${OSLO_TIME.format(new Date(release.publishedAt))}</time
      >${release.department ? ` · ${release.department}` : ''}
    </p>
    ${release.lead ? html`<p>${release.lead}</p>` : ''} ${contact(release)}
    ${release.image ? html`<p><a href="${safeUrl(release.image.url)}">Last ned pressebildet</a>${release.image.credit ? ` (foto: ${release.image.credit})` : ''}</p>` : ''}
  </article>`
}

function assetCard(asset: PressAsset): SafeHtml {
  const isImage = asset.mimeType.startsWith('image/')
  const label = `${formatOf(asset.mimeType)}${asset.bytes !== null ? `, ${size(asset.bytes)}` : ''}`
  return html`<li class="card">
    <h4>${asset.title}</h4>
    ${isImage ? html`<p class="preview"><img src="${asset.url}" alt="${asset.alt ?? ''}" loading="lazy" /></p>` : ''}
    ${asset.usage ? html`<p>${asset.usage}</p>` : ''}
    <p>
      <a class="button" href="${asset.url}" download="${asset.filename}"
        >Last ned<span class="visually-hidden"> ${asset.title}</span> (${label})</a
      >
    </p>
  </li>`
}

function assetGroup(title: string, assets: PressAsset[]): SafeHtml {
  if (!assets.length) return html``
  return html`<h3>${title}</h3>
    <ul class="grid plain">
      ${assets.map(assetCard)}
    </ul>`
}

function colours(kit: PressKit): SafeHtml {
  return html`<h3>Farger</h3>
    <ul class="grid plain">
      ${kit.colours.map(
        (c) =>
          html`<li class="card">
            <span class="swatch swatch-${c.role}" aria-hidden="true"></span>
            <h4>${c.name}</h4>
            <p><code>${c.hex}</code> · RGB ${c.rgb.join(', ')}</p>
            <p>${c.usage}</p>
          </li>`,
      )}
    </ul>`
}

function typefaces(kit: PressKit, fontAssets: PressAsset[]): SafeHtml {
  return html`<h3>Skrift</h3>
    ${kit.typefaces.map(
      (t) =>
        html`<p><strong>${t.name}</strong> (${t.licence}). ${t.usage}</p>
          <ul>
            ${t.files.map(
              (f) =>
                html`<li>
                  <a href="${f.url}" download
                    >${t.name} ${f.weight === 700 ? 'fet' : 'normal'} (TTF)</a
                  >
                </li>`,
            )}
          </ul>`,
    )}
    ${
      fontAssets.length
        ? html`<ul class="grid plain">
            ${fontAssets.map(assetCard)}
          </ul>`
        : ''
    }`
}

const byKind = (kit: PressKit, ...kinds: PressAsset['kind'][]) =>
  kit.assets.filter((a) => kinds.includes(a.kind))

/** Swatches need their colour from CSS (the policy allows no style attributes). */
function swatchStyles(kit: PressKit): string {
  return (
    '.swatch{display:block;height:3rem;border-radius:.35rem;border:1px solid var(--text);margin-bottom:.5rem}' +
    '.preview{background:repeating-conic-gradient(#e6e6e6 0 25%,#fff 0 50%) 0 0/1rem 1rem;padding:.5rem;text-align:center}' +
    '.preview img{max-height:8rem}' +
    kit.colours.map((c) => `.swatch-${c.role}{background:${c.hex}}`).join('')
  )
}

/** `/press`: press releases with their contacts, then the graphic profile's files. */
export function renderPressPage(kit: PressKit, brand: PageBrand): PublicPage {
  const releases = kit.pressReleases
  const body = html`<h1>Presserom</h1>
    <p>
      Her finner du pressemeldinger fra ${kit.organisation} med kontaktperson for pressen, og filene
      i den grafiske profilen: kommunevåpen, logoer, farger og skrift. Vi svarer gjerne på korte
      frister – ring kontaktpersonen som står på pressemeldingen.
    </p>
    <ul>
      <li><a href="/feeds/press.rss">Pressemeldinger som RSS</a></li>
      <li><a href="/feeds">Alle nyhetsstrømmer (RSS, JSON og kalender)</a></li>
      <li><a href="/api/press-kit">Presserommet som JSON</a></li>
    </ul>
    <section aria-labelledby="pressemeldinger">
      <h2 id="pressemeldinger">Pressemeldinger</h2>
      ${
        releases.length
          ? releases.map(releaseCard)
          : html`<p>Det er ingen pressemeldinger akkurat nå.</p>`
      }
    </section>
    <section aria-labelledby="profil">
      <h2 id="profil">Grafisk profil</h2>
      <p>
        Bruk kommunevåpenet og logoene som de er: ikke endre farger eller proporsjoner, og gi dem
        luft rundt. Velg den negative (hvite) varianten på mørk bakgrunn.
      </p>
      ${assetGroup(`${KIND_LABELS['coat-of-arms']} og logoer`, byKind(kit, 'coat-of-arms', 'logo'))}
      ${colours(kit)} ${typefaces(kit, byKind(kit, 'font'))}
      ${assetGroup('Maler og profilhåndbok', byKind(kit, 'template', 'guide'))}
    </section>`
  return pageLayout({
    title: `Presserom – ${kit.organisation}`,
    description: `Pressemeldinger, pressekontakter og grafisk profil for ${kit.organisation}.`,
    brand,
    head: html`<link
        rel="alternate"
        type="application/rss+xml"
        title="${kit.organisation} – pressemeldinger"
        href="/feeds/press.rss"
      />
      <link
        rel="alternate"
        type="application/feed+json"
        title="${kit.organisation} – pressemeldinger (JSON Feed)"
        href="/feeds/press.json"
      />
      <link
        rel="alternate"
        type="application/json"
        title="Presserommet (JSON)"
        href="/api/press-kit"
      />`,
    body,
    styles: swatchStyles(kit),
  })
}
