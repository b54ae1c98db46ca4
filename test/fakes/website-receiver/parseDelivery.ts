export interface ParsedDelivery {
  /** False when the body is non-empty and not JSON. */
  ok: boolean
  body: unknown
  /** `type` of a Standard Webhooks payload (`{ type, timestamp, data }`), if present. */
  eventType: string | undefined
}

export function parseDelivery(raw: string): ParsedDelivery {
  if (raw === '') return { ok: true, body: undefined, eventType: undefined }
  let body: unknown
  try {
    body = JSON.parse(raw) as unknown
  } catch {
    return { ok: false, body: undefined, eventType: undefined }
  }
  const type =
    typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined
  return { ok: true, body, eventType: typeof type === 'string' ? type : undefined }
}
