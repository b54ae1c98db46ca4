/**
 * One measured run for `bench/renditions`, in a fresh process so its peak RSS is its own:
 * `renditionsChild.ts <ours|bare> <input.jpg> <outDir>`. Prints `{ ms, maxRssMb, files }`.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'

import { PRESETS, presetFormats } from '../../media/renditions/presets'
import { renderRenditions, encode } from '../../media/renditions/renderRenditions'
import { EXTENSIONS, writeRenditionBatch } from '../../media/renditions/renditionStore'
import { inspectUpload } from '../../media/upload/inspectUpload'

const [mode, input, outDir] = process.argv.slice(2)
if (!mode || !input || !outDir)
  throw new Error('usage: renditionsChild.ts <ours|bare> <input> <outDir>')

/** The same outputs made the obvious way: one sharp pipeline per preset and format. */
async function bare(data: Buffer): Promise<number> {
  let files = 0
  for (const preset of PRESETS) {
    await Promise.all(
      presetFormats(preset, false).map(async (format) => {
        let image = sharp(data).rotate()
        if (preset.width && preset.height) image = image.resize(preset.width, preset.height)
        await encode(image.toColourspace('srgb'), format).toFile(
          path.join(outDir as string, `${preset.name}.${EXTENSIONS[format]}`),
        )
        files++
      }),
    )
  }
  return files
}

/** The hub's pipeline: checks, every preset, the batch written and the original kept. */
async function ours(data: Buffer): Promise<number> {
  const inspection = await inspectUpload(data, { limitBytes: 100 * 1024 * 1024 })
  const rendered = await renderRenditions(data, inspection)
  process.env.MEDIA_DIR = outDir
  await writeRenditionBatch('00000000-0000-4000-8000-000000000000', rendered)
  await fs.writeFile(path.join(outDir as string, 'original.jpg'), data)
  return rendered.length
}

const data = await fs.readFile(input)
const started = process.hrtime.bigint()
const files = mode === 'bare' ? await bare(data) : await ours(data)
const ms = Number(process.hrtime.bigint() - started) / 1e6
const maxRssMb = process.resourceUsage().maxRSS / 1024
process.stdout.write(`${JSON.stringify({ ms, maxRssMb, files })}\n`)
