import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  latestPerTarget,
  type DeliveryRow,
} from '../../collections/Deliveries/components/deliveryRows'
import { facebookAdapter } from '../../channels/facebook'
import { createRegistry } from '../../channels/registry'
import { slackAdapter } from '../../channels/slack'
import { fixedClock, setClock } from '../../src/clock'
import { setActiveRegistry } from '../../src/outbox/activeRegistry'
import { type GraphApi, startGraphApi } from '../fakes/graph-api'
import { type SlackApi, startSlackApi } from '../fakes/slack-api'
import { type Caller, createApi, loginCaller } from '../helpers/api'
import { dispatchUntilIdle } from '../helpers/ledgerTools'
import { newsPublisher } from '../helpers/newsPublisher'
import { startTestHub, type TestHub } from '../helpers/testHub'

let hub: TestHub
let graph: GraphApi
let slack: SlackApi
let staff: Caller
let api: ReturnType<typeof createApi>
let publish: ReturnType<typeof newsPublisher>
const clock = fixedClock(new Date())
let restoreClock: () => void

const registry = () =>
  createRegistry(
    [
      facebookAdapter({
        config: {
          FACEBOOK_PAGE_ID: graph.pageId,
          FACEBOOK_PAGE_TOKEN: graph.token,
          FACEBOOK_GRAPH_URL: graph.url,
        },
        timeoutMs: 2000,
      }),
      slackAdapter({ config: slack.config(), timeoutMs: 2000 }),
    ],
    {},
  )

async function dispatchAll(): Promise<void> {
  clock.set(new Date(clock.now().getTime() + 60_000))
  await dispatchUntilIdle({
    payload: hub.payload,
    registry: registry(),
    now: () => clock.now(),
    worker: 'test',
    random: () => 0.5,
  })
}

/** What the Distribution panel shows as links: its own REST query, its own row logic. */
async function panelLinks(uid: string): Promise<Record<string, string | undefined>> {
  const query = new URLSearchParams({
    'where[itemUid][equals]': uid,
    sort: '-id',
    limit: '200',
    depth: '0',
  })
  const res = await api.rest<{ docs: DeliveryRow[] }>('GET', `/deliveries?${query}`, staff)
  expect(res.status).toBe(200)
  return Object.fromEntries(latestPerTarget(res.body.docs).map((r) => [r.channel, r.copyUrl]))
}

beforeAll(async () => {
  hub = await startTestHub()
  restoreClock = setClock(clock)
  graph = await startGraphApi()
  slack = await startSlackApi()
  setActiveRegistry(registry())
  const department = await hub.payload.create({
    collection: 'departments',
    data: { name: 'Kommunikasjon', kind: 'etat' },
  })
  await hub.payload.create({
    collection: 'users',
    data: {
      email: 'redaktor@example.com',
      password: 'Test-passord-1234',
      name: 'Redaktør',
      role: 'communications',
    } as never,
  })
  api = createApi(hub.payload)
  staff = await loginCaller(api, 'redaktor@example.com', 'Test-passord-1234')
  publish = newsPublisher(hub.payload, department.id, 'Vannet er tilbake i Åmot')
})

afterAll(async () => {
  setActiveRegistry(undefined)
  await graph?.close()
  await slack?.close()
  restoreClock?.()
  await hub?.cleanup()
})

describe('the Distribution panel links, through one item published, edited and retracted', () => {
  let uid: string
  let id: number
  let expected: Record<string, string>

  it('should link the Facebook post and the Slack message the publication made', async () => {
    const doc = await publish({ channels: ['facebook', 'slack'] })
    uid = doc.uid as string
    id = doc.id
    await dispatchAll()
    const [post] = graph.posts
    const [message] = slack.posts()
    expected = {
      facebook: `https://www.facebook.com/${post?.id}`,
      slack: `https://modum-kommune.slack.com/archives/C0NYHETER1/p${message?.ts.replace('.', '')}`,
    }
    expect(await panelLinks(uid)).toEqual(expected)
  })

  it('should keep linking the same post and message once the update edited them', async () => {
    await hub.payload.update({ collection: 'news', id, data: { title: 'Vannet er tilbake' } })
    await dispatchAll()
    expect(graph.posts).toHaveLength(1)
    expect(slack.posts().map((m) => m.edits)).toEqual([1])
    expect(await panelLinks(uid)).toEqual(expected)
  })

  it('should link neither once the retraction deleted them', async () => {
    await hub.payload.update({ collection: 'news', id, data: { _status: 'draft' } })
    await dispatchAll()
    expect(graph.livePosts()).toEqual([])
    expect(slack.posts().map((m) => m.deleted)).toEqual([true])
    expect(await panelLinks(uid)).toEqual({ facebook: undefined, slack: undefined })
  })
})
