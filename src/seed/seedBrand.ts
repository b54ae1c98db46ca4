import type { SeedContext } from './SeedContext'
import { coatOfArmsPng } from './coatOfArmsPng'
import { ensureDoc } from './ensureDoc'

const TITLE = 'Kommunevåpen (demo)'
const FILENAME = 'kommunevapen-demo.png'

/**
 * The graphic profile: a stand-in coat of arms in brand-assets, and the brand global pointing at
 * it. The global is filled in only while it has no coat of arms, so an editor's changes stay.
 */
export async function seedBrand(ctx: SeedContext): Promise<number> {
  const coatOfArms = await ensureDoc(
    ctx,
    'brand-assets',
    { title: { equals: TITLE } },
    async () => {
      const data = await coatOfArmsPng()
      return ctx.payload.create({
        collection: 'brand-assets',
        data: {
          title: TITLE,
          kind: 'coat-of-arms',
          alt: 'Kommunevåpen (demo): blått skjold med gul kant, en gul sol øverst og to hvite bølger.',
          usage:
            'Midlertidig demofigur, ikke Modums ekte kommunevåpen. Last opp det ekte våpenet og velg det under Grafisk profil før huben tas i bruk.',
        },
        file: { data, mimetype: 'image/png', name: FILENAME, size: data.length },
        overwriteExistingFiles: true,
      })
    },
  )
  const brand = await ctx.payload.findGlobal({ slug: 'brand', depth: 0 })
  if (brand.coatOfArms === null || brand.coatOfArms === undefined) {
    await ctx.payload.updateGlobal({
      slug: 'brand',
      data: {
        organisationName: 'Modum kommune',
        coatOfArms,
        colours: { primary: '#00507d', text: '#1a1a1a', background: '#ffffff', accent: '#f2b705' },
        typeface: 'Source Sans 3',
      },
    })
  }
  return coatOfArms
}
