import path from 'node:path'

import { projectRoot } from '../../src/config/env'

/**
 * Typefaces that ship with the hub, so text in generated images renders the same on every
 * machine, also one with no fonts installed. Source Sans 3 (SIL Open Font License 1.1) comes
 * from the npm package @expo-google-fonts/source-sans-3; its licence is LICENSE_FONT there.
 */
export type Typeface = { name: string; regular: string; bold: string; licence: string }

/**
 * From the project root, not `require.resolve`: this module is also bundled into the admin by
 * Next (Turbopack), which cannot resolve a computed package path, and the bundle does not live
 * beside node_modules.
 */
function fontPath(pkg: string, file: string): string {
  return path.join(projectRoot(), 'node_modules', pkg, file)
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
