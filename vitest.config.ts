import { defineConfig } from 'vitest/config'

import { postgresReachable, testPostgresUrl } from './test/helpers/postgres.ts'

/**
 * `npm test` runs the unit tests, the integration suite once on SQLite and once on PostgreSQL,
 * and the smoke tests that start real server processes. Without a reachable PostgreSQL the
 * PostgreSQL suites are left out with a loud warning, and in CI that is a failure.
 */
export default defineConfig(async () => {
  const problem = await postgresReachable()
  if (problem) {
    const message = `PostgreSQL at ${testPostgresUrl()} is not reachable (${problem}).`
    if (process.env.CI) throw new Error(`${message} CI must run the PostgreSQL suite.`)
    console.error(
      `\n${'!'.repeat(78)}\n!! ${message}\n!! The PostgreSQL suites are SKIPPED. Start PostgreSQL or set TEST_POSTGRES_URL.\n${'!'.repeat(78)}\n`,
    )
  }
  const integration = (db: 'sqlite' | 'postgres') => ({
    extends: true as const,
    test: {
      name: db,
      include: ['test/int/**/*.test.ts'],
      env: { HUB_TEST_DB: db },
    },
  })
  const smoke = (db: 'sqlite' | 'postgres') => ({
    extends: true as const,
    test: {
      name: `smoke-${db}`,
      include: [`test/smoke/**/*.${db}.test.ts`],
      env: { HUB_TEST_DB: db },
      testTimeout: 300_000,
      hookTimeout: 600_000,
      globalSetup: ['test/smoke/globalSetup.ts'],
    },
  })
  return {
    test: {
      reporters: ['default', './test/summaryReporter.ts'],
      pool: 'forks',
      // See src/boot/environment.ts: Lexical's node entry points deadlock Node 20 now and then.
      execArgv: ['--conditions=production'],
      // Expected access denials log as errors; set LOG_LEVEL=info to see Payload's log.
      env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'fatal' },
      testTimeout: 60_000,
      hookTimeout: 120_000,
      fileParallelism: true,
      maxWorkers: 2,
      projects: [
        {
          extends: true as const,
          test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/channels/**/*.test.ts'] },
        },
        integration('sqlite'),
        {
          // Headless Chromium against a hub on SQLite (test/e2e/chromium.ts finds the browser).
          extends: true as const,
          test: {
            name: 'e2e',
            include: ['test/e2e/**/*.test.ts'],
            env: { HUB_TEST_DB: 'sqlite' },
          },
        },
        smoke('sqlite'),
        ...(problem ? [] : [integration('postgres'), smoke('postgres')]),
      ],
    },
  }
})
