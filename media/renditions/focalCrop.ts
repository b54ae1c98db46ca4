export type Size = { width: number; height: number }

/** Focal point in percent of width and height (Payload's `focalX` / `focalY`), 50/50 = centre. */
export type FocalPoint = { x: number; y: number }

export type CropGeometry = {
  /** Scale the image to this size first (it covers the target)… */
  resizeWidth: number
  resizeHeight: number
  /** …then cut the target out at this offset. */
  left: number
  top: number
  width: number
  height: number
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max)
}

/**
 * Where to cut a target size out of a source image so that the focal point stays as close to
 * the centre of the crop as the image's edges allow. Scales up when the source is smaller.
 */
export function focalCrop(source: Size, target: Size, focal: FocalPoint): CropGeometry {
  const scale = Math.max(target.width / source.width, target.height / source.height)
  const resizeWidth = Math.max(target.width, Math.round(source.width * scale))
  const resizeHeight = Math.max(target.height, Math.round(source.height * scale))
  const fx = (clamp(focal.x, 0, 100) / 100) * resizeWidth
  const fy = (clamp(focal.y, 0, 100) / 100) * resizeHeight
  return {
    resizeWidth,
    resizeHeight,
    left: clamp(Math.round(fx - target.width / 2), 0, resizeWidth - target.width),
    top: clamp(Math.round(fy - target.height / 2), 0, resizeHeight - target.height),
    width: target.width,
    height: target.height,
  }
}
