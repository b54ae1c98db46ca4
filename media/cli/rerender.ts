/**
 * `npm run media:rerender`: renders every image again after a preset change, with a progress
 * bar and an ETA on stderr. Safe to stop and start again; originals are never deleted.
 */
import '../../src/boot/environment'

import { bootPayload } from '../../src/boot/bootPayload'
import { closeDatabase } from '../../src/db/closeDatabase'
import { PRESETS_VERSION } from '../renditions/presets'
import { rerenderAll, type RerenderProgress } from '../renditions/rerenderAll'

const WIDTH = 30
const started = Date.now()

function clock(ms: number): string {
  const s = Math.round(ms / 1000)
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

function draw({ done, total, failed }: RerenderProgress): void {
  const finished = done + failed
  const share = total > 0 ? Math.min(1, finished / total) : 1
  const filled = Math.round(share * WIDTH)
  const eta = finished > 0 ? ((Date.now() - started) / finished) * Math.max(0, total - finished) : 0
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}]`
  const line = `${bar} ${finished}/${total} ${Math.round(share * 100)} %  ETA ${clock(eta)}${failed ? `  feilet: ${failed}` : ''}`
  process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`)
}

const { payload } = await bootPayload()
process.stderr.write(`Lager bildevarianter på nytt (presets ${PRESETS_VERSION})…\n`)
const result = await rerenderAll(payload, draw)
process.stderr.write(
  `\nFerdig på ${clock(Date.now() - started)}: ${result.done} bilder laget på nytt, ${result.failed} feilet.\n`,
)
await closeDatabase(payload)
process.exit(result.failed > 0 ? 1 : 0)
