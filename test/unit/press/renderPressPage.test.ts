import { describe, expect, it } from 'vitest'

import { DEFAULT_PAGE_BRAND } from '../../../src/public/html'
import type { PressKit, PressRelease } from '../../../src/public/press'
import { renderPressPage } from '../../../src/public/press/renderPressPage'

const EVIL = '<img src=x onerror=alert(1)>'

function release(fields: Partial<PressRelease> = {}): PressRelease {
  return {
    id: '1',
    title: 'Budsjettet er vedtatt',
    lead: 'Kort ingress.',
    publishedAt: '2026-01-15T09:00:00.000Z',
    updatedAt: '2026-01-15T09:00:00.000Z',
    url: 'https://modum.example/news/budsjettet',
    apiUrl: 'https://hub.example/api/news/1',
    department: 'Sentraladministrasjonen',
    contact: { name: 'Marte Lunde', phone: '+47 400 00 000', email: 'presse@example.com' },
    image: null,
    ...fields,
  }
}

function kit(pressReleases: PressRelease[]): PressKit {
  return {
    organisation: 'Modum kommune',
    updatedAt: '2026-01-15T09:00:00.000Z',
    links: { page: '', json: '', rss: '', feeds: '' },
    colours: [],
    typefaces: [],
    assets: [],
    pressReleases,
  }
}

describe('renderPressPage', () => {
  it('should escape what editors wrote in a press release', () => {
    const page = renderPressPage(
      kit([release({ title: EVIL, lead: EVIL, contact: { name: EVIL, title: EVIL } })]),
      DEFAULT_PAGE_BRAND,
    )
    expect(page.html).not.toContain('<img src=x')
    expect(page.html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('should link only safe addresses and dial the phone number as digits', () => {
    const page = renderPressPage(
      kit([
        release({ url: 'javascript:alert(1)', contact: { name: 'A', phone: '+47 400 00 000' } }),
      ]),
      DEFAULT_PAGE_BRAND,
    )
    expect(page.html).not.toContain('javascript:')
    expect(page.html).toContain('href="tel:+4740000000"')
  })

  it('should show the publish time in Oslo time', () => {
    const page = renderPressPage(kit([release()]), DEFAULT_PAGE_BRAND)
    expect(page.html).toContain('datetime="2026-01-15T09:00:00.000Z"')
    expect(page.html).toMatch(/15\. januar 2026.{1,8}10:00/)
  })

  it('should say so when there are no press releases', () => {
    const page = renderPressPage(kit([]), DEFAULT_PAGE_BRAND)
    expect(page.html).toContain('Det er ingen pressemeldinger akkurat nå.')
  })
})
