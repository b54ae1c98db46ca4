import { describe, expect, it } from 'vitest'

import { bodyHtml, sanitizeBodyHtml } from '../../channels/bodyHtml'

const text = (value: string, format = 0) => ({
  type: 'text',
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', version: 1, children })
const link = (fields: Record<string, unknown>, label: string) => ({
  type: 'link',
  version: 1,
  fields,
  children: [text(label)],
})
const editorState = (...children: unknown[]) => ({
  root: { type: 'root', version: 1, children },
})

describe('body HTML from the Lexical body', () => {
  it('should give paragraphs, headings one level down and formats as tags', () => {
    const html = bodyHtml(
      editorState(
        { type: 'heading', tag: 'h1', version: 1, children: [text('Hva skjer')] },
        paragraph(text('Fet', 1), text(' og '), text('kursiv', 2), text(' og '), text('borte', 4)),
      ),
    )
    expect(html).toBe(
      '<h2>Hva skjer</h2><p><strong>Fet</strong> og <em>kursiv</em> og <s>borte</s></p>',
    )
  })

  it('should escape markup written as text', () => {
    const html = bodyHtml(editorState(paragraph(text('<script>alert(1)</script>'))))
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')
  })

  it('should keep web links, with rel noopener, and drop javascript: links to their text', () => {
    const html = bodyHtml(
      editorState(
        paragraph(
          link({ linkType: 'custom', url: 'https://www.modum.kommune.no' }, 'Kommunen'),
          link({ linkType: 'custom', url: 'javascript:alert(1)' }, 'Ond'),
        ),
      ),
    )
    expect(html).toBe(
      '<p><a href="https://www.modum.kommune.no" rel="noopener noreferrer">Kommunen</a>Ond</p>',
    )
  })

  it('should keep the text of an internal link, which knows no address', () => {
    const html = bodyHtml(
      editorState(
        paragraph(link({ linkType: 'internal', doc: { relationTo: 'news', value: 3 } }, 'Sak')),
      ),
    )
    expect(html).toBe('<p>Sak</p>')
  })

  it('should give checklists as plain list items without form controls', () => {
    const html = bodyHtml(
      editorState({
        type: 'list',
        tag: 'ul',
        listType: 'check',
        version: 1,
        children: [
          { type: 'listitem', value: 1, checked: true, version: 1, children: [text('Ferdig')] },
        ],
      }),
    )
    expect(html).toBe('<ul><li>Ferdig</li></ul>')
  })

  it('should leave out empty paragraphs and nodes without text', () => {
    const html = bodyHtml(
      editorState(
        paragraph(),
        { type: 'upload', value: 5, relationTo: 'media', version: 1 },
        { type: 'relationship', value: 5, relationTo: 'news', version: 1 },
        paragraph(text('Tekst')),
      ),
    )
    expect(html).toBe('<p>Tekst</p>')
  })

  it('should give an empty string for an item without a body', () => {
    expect(bodyHtml(null)).toBe('')
    expect(bodyHtml(undefined)).toBe('')
    expect(bodyHtml({ root: { children: [] } })).toBe('')
  })
})

describe('the body allow-list', () => {
  it('should strip script and iframe elements with their content', () => {
    const html = sanitizeBodyHtml(
      '<p>Før<script>alert(1)</script><iframe src="https://evil.example">x</iframe>etter</p>',
    )
    expect(html).toBe('<p>Føretter</p>')
  })

  it('should strip on* event handler attributes', () => {
    const html = sanitizeBodyHtml(
      '<p onclick="steal()">Tekst <a href="https://x.example" onmouseover="steal()">lenke</a></p>',
    )
    expect(html).toBe(
      '<p>Tekst <a href="https://x.example" rel="noopener noreferrer">lenke</a></p>',
    )
  })

  it('should drop images, styles, classes and unknown elements but keep their text', () => {
    const html = sanitizeBodyHtml(
      '<div class="x" style="color:red"><img src="x" onerror="steal()"><span>tekst</span><style>p{}</style></div>',
    )
    expect(html).toBe('tekst')
  })

  it('should drop hrefs with schemes other than http(s), mailto and tel', () => {
    const html = sanitizeBodyHtml(
      '<a href="javascript:alert(1)">a</a><a href="data:text/html,x">b</a><a href="mailto:post@modum.kommune.no">c</a>',
    )
    expect(html).not.toMatch(/javascript|data:/)
    expect(html).toContain('href="mailto:post@modum.kommune.no"')
  })
})
