import type { ChannelAdapter, ChannelConfig } from './contract'

/**
 * The channels this hub runs, validated once at boot. Every problem with every channel is
 * collected before anything is thrown, so an operator fixes the configuration in one round
 * instead of one restart per missing variable.
 */

export type ChannelProblem = { channel: string; problem: string }

export class ChannelConfigError extends Error {
  readonly problems: readonly ChannelProblem[]

  constructor(problems: readonly ChannelProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`
    const list = problems.map((p) => `${p.channel}: ${p.problem}`).join('; ')
    super(`Channel configuration has ${count}: ${list}`)
    this.name = 'ChannelConfigError'
    this.problems = problems
  }
}

export type ChannelRegistry = {
  /** The adapter with this name, or undefined when the channel is not configured here. */
  get(name: string): ChannelAdapter | undefined
  /** Every adapter, in the order given. */
  all(): readonly ChannelAdapter[]
  names(): string[]
}

const NAME = /^[a-z][a-z0-9-]*$/

/** Validates every adapter against `config`; throws one `ChannelConfigError` listing all problems. */
export function createRegistry(
  adapters: readonly ChannelAdapter[],
  config: ChannelConfig,
): ChannelRegistry {
  const problems: ChannelProblem[] = []
  const byName = new Map<string, ChannelAdapter>()
  const duplicates = new Set<string>()

  adapters.forEach((adapter, index) => {
    const channel = adapter.name || `(channel #${index + 1})`
    if (!NAME.test(adapter.name)) {
      problems.push({
        channel,
        problem: 'the name must be lowercase letters, digits and hyphens, starting with a letter',
      })
    }
    if (byName.has(adapter.name)) {
      if (!duplicates.has(adapter.name)) {
        duplicates.add(adapter.name)
        problems.push({ channel, problem: 'registered more than once' })
      }
      return
    }
    byName.set(adapter.name, adapter)
    for (const problem of validate(adapter, config)) problems.push({ channel, problem })
  })

  if (problems.length > 0) throw new ChannelConfigError(problems)

  const all = Object.freeze([...byName.values()])
  return {
    get: (name) => byName.get(name),
    all: () => all,
    names: () => [...byName.keys()],
  }
}

/** A validator that throws is one more problem to report, not a reason to hide the others. */
function validate(adapter: ChannelAdapter, config: ChannelConfig): string[] {
  if (!adapter.validate) return []
  try {
    const found = adapter.validate(config)
    return found.filter((p) => typeof p === 'string' && p.trim() !== '')
  } catch (err) {
    return [`configuration check failed: ${err instanceof Error ? err.message : String(err)}`]
  }
}
