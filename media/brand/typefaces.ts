import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * Typefaces that ship with the hub, so text in generated images renders the same on every
 * machine, also one with no fonts installed. Source Sans 3 (SIL Open Font License 1.1) comes
 * from the npm package @expo-google-fonts/source-sans-3; its licence is LICENSE_FONT there.
 */
export type Typeface = { name: string; regular: string; bold: string; licence: string }

const require = createRequire(import.meta.url)

function fontPath(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file)
}

const SOURCE_SANS_3 = '@expo-google-fonts/source-sans-3'

export const TYPEFACES: readonly Typeface[] = [
  {
    name: 'Source Sans 3',
    regular: fontPath(SOURCE_SANS_3, '400Regular/SourceSans3_400Regular.ttf'),
    bold: fontPath(SOURCE_SANS_3, '700Bold/SourceSans3_700Bold.ttf'),
    licence: fontPath(SOURCE_SANS_3, 'LICENSE_FONT'),
  },
]

export function typeface(name: string | null | undefined): Typeface {
  const found = TYPEFACES.find((t) => t.name === name) ?? TYPEFACES[0]
  if (!found) throw new Error('no bundled typeface')
  return found
}
