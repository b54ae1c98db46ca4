/**
 * `compute` remembered per key, for pure work asked again and again with the same few keys
 * (an endpoint's URL on every delivery). Past `max` keys it forgets everything and starts over:
 * a bound on memory, not an LRU. A `compute` that throws is not remembered.
 */
export function boundedMemo<V>(compute: (key: string) => V, max = 1000): (key: string) => V {
  const known = new Map<string, V>()
  return (key) => {
    if (known.has(key)) return known.get(key) as V
    const value = compute(key)
    if (known.size >= max) known.clear()
    known.set(key, value)
    return value
  }
}
