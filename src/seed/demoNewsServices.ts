import type { SeedRefs } from './SeedContext'
import { itemSeed, type ItemSeed } from './itemSeed'
import { osloTimeInDays } from './osloTimeInDays'

/** Published news from schools, kindergartens, health care and technical services. */
export function demoNewsServices(refs: SeedRefs, now: Date): ItemSeed<'news'>[] {
  const daysAgo = (days: number, time: string): string =>
    osloTimeInDays(now, -days, time).toISOString()
  const { departments: d, categories: c, media: m, users: u } = refs
  return [
    itemSeed('news', {
      slug: 'ny-skolegard-pa-vikersund-skole',
      type: 'news',
      title: 'Ny skolegård på Vikersund skole er klar',
      lead: 'Elevene på Vikersund skole har fått en ny og tryggere skolegård med plass til lek, ballspill og rolige kroker. Skolegården er åpen for alle etter skoletid.',
      paragraphs: [
        'Etter et halvt år med arbeid er den nye skolegården ferdig. Elevene har selv vært med og bestemt hva som skulle være der. Resultatet er en ballbinge, et klatrestativ, en sandkasse for de yngste og flere benker i le for vinden.',
        'Vi har også skilt tydeligere mellom skolegården og parkeringsplassen. Kjører du barna til skolen, bruker du nå den nye avleveringssonen ved gymsalen. Da slipper elevene å gå mellom bilene.',
        'Skolegården er åpen for alle utenom skoletid. Vi ber om at dere tar godt vare på den, og at dere sier fra til skolen hvis noe er ødelagt.',
      ],
      image: m.school,
      department: d.vikersundSkole,
      category: c.skole,
      spokesperson: u.leader,
      channels: ['website', 'facebook', 'feeds', 'signage'],
      variants: {
        facebookText:
          'Nå er den nye skolegården på Vikersund skole klar! Elevene har selv vært med og bestemt hva som skulle være der – og de har valgt godt. Skolegården er åpen for alle etter skoletid. Ta godt vare på den!',
        signageHeadline: 'Ny skolegård på Vikersund skole',
        portalSummary:
          'Den nye skolegården på Vikersund skole er ferdig og åpen for alle etter skoletid.',
      },
      publishAt: daysAgo(2, '09:00'),
    }),
    itemSeed('news', {
      slug: 'flere-barnehageplasser-i-geithus',
      type: 'news',
      title: 'Flere barnehageplasser i Geithus fra august',
      lead: 'Geithus barnehage får en ny avdeling og kan ta imot 18 flere barn fra august. Søknadsfristen for hovedopptaket er 1. mars.',
      paragraphs: [
        'Mange småbarnsfamilier har flyttet til Geithus de siste årene, og behovet for barnehageplasser øker. Derfor bygger vi om den gamle personalfløyen til en ny avdeling for barn mellom ett og tre år.',
        'Du søker barnehageplass på kommunens nettside. Har du allerede plass, men ønsker å bytte til Geithus barnehage, søker du på samme måte.',
        'Lurer du på noe? Ring barnehagen eller servicetorget, så hjelper vi deg.',
      ],
      department: d.geithusBarnehage,
      category: c.skole,
      channels: ['website', 'facebook', 'feeds'],
      publishAt: daysAgo(5, '08:30'),
    }),
    itemSeed('news', {
      slug: 'hjemmetjenesten-kjorer-elektrisk',
      type: 'news',
      title: 'Hjemmetjenesten kjører nå elektrisk',
      lead: 'Alle bilene i hjemmetjenesten er byttet ut med elbiler. Det gir renere luft og lavere utgifter – og de samme besøkene som før.',
      paragraphs: [
        'Hjemmetjenesten kjører mange mil hver dag for å besøke innbyggere i hele Modum. Nå gjør de det med 22 nye elbiler.',
        'For deg som får besøk, blir alt som før. Bilene er merket med kommunevåpenet, så du lett kan se at det er oss som kommer.',
        'Vi har satt opp ladere ved Modum helsetun, slik at bilene står klare til hver vakt.',
      ],
      department: d.hjemmetjenesten,
      category: c.helse,
      channels: ['website', 'facebook', 'feeds', 'signage'],
      variants: { signageHeadline: 'Hjemmetjenesten kjører elektrisk' },
      publishAt: daysAgo(8, '10:00'),
    }),
    itemSeed('news', {
      slug: 'na-kan-du-ta-vaksine-mot-influensa',
      type: 'news',
      audience: 'both',
      title: 'Nå kan du ta vaksine mot influensa',
      lead: 'Er du over 65 år, eller har du en kronisk sykdom? Da anbefaler vi deg å ta vaksine mot influensa. Ansatte i helse og omsorg får vaksinen på jobb.',
      paragraphs: [
        'Influensavaksinen beskytter deg mot å bli alvorlig syk, og den gjør det mindre sannsynlig at du smitter andre. Vaksinen er gratis for deg som er i en risikogruppe.',
        'Du trenger ikke bestille time. Kom på vaksinasjonsdagene på Modum helsetun, og ta med legitimasjon.',
        'Til deg som er ansatt: Alle som jobber med pasienter og brukere, får vaksinen på jobb. Lederen din sender ut tidspunkter for arbeidsplassen din.',
      ],
      department: d.helse,
      category: c.helse,
      channels: ['website', 'facebook', 'portal', 'slack', 'feeds', 'signage'],
      variants: {
        facebookText:
          'Influensasesongen nærmer seg. Er du over 65 år eller har en kronisk sykdom, anbefaler vi deg å ta vaksine. Du trenger ikke bestille time – kom på vaksinasjonsdagene på Modum helsetun.',
        signageHeadline: 'Ta vaksine mot influensa',
        portalSummary:
          'Ansatte med pasient- og brukerkontakt får influensavaksine på jobb. Lederen din sender ut tidspunkter.',
      },
      publishAt: daysAgo(1, '08:00'),
    }),
    itemSeed('news', {
      slug: 'ny-asfalt-i-vikersund-sentrum',
      type: 'news',
      title: 'Vi legger ny asfalt i Vikersund sentrum',
      lead: 'Fra mandag legger vi ny asfalt i flere gater i Vikersund sentrum. Arbeidet tar omtrent to uker, og du må regne med litt kø og omkjøring.',
      paragraphs: [
        'Vi starter i hovedgata og fortsetter deretter i sidegatene. Vi jobber mellom klokka 07 og 17 på hverdager.',
        'Bussene går som vanlig, men noen holdeplasser kan bli flyttet noen meter i korte perioder. Følg skiltene på stedet.',
        'Vi beklager ulempene og takker for tålmodigheten. Har du spørsmål, kan du ta kontakt med Vei og park.',
      ],
      image: m.road,
      department: d.veiPark,
      category: c.vei,
      channels: ['website', 'facebook', 'feeds', 'signage'],
      variants: {
        facebookText:
          'Fra mandag legger vi ny asfalt i Vikersund sentrum. Arbeidet tar omtrent to uker. Regn med litt kø, og følg skiltene på stedet. Takk for tålmodigheten!',
        signageHeadline: 'Ny asfalt i Vikersund sentrum – regn med kø',
        portalSummary:
          'Asfaltarbeid i Vikersund sentrum de neste to ukene. Beregn litt ekstra tid til og fra jobb.',
      },
      publishAt: daysAgo(3, '12:00'),
    }),
    itemSeed('news', {
      slug: 'nye-vannledninger-i-geithus',
      type: 'news',
      title: 'Nye vannledninger skal gi tryggere vann i Geithus',
      lead: 'Vi bytter ut gamle vannledninger i Geithus. Det gir færre lekkasjer og tryggere drikkevann i mange år framover.',
      paragraphs: [
        'Mange av vannledningene i Geithus er mer enn 60 år gamle. Gamle ledninger lekker, og når de sprekker, kan du miste vannet.',
        'Vi gjør arbeidet i etapper gjennom sommeren og høsten. Når vi må stenge vannet, varsler vi dem det gjelder på SMS og i driftsmeldinger på nettsiden.',
        'Får du ikke varsler fra oss i dag? Du kan melde deg på varsling på SMS på kommunens nettside.',
        'Har du spørsmål om arbeidet i gata di, er du velkommen til å ringe Vann og avløp.',
      ],
      image: m.water,
      department: d.vannAvlop,
      category: c.vann,
      channels: ['website', 'facebook', 'feeds'],
      publishAt: daysAgo(12, '09:30'),
    }),
  ]
}
