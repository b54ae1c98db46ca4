import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { type BrowserContext, chromium } from 'playwright-core'

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it when missing). */
export const CHROMIUM = '/usr/bin/chromium'

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * Whether the browser tests can run. Without Chromium they fail in CI (CI is set) and are
 * skipped locally with a loud warning.
 */
export function chromiumAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true
  const message = `${CHROMIUM} is missing: install it with \`apt-get install -y chromium\`.`
  if (process.env.CI) throw new Error(`${message} CI must run the browser tests.`)
  console.error(
    `\n${'!'.repeat(78)}\n!! ${message}\n!! The signage player's browser tests are SKIPPED.\n${'!'.repeat(78)}\n`,
  )
  return false
}

export type Browser = { context: BrowserContext; close: () => Promise<void> }

/** Headless Chromium with a fresh profile (its own Cache Storage and service workers). */
export async function launchChromium(): Promise<Browser> {
  const userDataDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'hub-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    serviceWorkers: 'allow',
    viewport: { width: 1280, height: 720 },
  })
  return {
    context,
    close: async () => {
      await context.close()
      await fs.promises.rm(userDataDir, { recursive: true, force: true })
    },
  }
}
