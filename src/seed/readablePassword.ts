import { randomInt } from 'node:crypto'

/** No 0/o, 1/l/i: easy to read off a terminal and type in. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** A random password like `k7mp-x3qa-9hzt-r4wd` (4 groups of 4: about 79 bits). */
export function readablePassword(groups = 4, groupLength = 4): string {
  const parts: string[] = []
  for (let g = 0; g < groups; g++) {
    let part = ''
    for (let i = 0; i < groupLength; i++) part += ALPHABET[randomInt(ALPHABET.length)]
    parts.push(part)
  }
  return parts.join('-')
}
