import { createHash } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { contrastRatio } from '../../../media/brand/contrast'
import {
  DEFAULT_PAGE_BRAND,
  html,
  pageBrandFrom,
  pageLayout,
  raw,
  safeUrl,
  shellColours,
} from '../../../src/public/html'

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

describe('html', () => {
  it('should escape interpolated text and attribute values', () => {
    const name = `<script>alert("x")</script>&'`
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
    )
  })

  it('should keep nested html and raw markup, join lists and drop false and nullish values', () => {
    const items = ['a<', 'b']
    const out = html`<ul>
        ${items.map((i) => html`<li>${i}</li>`)}
      </ul>
      ${false}${null}${raw('<hr>')}`
    expect(out.value.replace(/\s+/g, '')).toBe('<ul><li>a&lt;</li><li>b</li></ul><hr>')
  })

  it('should turn script and data URLs into "#" and keep web, mail, phone and local ones', () => {
    expect(safeUrl('javascript:alert(1)')).toBe('#')
    expect(safeUrl(' data:text/html,x')).toBe('#')
    expect(safeUrl('//evil.example/x')).toBe('#')
    expect(safeUrl('https://modum.kommune.no/')).toBe('https://modum.kommune.no/')
    expect(safeUrl('mailto:post@modum.kommune.no')).toBe('mailto:post@modum.kommune.no')
    expect(safeUrl('tel:+4732782300')).toBe('tel:+4732782300')
    expect(safeUrl('/press')).toBe('/press')
  })
})

describe('pageLayout', () => {
  it('should give a bokmål page with a skip link, header, main and footer landmarks', () => {
    const page = pageLayout({ title: 'Presserom', body: html`<h1>Presserom</h1>` })
    expect(page.html).toMatch(/^<!doctype html>\s*<html lang="nb">/)
    expect(page.html).toContain('<a class="skip" href="#main">Hopp til innholdet</a>')
    expect(page.html).toMatch(/<header class="band">[\s\S]*<main id="main"[\s\S]*<footer>/)
    expect(page.html).toContain('<title>Presserom</title>')
  })

  it('should allow its inline style and scripts by hash and nothing inline besides', () => {
    const js = 'document.body.dataset.ready = "1"'
    const page = pageLayout({ title: 'T', body: html`<p>x</p>`, inlineScripts: [js] })
    const css = /<style>([\s\S]*?)<\/style>/.exec(page.html)?.[1] ?? ''
    expect(page.contentSecurityPolicy).toContain(`style-src ${sha(css)}`)
    expect(page.contentSecurityPolicy).toContain(`script-src ${sha(js)}`)
    expect(page.contentSecurityPolicy).toContain("default-src 'none'")
    expect(page.contentSecurityPolicy).toContain("frame-ancestors 'none'")
    expect(page.contentSecurityPolicy).not.toContain('unsafe-inline')
    expect(page.html).not.toMatch(/https?:\/\//)
  })

  it('should forbid scripts when the page has none', () => {
    const page = pageLayout({ title: 'T', body: html`<p>x</p>` })
    expect(page.contentSecurityPolicy).toContain("script-src 'none'")
  })

  it('should show the coat of arms from the brand global as a decorative image in the header', () => {
    const brand = pageBrandFrom({
      organisationName: 'Modum kommune',
      coatOfArms: {
        id: 1,
        title: 'Våpen',
        kind: 'coat-of-arms',
        filename: 'våpen.png',
        alt: 'Kommunevåpenet',
        updatedAt: '',
        createdAt: '',
      },
    })
    const page = pageLayout({ title: 'T', body: html`<p>x</p>`, brand })
    expect(page.html).toContain('<img src="/press/files/v%C3%A5pen.png" alt=""')
    expect(brand.coatOfArms?.alt).toBe('Kommunevåpenet')
  })
})

describe('shellColours', () => {
  it('should set every text at 4.5:1 or more with the default brand colours', () => {
    const c = shellColours(DEFAULT_PAGE_BRAND)
    expect(contrastRatio(c.text, c.page)).toBeGreaterThanOrEqual(4.5)
    expect(contrastRatio(c.link, c.page)).toBeGreaterThanOrEqual(4.5)
    expect(contrastRatio(c.bandText, c.band)).toBeGreaterThanOrEqual(4.5)
    expect(c.link).toBe('#00507d')
  })

  it('should fall back to a readable colour when a brand colour is too light for text', () => {
    const c = shellColours({
      ...DEFAULT_PAGE_BRAND,
      colours: { primary: '#7fb2d9', text: '#999999', background: '#ffffff', accent: '#f2b705' },
    })
    expect(contrastRatio(c.text, c.page)).toBeGreaterThanOrEqual(4.5)
    expect(contrastRatio(c.link, c.page)).toBeGreaterThanOrEqual(4.5)
    expect(contrastRatio(c.bandText, c.band)).toBeGreaterThanOrEqual(4.5)
  })
})
