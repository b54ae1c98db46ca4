/**
 * renditions: a 24-megapixel JPEG → every preset in every format, through the hub's pipeline
 * (checks, focal crop, metadata stripped, files written) against a bare sharp script making the
 * same outputs, each run in a fresh process, interleaved. Then throughput: N uploads through
 * Payload's local API on SQLite, two at a time (one per core).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

import { progress } from './lib/report'
import { ratioOf, round, summarize } from './lib/stats'
import { makeTempDir } from './lib/tempDir'
import type { BenchOptions, BenchResult } from './lib/types'

export const flags = ['uploads', 'upload-mp']

const RATIO_GOAL = 1.3
const RSS_GOAL_MB = 600

async function photo(file: string, megapixels: number): Promise<void> {
  const width = Math.round(Math.sqrt(megapixels * 1e6 * 1.5))
  const height = Math.round(width / 1.5)
  // Noise softened by a blur compresses and decodes like a photograph, not like a flat fill.
  const noise = await sharp({
    create: {
      width: Math.round(width / 8),
      height: Math.round(height / 8),
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 120, sigma: 60 },
    },
  })
    .png()
    .toBuffer()
  await sharp(noise).resize(width, height, { kernel: 'cubic' }).jpeg({ quality: 90 }).toFile(file)
}

type ChildRun = { ms: number; maxRssMb: number; files: number }

function child(mode: 'ours' | 'bare', input: string, dir: string): ChildRun {
  const out = makeTempDir(`bench-renditions-${mode}`)
  const stdout = execFileSync(
    process.execPath,
    [
      '--conditions=production',
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'lib/renditionsChild.ts'),
      mode,
      input,
      out,
    ],
    { cwd: dir, encoding: 'utf8' },
  )
  fs.rmSync(out, { recursive: true, force: true })
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ChildRun
}

async function uploads(
  count: number,
  megapixels: number,
  dir: string,
): Promise<{ perSecond: number; ms: number }> {
  process.env.HUB_DATA_DIR = makeTempDir('bench-renditions-hub')
  process.env.DATABASE_URL = `file:${path.join(process.env.HUB_DATA_DIR, 'hub.db')}`
  process.env.PAYLOAD_SECRET = 'bench-renditions'
  process.env.LOG_LEVEL = 'warn'
  const file = path.join(dir, 'upload.jpg')
  await photo(file, megapixels)
  const data = fs.readFileSync(file)
  const { bootPayload } = await import('../src/boot/bootPayload')
  const { closeDatabase } = await import('../src/db/closeDatabase')
  const { payload } = await bootPayload()
  const started = process.hrtime.bigint()
  let next = 0
  const worker = async () => {
    while (next < count) {
      const n = next++
      await payload.create({
        collection: 'media',
        data: { alt: `Bilde ${n}` },
        file: { data, mimetype: 'image/jpeg', name: `bilde-${n}.jpg`, size: data.length },
      })
      if ((n + 1) % 10 === 0) progress(`  ${n + 1}/${count} uploads`)
    }
  }
  await Promise.all([worker(), worker()])
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  await closeDatabase(payload)
  return { perSecond: round((count / ms) * 1000, 2), ms: round(ms) }
}

export default async function renditions({
  runs,
  flags: given = {},
}: BenchOptions): Promise<BenchResult> {
  const dir = makeTempDir('bench-renditions')
  const input = path.join(dir, 'photo-24mp.jpg')
  progress('making a 24-megapixel JPEG')
  await photo(input, 24)
  const samples = { bare: [] as number[], ours: [] as number[] }
  const rss = { bare: 0, ours: 0 }
  child('bare', input, process.cwd()) // warm-up: file cache, tsx cache
  for (let i = 0; i < runs; i++) {
    for (const mode of ['bare', 'ours'] as const) {
      const run = child(mode, input, process.cwd())
      samples[mode].push(run.ms)
      rss[mode] = Math.max(rss[mode], run.maxRssMb)
      progress(
        `run ${i + 1}/${runs} ${mode}: ${round(run.ms)} ms, ${round(run.maxRssMb)} MB, ${run.files} files`,
      )
    }
  }
  const figures = { bare: summarize(samples.bare), ours: summarize(samples.ours) }
  const ratio = ratioOf(figures.ours, figures.bare)
  const count = Number(given.uploads ?? 100)
  const megapixels = Number(given['upload-mp'] ?? 12)
  progress(
    `throughput: ${count} uploads of a ${megapixels}-megapixel JPEG through Payload (SQLite)`,
  )
  const throughput = await uploads(count, megapixels, dir)
  const withinGoal = ratio <= RATIO_GOAL && rss.ours < RSS_GOAL_MB
  return {
    name: 'renditions',
    ratio,
    runs,
    unit: 'ms',
    baseline: 'bare',
    figures,
    withinGoal,
    goals: { ratio: RATIO_GOAL, peakRssMb: RSS_GOAL_MB },
    peakRssMb: { ours: round(rss.ours), bare: round(rss.bare) },
    uploads: { count, megapixels, ...throughput },
    notes: [
      `ours/bare = ${ratio} (goal ≤ ${RATIO_GOAL}); peak RSS ours ${round(rss.ours)} MB, bare ${round(rss.bare)} MB (goal < ${RSS_GOAL_MB} MB)`,
      `${count} uploads of ${megapixels} MP: ${throughput.perSecond} uploads/s (${round(throughput.ms / count)} ms each, two at a time)`,
    ],
  }
}
