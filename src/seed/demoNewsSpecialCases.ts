import type { SeedRefs } from './SeedContext'
import { itemSeed, type ItemSeed } from './itemSeed'
import { osloTimeInDays } from './osloTimeInDays'

const DAY_MS = 24 * 60 * 60 * 1000

/** The items that exercise the rules: embargo, scheduled publishing, a draft and an expired item. */
export function demoNewsSpecialCases(refs: SeedRefs, now: Date): ItemSeed<'news'>[] {
  const after = (days: number): string => new Date(now.getTime() + days * DAY_MS).toISOString()
  const { departments: d, categories: c, media: m, users: u } = refs
  return [
    itemSeed('news', {
      slug: 'modum-planlegger-ny-barneskole',
      type: 'press-release',
      title: 'Modum planlegger ny barneskole',
      lead: 'Kommunedirektøren foreslår å bygge en ny barneskole som skal erstatte to eldre skolebygg. Forslaget legges fram for kommunestyret i neste møte.',
      paragraphs: [
        'Det blir flere elever i Modum, og to av barneskolene trenger store oppussinger. Kommunedirektøren mener det er bedre for både elevene og økonomien å bygge én ny skole.',
        'Den nye skolen skal ha plass til 450 elever. Gymsal, bibliotek og skolekjøkken skal være åpne for lag og foreninger på kveldstid.',
        'Før kommunestyret behandler saken, inviterer vi alle til folkemøte. Der kan du stille spørsmål og si hva du mener. Tid og sted kommer snart.',
      ],
      contact: {
        name: 'Ingrid Haugen',
        title: 'Etatsleder oppvekst',
        phone: '+47 400 00 001',
        email: 'etatsleder.oppvekst@example.com',
      },
      image: m.school,
      department: d.oppvekst,
      category: c.skole,
      spokesperson: u.leader,
      channels: ['website', 'facebook', 'feeds'],
      embargoUntil: after(3),
    }),
    itemSeed('news', {
      slug: 'apen-dag-pa-renseanlegget',
      type: 'news',
      title: 'Åpen dag på renseanlegget',
      lead: 'Har du lurt på hva som skjer med vannet etter at du har skylt ned? Kom på åpen dag på renseanlegget, og se hvordan vi renser avløpsvannet.',
      paragraphs: [
        'Ansatte i Vann og avløp viser deg rundt og forteller hvordan avløpsvannet blir renset før det slippes ut i elva. Omvisningene tar omtrent en halv time.',
        'Åpen dag passer for hele familien. Vi serverer kaffe, saft og boller. Du trenger ikke melde deg på.',
      ],
      image: m.water,
      department: d.vannAvlop,
      category: c.vann,
      channels: ['website', 'facebook', 'feeds', 'signage'],
      variants: { signageHeadline: 'Åpen dag på renseanlegget – velkommen!' },
      publishAt: after(7),
    }),
    itemSeed('news', {
      slug: 'nye-apningstider-pa-servicetorget',
      type: 'news',
      draft: true,
      title: 'Nye åpningstider på servicetorget',
      lead: 'Fra neste måned åpner servicetorget på rådhuset en time tidligere på torsdager, slik at flere kan komme innom før jobb.',
      paragraphs: [
        'Servicetorget hjelper deg med søknader, skjemaer og spørsmål om kommunens tjenester. Mange har spurt om å kunne komme tidligere, og det har vi lyttet til.',
        'Du kan fortsatt ringe oss eller sende e-post hvis det passer bedre. Vi svarer så raskt vi kan.',
      ],
      department: d.kommunikasjon,
      channels: ['website', 'feeds', 'signage'],
    }),
    itemSeed('news', {
      slug: 'gang-og-sykkelvei-ved-amot-stengt',
      type: 'news',
      title: 'Gang- og sykkelveien ved Åmot er midlertidig stengt',
      lead: 'Gang- og sykkelveien langs elva ved Åmot er stengt mens vi skifter ut en stikkrenne. Bruk omkjøringen som er skiltet.',
      paragraphs: [
        'Vi skifter ut en gammel stikkrenne under gang- og sykkelveien. Det gjør vi for at veien ikke skal bli skadet av flom.',
        'Omkjøringen går langs fylkesveien og er merket med skilt. Vi ber syklister ta hensyn til gående på fortauet.',
      ],
      image: m.road,
      department: d.veiPark,
      category: c.vei,
      channels: ['website', 'feeds', 'signage'],
      publishAt: osloTimeInDays(now, -40, '09:00').toISOString(),
      expiresAt: after(-5),
    }),
  ]
}
