import type { Reporter, TestModule } from 'vitest/node'

/**
 * Ends the run with one plain line, `Tests: N passed, N failed, N skipped`, per project and in
 * total, so CI logs say at a glance how many tests ran on each database.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const byProject = new Map<string, { passed: number; failed: number; skipped: number }>()
    for (const module of testModules) {
      const name = module.project.name || 'default'
      const counts = byProject.get(name) ?? { passed: 0, failed: 0, skipped: 0 }
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') counts.passed++
        else if (state === 'failed') counts.failed++
        else counts.skipped++
      }
      byProject.set(name, counts)
    }
    const total = { passed: 0, failed: 0, skipped: 0 }
    const lines = [...byProject.entries()].sort().map(([name, c]) => {
      total.passed += c.passed
      total.failed += c.failed
      total.skipped += c.skipped
      return `  ${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`
    })
    console.log(
      `\nPer project:\n${lines.join('\n')}\nTests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`,
    )
  }
}
