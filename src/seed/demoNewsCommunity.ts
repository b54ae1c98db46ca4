import type { SeedRefs } from './SeedContext'
import { itemSeed, type ItemSeed } from './itemSeed'
import { osloTimeInDays } from './osloTimeInDays'

const PRESS_PHONE = '+47 400 00 000'

/** Published news on culture, politics and jobs, a press release and the one internal item. */
export function demoNewsCommunity(refs: SeedRefs, now: Date): ItemSeed<'news'>[] {
  const daysAgo = (days: number, time: string): string =>
    osloTimeInDays(now, -days, time).toISOString()
  const { departments: d, categories: c, media: m, users: u } = refs
  return [
    itemSeed('news', {
      slug: 'sommerles-pa-modum-bibliotek',
      type: 'news',
      title: 'Sommerles er i gang på Modum bibliotek',
      lead: 'Alle barn fra 1. til 7. trinn kan være med på Sommerles. Jo mer du leser, jo flere premier kan du vinne.',
      paragraphs: [
        'Sommerles er en lesekampanje for barn i hele landet. Du registrerer bøkene du leser, og får poeng som du kan bytte i premier på biblioteket.',
        'Du trenger bare lånekort for å være med. Har du ikke lånekort, får du det gratis i skranken. Ta med en voksen hvis du er under 15 år.',
        'Vi har fylt opp hyllene med nye bøker til sommeren. Spør oss gjerne om tips – vi hjelper deg å finne noe du liker.',
      ],
      image: m.library,
      department: d.bibliotek,
      category: c.kultur,
      channels: ['website', 'facebook', 'feeds', 'signage'],
      variants: {
        facebookText:
          'Sommerles er i gang! Alle barn fra 1. til 7. trinn kan være med. Les bøker, samle poeng og hent premier på Modum bibliotek. Du trenger bare et lånekort – og det er gratis.',
        signageHeadline: 'Bli med på Sommerles på biblioteket!',
      },
      publishAt: daysAgo(4, '09:00'),
    }),
    itemSeed('news', {
      slug: 'kulturskolen-apner-for-pamelding',
      type: 'news',
      title: 'Kulturskolen åpner for påmelding',
      lead: 'Vil barnet ditt lære å spille, synge, danse eller male? Nå kan du søke plass i Kulturskolen for neste skoleår.',
      paragraphs: [
        'Kulturskolen har tilbud innen musikk, dans, teater og visuell kunst. Undervisningen er på ettermiddagen, og vi har tilbud både i Vikersund og på Geithus.',
        'Søknadsfristen er 1. mai. Du søker på kommunens nettside. Er du usikker på hvilket tilbud som passer, er du velkommen til å ringe oss.',
        'Familier med lav inntekt kan søke om lavere pris. Ingen skal måtte takke nei til kulturskolen på grunn av økonomi.',
      ],
      department: d.kulturskolen,
      category: c.kultur,
      channels: ['website', 'facebook', 'feeds'],
      publishAt: daysAgo(6, '14:00'),
    }),
    itemSeed('news', {
      slug: 'kommunestyret-har-vedtatt-budsjettet',
      type: 'press-release',
      title: 'Kommunestyret har vedtatt budsjettet for neste år',
      lead: 'Kommunestyret i Modum vedtok budsjettet for neste år i går kveld. Budsjettet prioriterer skole, eldreomsorg og vedlikehold av vann og vei.',
      paragraphs: [
        'Budsjettet gir penger til to nye lærerstillinger, flere plasser med heldøgns omsorg og et løft for vedlikeholdet av kommunale veier.',
        'Kommunen har fått høyere utgifter, blant annet til strøm og renter. Derfor har kommunestyret også vedtatt innsparinger i administrasjonen.',
        'Hele budsjettet og saksframlegget finner du på kommunens nettside. Du kan også se opptak av kommunestyremøtet.',
      ],
      contact: {
        name: 'Marte Lunde',
        title: 'Kommunikasjonsrådgiver',
        phone: PRESS_PHONE,
        email: 'kommunikasjon@example.com',
      },
      department: d.sentral,
      category: c.politikk,
      spokesperson: u.communications,
      channels: ['website', 'facebook', 'feeds'],
      publishAt: daysAgo(1, '10:00'),
    }),
    itemSeed('news', {
      slug: 'sommerjobb-for-ungdom',
      type: 'news',
      title: 'Sommerjobb for ungdom – søk nå',
      lead: 'Er du mellom 15 og 18 år og bor i Modum? Da kan du søke sommerjobb i kommunen. Vi har plasser i parkene, på biblioteket og i omsorgstjenesten.',
      paragraphs: [
        'Sommerjobben varer i tre uker, og du får lønn. Du får en fast kontaktperson som lærer deg opp og følger deg gjennom hele perioden.',
        'Søknadsfristen er 15. april. Skriv litt om deg selv og hva du har lyst til å jobbe med. Du trenger ingen erfaring.',
        'Vi vil at flere unge skal bli kjent med de mange yrkene i kommunen. Kanskje blir dette starten på en jobb hos oss senere?',
      ],
      image: m.landscape,
      department: d.sentral,
      category: c.jobb,
      channels: ['website', 'facebook', 'feeds', 'signage'],
      variants: {
        facebookText:
          'Er du mellom 15 og 18 år? Søk sommerjobb i Modum kommune! Du kan jobbe i parkene, på biblioteket eller i omsorgstjenesten. Du trenger ingen erfaring – bare lyst til å lære. Søknadsfrist 15. april.',
        signageHeadline: 'Sommerjobb for ungdom – søk innen 15. april',
        portalSummary:
          'Kjenner du en ungdom som vil ha sommerjobb? Tips dem om å søke innen 15. april.',
      },
      publishAt: daysAgo(7, '11:00'),
    }),
    itemSeed('news', {
      slug: 'ny-forside-i-ansattportalen',
      type: 'news',
      audience: 'internal',
      title: 'Ansattportalen har fått ny forside',
      lead: 'Nå finner du interne nyheter, vaktlister og skjemaer på ett sted – også på mobilen.',
      paragraphs: [
        'Ansattportalen er stedet der alle ansatte i Modum kommune finner interne nyheter og informasjon. Den nye forsiden samler det du trenger mest, og den fungerer like godt på mobilen som på PC-en.',
        'Portalen er åpen for alle ansatte, uten passord. Legg den gjerne til som bokmerke på telefonen.',
        'Savner du noe, eller finner du feil? Si fra til oss i Kommunikasjon, så retter vi det.',
      ],
      department: d.kommunikasjon,
      // Internal: the staff-room screen shows it, the lobby never does.
      channels: ['portal', 'slack', 'signage'],
      spokesperson: u.communications,
      variants: {
        signageHeadline: 'Ny forside i ansattportalen',
        portalSummary:
          'Ansattportalen har fått ny forside med nyheter, vaktlister og skjemaer – også på mobilen.',
      },
      publishAt: daysAgo(2, '07:45'),
    }),
  ]
}
