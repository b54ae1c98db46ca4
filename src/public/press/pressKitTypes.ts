/** The press kit as `/api/press-kit` returns it; `/press` shows the same facts. URLs are absolute. */
export type PressKit = {
  organisation: string
  /** When what is listed here last changed, as far as this server has seen (UTC). */
  updatedAt: string
  links: { page: string; json: string; rss: string; feeds: string }
  colours: PressColour[]
  typefaces: PressTypeface[]
  assets: PressAsset[]
  pressReleases: PressRelease[]
}

export type PressColour = {
  role: 'primary' | 'text' | 'background' | 'accent'
  name: string
  hex: string
  rgb: [number, number, number]
  usage: string
}

export type PressTypeface = {
  name: string
  licence: string
  usage: string
  files: { weight: number; url: string }[]
}

export type AssetKind = 'coat-of-arms' | 'logo' | 'font' | 'template' | 'guide'

export type PressAsset = {
  id: string
  title: string
  kind: AssetKind
  kindLabel: string
  alt: string | null
  usage: string | null
  filename: string
  mimeType: string
  bytes: number | null
  width: number | null
  height: number | null
  url: string
  updatedAt: string
}

export type PressContact = { name: string; title?: string; phone?: string; email?: string }

export type PressRelease = {
  id: string
  title: string
  lead: string
  publishedAt: string
  updatedAt: string
  /** The item's public address, as every channel links it. */
  url: string
  apiUrl: string
  department: string | null
  contact: PressContact | null
  image: { url: string; alt: string; credit: string | null; width: number; height: number } | null
}
