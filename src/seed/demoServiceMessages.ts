import type { SeedRefs } from './SeedContext'
import { itemSeed, type ItemSeed } from './itemSeed'
import { osloTimeInDays } from './osloTimeInDays'

const DAY_MS = 24 * 60 * 60 * 1000

const WEEKDAY_AND_DATE = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
})

/** One live notice: a planned water shut-off in Geithus tomorrow, gone from every channel in two days. */
export function demoServiceMessages(refs: SeedRefs, now: Date): ItemSeed<'service-messages'>[] {
  const { departments: d, categories: c } = refs
  const day = WEEKDAY_AND_DATE.format(osloTimeInDays(now, 1, '09:00'))
  return [
    itemSeed('service-messages', {
      slug: 'planlagt-vannstans-i-geithus',
      title: 'Planlagt stans i vannforsyningen i Geithus',
      lead: `Vannet blir stengt i deler av Geithus ${day} fra klokka 09 til 14, fordi vi kobler til en ny vannledning.`,
      paragraphs: [
        'Stansen gjelder husstander og bedrifter i området rundt Geithus sentrum. De som blir berørt, får også varsel på SMS.',
        'Fyll gjerne vann på flasker eller kanner før vi stenger. Når vannet kommer tilbake, kan det være litt misfarget. La springen renne til vannet er klart.',
        'Har du spørsmål, kan du ringe Vann og avløp. Ved akutt behov for vann kan du ringe vakttelefonen.',
      ],
      area: 'Geithus',
      severity: 'warning',
      department: d.vannAvlop,
      category: c.vann,
      channels: ['website', 'facebook', 'feeds', 'signage'],
      variants: {
        facebookText: `Planlagt vannstans i deler av Geithus ${day} kl. 09–14. Fyll gjerne vann på flasker før vi stenger. Berørte får også varsel på SMS.`,
        signageHeadline: 'Vannet stenges i Geithus kl. 09–14',
      },
      expiresAt: new Date(now.getTime() + 2 * DAY_MS).toISOString(),
    }),
  ]
}
