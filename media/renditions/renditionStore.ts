import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import { mediaDir } from '../../src/config/env'
import type { PresetName, RenditionFormat } from './presets'
import type { RenderedFile } from './renderRenditions'

/** One rendition as stored on the media document (`renditions`). */
export type StoredRendition = {
  preset: PresetName
  format: RenditionFormat
  width: number
  height: number
  bytes: number
  /** `<preset>.<content hash>.<ext>` inside the batch folder `renditionKey`. */
  file: string
}

export const EXTENSIONS: Record<RenditionFormat, string> = {
  avif: 'avif',
  webp: 'webp',
  jpeg: 'jpg',
  png: 'png',
}

export const CONTENT_TYPES: Record<string, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
}

export const RENDITION_KEY = /^[0-9a-f-]{36}$/
export const RENDITION_FILE = /^[a-z-]+\.[0-9a-f]{16}\.(avif|webp|jpg|png)$/

export function renditionsDir(): string {
  return path.join(mediaDir(), 'renditions')
}

/** Untouched uploads, kept for re-rendering and never served. */
export function originalsDir(): string {
  return path.join(mediaDir(), 'originals')
}

export function newRenditionKey(): string {
  return randomUUID()
}

export function contentHash(data: Uint8Array, length = 16): string {
  return createHash('sha256').update(data).digest('hex').slice(0, length)
}

export function storedRendition(file: RenderedFile): StoredRendition {
  return {
    preset: file.preset,
    format: file.format,
    width: file.width,
    height: file.height,
    bytes: file.data.length,
    file: `${file.preset}.${contentHash(file.data)}.${EXTENSIONS[file.format]}`,
  }
}

/**
 * Writes a batch into a hidden temporary folder and renames it into place, so a batch folder
 * either holds every rendition or does not exist. A failure removes the temporary folder.
 */
export async function writeRenditionBatch(key: string, files: RenderedFile[]): Promise<void> {
  const root = renditionsDir()
  await fs.mkdir(root, { recursive: true })
  const temp = await fs.mkdtemp(path.join(root, `.${key}-`))
  try {
    for (const file of files) {
      await fs.writeFile(path.join(temp, storedRendition(file).file), file.data)
    }
    await fs.rename(temp, path.join(root, key))
  } catch (err) {
    await fs.rm(temp, { recursive: true, force: true })
    throw err
  }
}

export async function removeRenditionBatch(key: string | null | undefined): Promise<void> {
  if (!key || !RENDITION_KEY.test(key)) return
  await fs.rm(path.join(renditionsDir(), key), { recursive: true, force: true })
}

export function renditionPath(key: string, file: string): string | null {
  if (!RENDITION_KEY.test(key) || !RENDITION_FILE.test(file)) return null
  return path.join(renditionsDir(), key, file)
}

/** Stores an original under its content hash (idempotent) and returns the stored name. */
export async function keepOriginal(data: Buffer, extension: string): Promise<string> {
  const name = `${contentHash(data, 32)}.${extension}`
  await fs.mkdir(originalsDir(), { recursive: true })
  const target = path.join(originalsDir(), name)
  await fs.writeFile(target, data, { flag: 'wx' }).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err
  })
  return name
}

export async function readOriginal(name: string): Promise<Buffer> {
  if (!/^[0-9a-f]{32}\.[a-z]+$/.test(name)) throw new Error(`not an original's name: ${name}`)
  return fs.readFile(path.join(originalsDir(), name))
}

export async function removeOriginal(name: string | null | undefined): Promise<void> {
  if (!name || !/^[0-9a-f]{32}\.[a-z]+$/.test(name)) return
  await fs.rm(path.join(originalsDir(), name), { force: true })
}
