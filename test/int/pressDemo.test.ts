import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PressRoom, type PressKit } from '../../src/public/press'
import { seedDemo } from '../../src/seed/seedDemo'
import { axeViolations } from '../helpers/axePage'
import { type PublicServer, startPublicServer } from '../helpers/publicServer'
import { startTestHub, type TestHub } from '../helpers/testHub'

let hub: TestHub
let server: PublicServer

beforeAll(async () => {
  hub = await startTestHub()
  await seedDemo(hub.payload)
  const room = new PressRoom({ payload: hub.payload })
  server = await startPublicServer([(req, res) => room.serve(req, res)])
})

afterAll(async () => {
  await server?.close()
  await hub?.cleanup()
})

describe('the demo press room', () => {
  it('should offer the coat of arms in colour, black and white, the logo and the typeface', async () => {
    const kit = (await (await fetch(`${server.url}/api/press-kit`)).json()) as PressKit
    const titles = kit.assets.map((a) => a.title)
    expect(titles).toEqual(
      expect.arrayContaining([
        'Kommunevåpen (demo)',
        'Kommunevåpen (demo), farger, SVG',
        'Kommunevåpen (demo), svart',
        'Kommunevåpen (demo), negativ (hvit)',
        'Logo (demo): kommunevåpen og navn',
        'Source Sans 3, normal',
        'Source Sans 3, fet',
      ]),
    )
    expect(kit.assets.every((a) => a.usage)).toBe(true)
    for (const asset of kit.assets) {
      const res = await fetch(`${server.url}${new URL(asset.url).pathname}`, { method: 'HEAD' })
      expect({
        title: asset.title,
        status: res.status,
        type: res.headers.get('content-type'),
      }).toEqual({ title: asset.title, status: 200, type: asset.mimeType })
    }
  })

  it('should list the current press releases with contacts, not the embargoed or expired ones', async () => {
    const kit = (await (await fetch(`${server.url}/api/press-kit`)).json()) as PressKit
    const titles = kit.pressReleases.map((p) => p.title)
    expect(titles).toEqual([
      'Kommunestyret har vedtatt budsjettet for neste år',
      'Vikersund bru stenges i to uker for reparasjon',
      'Rekordmange lånere på Modum bibliotek',
    ])
    expect(kit.pressReleases.every((p) => p.contact?.name && p.contact.phone)).toBe(true)
    expect(kit.pressReleases[1]?.image?.url).toMatch(/\/api\/media\/renditions\/.+\/press\./)
  })

  it('should render /press without accessibility violations', async () => {
    const html = await (await fetch(`${server.url}/press`)).text()
    expect(html).toContain('Vikersund bru stenges i to uker for reparasjon')
    expect(html).not.toContain('Modum planlegger ny barneskole')
    expect(html).not.toContain('Høring om ny parkeringsordning i sentrum')
    expect(await axeViolations(html)).toEqual([])
  })
})
