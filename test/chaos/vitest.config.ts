import path from 'node:path'

import { defineConfig } from 'vitest/config'

import { postgresReachable, testPostgresUrl } from '../helpers/postgres.ts'

/**
 * `npm run test:chaos`: the crash test, with real worker processes on PostgreSQL. It lives apart
 * from `npm test` because it takes about a minute and keeps both cores busy. Without PostgreSQL
 * it is skipped with a loud warning, and in CI that is a failure.
 */
export default defineConfig(async () => {
  const problem = await postgresReachable()
  if (problem) {
    const message = `PostgreSQL at ${testPostgresUrl()} is not reachable (${problem}).`
    if (process.env.CI) throw new Error(`${message} CI must run the crash test.`)
    console.error(
      `\n${'!'.repeat(78)}\n!! ${message}\n!! The crash test is SKIPPED. Start PostgreSQL or set TEST_POSTGRES_URL.\n${'!'.repeat(78)}\n`,
    )
  }
  return {
    root: path.resolve(import.meta.dirname, '../..'),
    test: {
      name: 'chaos',
      include: problem ? [] : ['test/chaos/**/*.test.ts'],
      passWithNoTests: true,
      reporters: ['default', './test/summaryReporter.ts'],
      pool: 'forks',
      // See src/boot/environment.ts: Lexical's node entry points deadlock Node 20 now and then.
      execArgv: ['--conditions=production'],
      env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'fatal' },
      fileParallelism: false,
      maxWorkers: 1,
      testTimeout: 10_000,
      hookTimeout: 300_000,
    },
  }
})
