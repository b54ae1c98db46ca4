import sax from 'sax'

import { uploadRefused } from './uploadRefused'

/** Drawing elements only: no script, foreignObject, image, a, style, animation or embedding. */
const ELEMENTS = new Set([
  'svg',
  'g',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'defs',
  'lineargradient',
  'radialgradient',
  'stop',
  'clippath',
  'mask',
  'title',
  'desc',
  'use',
  'symbol',
  'pattern',
])

const ATTRIBUTES = new Set([
  'id',
  'd',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'fx',
  'fy',
  'width',
  'height',
  'viewbox',
  'points',
  'transform',
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-opacity',
  'opacity',
  'clip-path',
  'clip-rule',
  'mask',
  'offset',
  'stop-color',
  'stop-opacity',
  'gradientunits',
  'gradienttransform',
  'spreadmethod',
  'patternunits',
  'patterncontentunits',
  'patterntransform',
  'clippathunits',
  'maskunits',
  'preserveaspectratio',
  'version',
  'xmlns',
  'xmlns:xlink',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'visibility',
  'display',
  'href',
  'xlink:href',
])

const SVG_NS = 'http://www.w3.org/2000/svg'
const XLINK_NS = 'http://www.w3.org/1999/xlink'

function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** Only references inside the file itself: `#id` and `url(#id)`. */
function safeValue(name: string, value: string): boolean {
  if (name === 'href' || name === 'xlink:href') return /^#[\w.-]+$/.test(value.trim())
  if (name === 'xmlns') return value === SVG_NS
  if (name === 'xmlns:xlink') return value === XLINK_NS
  const urls = value.match(/url\s*\(([^)]*)\)/gi) ?? []
  return urls.every((url) => /^url\s*\(\s*['"]?#[\w.-]+['"]?\s*\)$/i.test(url))
}

/**
 * Rebuilds an SVG from an allowlist of drawing elements and attributes, so nothing that can run
 * or fetch survives: no scripts, no event handlers (`on…`), no styles, no external or
 * `javascript:` references, no entities. Content inside a dropped element is dropped with it.
 * Throws a 400 when the file is not well-formed SVG.
 */
export function sanitizeSvg(data: Buffer): Buffer {
  const parser = sax.parser(true, { xmlns: false, lowercase: false })
  const out: string[] = []
  const stack: boolean[] = []
  let dropping = 0
  let sawRoot = false
  parser.onopentag = (node) => {
    const name = node.name.toLowerCase()
    const keep = dropping === 0 && ELEMENTS.has(name) && (sawRoot || name === 'svg')
    stack.push(keep)
    if (!keep) {
      dropping++
      return
    }
    sawRoot = true
    const attributes = Object.entries(node.attributes as Record<string, string>)
      .filter(([attr, value]) => ATTRIBUTES.has(attr.toLowerCase()) && safeValue(attr, value))
      .map(([attr, value]) => ` ${attr}="${escapeXml(value)}"`)
    out.push(`<${node.name}${attributes.join('')}>`)
  }
  parser.onclosetag = (tagName) => {
    const kept = stack.pop()
    if (kept) out.push(`</${tagName}>`)
    else dropping--
  }
  parser.ontext = (text) => {
    if (dropping === 0 && stack.length > 0) out.push(escapeXml(text))
  }
  parser.oncdata = (text) => {
    if (dropping === 0 && stack.length > 0) out.push(escapeXml(text))
  }
  try {
    parser.write(data.toString('utf8')).close()
  } catch {
    throw uploadRefused('SVG-filen kan ikke leses: den er ikke gyldig XML.')
  }
  if (!sawRoot) throw uploadRefused('SVG-filen har ikke et <svg>-element.')
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${out.join('')}\n`)
}
