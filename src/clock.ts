/**
 * The hub's one source of "now". Access rules, schedules and the outbox read time here so
 * tests can move time without sleeping.
 */
export type Clock = { now: () => Date }

const systemClock: Clock = { now: () => new Date() }

let current: Clock = systemClock

export function now(): Date {
  return current.now()
}

/** Replace the clock (tests). Returns a function that restores the previous one. */
export function setClock(clock: Clock): () => void {
  const previous = current
  current = clock
  return () => {
    current = previous
  }
}

export function fixedClock(at: Date | string): Clock & { set: (d: Date | string) => void } {
  let time = new Date(at)
  return {
    now: () => new Date(time),
    set: (d) => {
      time = new Date(d)
    },
  }
}
