import axe from 'axe-core'
import { JSDOM, VirtualConsole } from 'jsdom'

export type AxeFinding = { id: string; impact: string | null; nodes: string[] }

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) over a page's HTML in jsdom. jsdom does no layout,
 * so axe reports colour contrast as "incomplete", not as passed: check the colours themselves
 * (media/brand/contrast.ts). Returns the violations, each with the offending elements.
 */
export async function axeViolations(html: string): Promise<AxeFinding[]> {
  // jsdom has no canvas; axe probes for one and jsdom reports that as an error. Not ours.
  const dom = new JSDOM(html, { runScripts: 'outside-only', virtualConsole: new VirtualConsole() })
  try {
    dom.window.eval(axe.source)
    const run = (dom.window as unknown as { axe: typeof axe }).axe
    const result = await run.run(dom.window.document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      nodes: v.nodes.map((n) => n.html),
    }))
  } finally {
    dom.window.close()
  }
}
