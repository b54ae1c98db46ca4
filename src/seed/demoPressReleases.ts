import type { SeedRefs } from './SeedContext'
import { itemSeed, type ItemSeed } from './itemSeed'
import { osloTimeInDays } from './osloTimeInDays'

/**
 * Press releases for the press room, each with the person journalists should call. Written as
 * the strategy asks: plain, friendly and factual, what happens and what it means for people.
 * One has expired, so the demo shows that it leaves the press room.
 */
export function demoPressReleases(refs: SeedRefs, now: Date): ItemSeed<'news'>[] {
  const daysAgo = (days: number, time: string): string =>
    osloTimeInDays(now, -days, time).toISOString()
  const { departments: d, categories: c, media: m, users: u } = refs
  return [
    itemSeed('news', {
      slug: 'vikersund-bru-stenges-for-reparasjon',
      type: 'press-release',
      title: 'Vikersund bru stenges i to uker for reparasjon',
      lead: 'Vikersund bru blir stengt for biler fra 2. juni i to uker mens vi skifter brudekke og rekkverk. Gående og syklende kommer over hele tiden.',
      paragraphs: [
        'Brua er over 50 år gammel, og en inspeksjon i vinter viste at brudekket må skiftes. Vi gjør jobben før sommerferien, når det er minst trafikk.',
        'Omkjøringen går via Geithus og er skiltet. Bussene kjører omkjøringen og bruker om lag ti minutter lenger. Utrykningskjøretøy kommer over brua hele tiden.',
        'Vi ber om forståelse for ulempene, og takker alle som tar hensyn til dem som jobber på brua.',
      ],
      contact: {
        name: 'Per Olav Berg',
        title: 'Etatsleder teknisk',
        phone: '+47 400 00 002',
        email: 'etatsleder.teknisk@example.com',
      },
      image: m.road,
      department: d.veiPark,
      category: c.vei,
      spokesperson: u.leader,
      channels: ['website', 'facebook', 'feeds', 'signage'],
      publishAt: daysAgo(3, '12:00'),
    }),
    itemSeed('news', {
      slug: 'rekordmange-lanere-pa-biblioteket',
      type: 'press-release',
      title: 'Rekordmange lånere på Modum bibliotek',
      lead: 'Modum bibliotek hadde over 100 000 besøk i fjor – flere enn noen gang. Det er særlig barnefamilier og ungdom som bruker biblioteket mer.',
      paragraphs: [
        'Biblioteket har hatt meråpent i to år. Det betyr at du kan låne og lese fra sju om morgenen til ti om kvelden, også når det ikke er ansatte på jobb.',
        'Lørdagsarrangementene for barn har vært fulle nesten hver gang, og leksehjelpen på kveldstid er populær blant ungdomsskoleelevene.',
        'Vi vil gjerne vise fram biblioteket. Pressen er velkommen til å komme på besøk – ring kontaktpersonen, så avtaler vi tid.',
      ],
      contact: {
        name: 'Kari Nilsen',
        title: 'Biblioteksjef',
        phone: '+47 400 00 003',
        email: 'bibliotek@example.com',
      },
      image: m.library,
      department: d.bibliotek,
      category: c.kultur,
      channels: ['website', 'facebook', 'feeds'],
      publishAt: daysAgo(9, '09:30'),
    }),
    itemSeed('news', {
      slug: 'horing-om-ny-parkeringsordning-er-avsluttet',
      type: 'press-release',
      title: 'Høring om ny parkeringsordning i sentrum',
      lead: 'Kommunen ber om innspill til en ny parkeringsordning i Vikersund sentrum. Høringsfristen er gått ut, og pressemeldingen er ikke lenger aktuell.',
      paragraphs: [
        'Forslaget gir to timer gratis parkering på de sentrale plassene og flere plasser for bildeling og elbillading.',
      ],
      contact: {
        name: 'Marte Lunde',
        title: 'Kommunikasjonsrådgiver',
        phone: '+47 400 00 000',
        email: 'kommunikasjon@example.com',
      },
      department: d.teknisk,
      category: c.vei,
      channels: ['website', 'feeds'],
      publishAt: daysAgo(40, '10:00'),
      expiresAt: daysAgo(10, '23:59'),
    }),
  ]
}
