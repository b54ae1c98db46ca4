import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { MediaContext } from '../../collections/Media/hooks/mediaUploadContext'
import { PRESETS_VERSION } from '../../media/renditions/presets'
import { rerenderAll } from '../../media/renditions/rerenderAll'
import type { Caller, createApi } from '../helpers/api'
import { communicationsDesk } from '../helpers/communicationsDesk'
import { formData, pngWithAlpha } from '../helpers/mediaFixtures'
import { startTestHub, type TestHub } from '../helpers/testHub'

type Doc = { id: number; renditionKey: string; originalFile: string; renderedWith: string }

let hub: TestHub
let api: ReturnType<typeof createApi>
let comms: Caller

beforeAll(async () => {
  hub = await startTestHub()
  ;({ api, comms } = await communicationsDesk(hub.payload, 'Drift'))
})

afterAll(async () => {
  await hub?.cleanup()
})

const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  )

describe('media:rerender', () => {
  it('should render images made with older presets again, resumably, keeping every original', async () => {
    const docs: Doc[] = []
    for (const alt of ['Første', 'Andre']) {
      const res = await api.rest<{ doc: Doc }>(
        'POST',
        '/media',
        comms,
        formData(await pngWithAlpha(), { alt }),
      )
      docs.push(res.body.doc)
    }
    const [stale, current] = docs as [Doc, Doc]
    const context: MediaContext = { mediaPipelineWrite: true }
    await hub.payload.update({
      collection: 'media',
      id: stale.id,
      data: { renderedWith: 'old' },
      context,
    })
    const mediaDir = path.join(hub.dataDir, 'media')
    const progress: number[] = []
    expect(await rerenderAll(hub.payload, (p) => progress.push(p.done))).toEqual({
      done: 1,
      failed: 0,
    })
    expect(progress).toEqual([1])
    const after = (await hub.payload.findByID({
      collection: 'media',
      id: stale.id,
    })) as unknown as Doc
    expect(after.renderedWith).toBe(PRESETS_VERSION)
    expect(after.renditionKey).not.toBe(stale.renditionKey)
    expect(await exists(path.join(mediaDir, 'renditions', after.renditionKey))).toBe(true)
    expect(await exists(path.join(mediaDir, 'renditions', stale.renditionKey))).toBe(false)
    expect(await exists(path.join(mediaDir, 'originals', stale.originalFile))).toBe(true)
    const untouched = (await hub.payload.findByID({
      collection: 'media',
      id: current.id,
    })) as unknown as Doc
    expect(untouched.renditionKey).toBe(current.renditionKey)
    // Nothing left to do: a second run (as after an interruption) does nothing more.
    expect(await rerenderAll(hub.payload)).toEqual({ done: 0, failed: 0 })
  })
})
