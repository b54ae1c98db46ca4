/** The rich-text value Payload stores for a Lexical field (`News['body']` without the null). */
export type LexicalState = {
  root: {
    type: string
    children: { type: string; version: number; [k: string]: unknown }[]
    direction: 'ltr' | 'rtl' | null
    format: 'left' | 'start' | 'center' | 'right' | 'end' | 'justify' | ''
    indent: number
    version: number
  }
  [k: string]: unknown
}

/**
 * A valid Lexical editor state from plain paragraphs: root → paragraph → one text node each,
 * with the version/format/indent/direction fields Lexical writes itself.
 */
export function lexicalParagraphs(paragraphs: string[]): LexicalState {
  return {
    root: {
      type: 'root',
      version: 1,
      format: '',
      indent: 0,
      direction: 'ltr',
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        version: 1,
        format: '',
        indent: 0,
        direction: 'ltr',
        textFormat: 0,
        textStyle: '',
        children: [
          { type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 },
        ],
      })),
    },
  }
}
