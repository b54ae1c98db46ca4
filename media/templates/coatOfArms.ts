import sharp from 'sharp'

/** The coat of arms scaled to `height` pixels (PNG with transparency), or null if none is set. */
export async function coatOfArms(
  file: Buffer | null,
  height: number,
): Promise<sharp.OverlayOptions | null> {
  if (!file) return null
  try {
    const input = await sharp(file, { density: 300 }).resize({ height }).png().toBuffer()
    return { input }
  } catch {
    return null
  }
}
