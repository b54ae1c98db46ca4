/**
 * Text as Block Kit takes it. Limits are in characters as JavaScript counts them (UTF-16 code
 * units), the stricter reading of Slack's "maximum length", so a text that fits here fits there.
 */

/** Block Kit's documented limits for the fields this adapter fills. */
export const LIMITS = {
  headerText: 150,
  sectionText: 3000,
  imageAltText: 2000,
  imageUrl: 3000,
  contextText: 3000,
  buttonText: 75,
  buttonUrl: 3000,
  /** Not a hard limit (Slack truncates `text` at 40,000): a notification needs no more. */
  fallbackText: 3000,
} as const

/**
 * `text` cut to at most `max` code units, ending with "…" when cut, never splitting a surrogate
 * pair (half an emoji would make Slack refuse the block).
 */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = max - 1
  const last = text.charCodeAt(cut - 1)
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1
  return `${text.slice(0, cut).trimEnd()}…`
}

/** One line: every run of whitespace, line breaks included, becomes one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Paragraph text: spaces collapsed within lines, at most one blank line between paragraphs. */
export function paragraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/**
 * Slack's three control characters in mrkdwn (`text`, not `plain_text`): left alone they would
 * turn `<https://…|x>` or `<!channel>` typed by an editor into links and mentions.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
