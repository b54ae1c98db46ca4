/**
 * Block Kit checks the way Slack applies them to chat.postMessage and chat.update: the first
 * problem found, worded like Slack's `invalid_blocks` details ("must be less than 151
 * characters [json-pointer:/blocks/0/text/text]"), or null. Only the blocks and elements the
 * hub could plausibly send are known; anything else is refused, so an adapter bug shows here
 * instead of in a real workspace. Limits from docs.slack.dev/reference/block-kit.
 */
export function blocksProblem(blocks: unknown): string | null {
  if (!Array.isArray(blocks)) return 'blocks must be an array [json-pointer:/blocks]'
  if (blocks.length > 50) return 'no more than 50 items allowed [json-pointer:/blocks]'
  const ids = new Set<string>()
  for (const [index, block] of blocks.entries()) {
    const at = `/blocks/${index}`
    if (!isObject(block)) return `must be an object [json-pointer:${at}]`
    if (block.block_id !== undefined) {
      if (typeof block.block_id !== 'string' || block.block_id.length > 255) {
        return `must be a string of at most 255 characters [json-pointer:${at}/block_id]`
      }
      if (ids.has(block.block_id)) return `duplicate block_id [json-pointer:${at}/block_id]`
      ids.add(block.block_id)
    }
    const problem = blockProblem(block, at)
    if (problem) return problem
  }
  return null
}

function blockProblem(block: Record<string, unknown>, at: string): string | null {
  switch (block.type) {
    case 'header':
      return textProblem(block.text, `${at}/text`, 150, ['plain_text'])
    case 'section':
      if (block.text === undefined && block.fields === undefined) {
        return `must provide either text or fields [json-pointer:${at}]`
      }
      return block.text === undefined
        ? null
        : textProblem(block.text, `${at}/text`, 3000, ['plain_text', 'mrkdwn'])
    case 'image':
      return imageProblem(block, at, true)
    case 'context':
      return listProblem(block.elements, `${at}/elements`, 10, (element, where) =>
        isObject(element) && element.type === 'image'
          ? imageProblem(element, where, false)
          : textProblem(element, where, 3000, ['plain_text', 'mrkdwn']),
      )
    case 'actions':
      return listProblem(block.elements, `${at}/elements`, 25, buttonProblem)
    case 'divider':
      return null
    default:
      return `unsupported type: ${String(block.type)} [json-pointer:${at}/type]`
  }
}

function textProblem(value: unknown, at: string, max: number, types: string[]): string | null {
  if (!isObject(value) || typeof value.type !== 'string' || !types.includes(value.type)) {
    return `must be a text object of type ${types.join(' or ')} [json-pointer:${at}]`
  }
  if (typeof value.text !== 'string' || value.text.length === 0) {
    return `must be more than 0 characters [json-pointer:${at}/text]`
  }
  if (value.text.length > max) {
    return `must be less than ${max + 1} characters [json-pointer:${at}/text]`
  }
  return null
}

function imageProblem(image: Record<string, unknown>, at: string, block: boolean): string | null {
  if (typeof image.alt_text !== 'string' || image.alt_text.length === 0) {
    return `must provide alt_text [json-pointer:${at}/alt_text]`
  }
  if (image.alt_text.length > 2000) {
    return `must be less than 2001 characters [json-pointer:${at}/alt_text]`
  }
  const url = image.image_url
  if (typeof url !== 'string' || !/^https?:\/\//.test(url) || url.length > 3000) {
    return `must be an http(s) URL of at most 3000 characters [json-pointer:${at}/image_url]`
  }
  if (block && image.title !== undefined) {
    return textProblem(image.title, `${at}/title`, 2000, ['plain_text'])
  }
  return null
}

function buttonProblem(element: unknown, at: string): string | null {
  if (!isObject(element) || element.type !== 'button') {
    return `unsupported element [json-pointer:${at}]`
  }
  const text = textProblem(element.text, `${at}/text`, 75, ['plain_text'])
  if (text) return text
  if (element.url !== undefined) {
    if (typeof element.url !== 'string' || element.url.length > 3000) {
      return `must be a URL of at most 3000 characters [json-pointer:${at}/url]`
    }
  }
  if (element.action_id !== undefined) {
    if (typeof element.action_id !== 'string' || element.action_id.length > 255) {
      return `must be at most 255 characters [json-pointer:${at}/action_id]`
    }
  }
  return null
}

function listProblem(
  list: unknown,
  at: string,
  max: number,
  check: (element: unknown, at: string) => string | null,
): string | null {
  if (!Array.isArray(list) || list.length === 0) {
    return `must provide at least 1 element [json-pointer:${at}]`
  }
  if (list.length > max) return `no more than ${max} items allowed [json-pointer:${at}]`
  for (const [index, element] of list.entries()) {
    const problem = check(element, `${at}/${index}`)
    if (problem) return problem
  }
  return null
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
