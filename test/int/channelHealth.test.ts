import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { facebookAdapter } from '../../channels/facebook'
import { createRegistry, type ChannelRegistry } from '../../channels/registry'
import { sandboxAdapter } from '../../channels/sandbox/sandboxAdapter'
import { slackAdapter } from '../../channels/slack'
import { loadEndpointsFromPayload, websiteAdapter } from '../../channels/website'
import { fixedClock, setClock } from '../../src/clock'
import { setActiveRegistry } from '../../src/outbox/activeRegistry'
import { createDispatcher, type Dispatcher } from '../../src/outbox/createDispatcher'
import { setHealthService } from '../../src/health/activeHealth'
import type { ChannelHealthRow } from '../../src/health/channelHealthReport'
import { createHealthMonitor, type HealthMonitor } from '../../src/health/createHealthMonitor'
import { createHealthService } from '../../src/health/createHealthService'
import { startScheduler } from '../../src/scheduler'
import { type GraphApi, startGraphApi } from '../fakes/graph-api'
import { type SlackApi, startSlackApi } from '../fakes/slack-api'
import { type Caller, createApi, loginCaller } from '../helpers/api'
import { newsPublisher } from '../helpers/newsPublisher'
import { startTestHub, type TestHub } from '../helpers/testHub'

let hub: TestHub
let graph: GraphApi
let slack: SlackApi
let registry: ChannelRegistry
let publish: ReturnType<typeof newsPublisher>
const clock = fixedClock('2026-12-01T09:00:00.000Z')
let restoreClock: () => void
const ALERT_CHANNEL = 'C0VARSLER1'

function monitor(): HealthMonitor {
  return createHealthMonitor({
    payload: hub.payload,
    registry,
    now: () => clock.now(),
    alertConfig: slack.config(),
    timeoutMs: 2000,
  })
}

/** Alerts the fake Slack workspace was asked to post in the alert channel, answered or not. */
function alerts(): string[] {
  return slack
    .calls('chat.postMessage')
    .filter((c) => c.params.channel === ALERT_CHANNEL)
    .map((c) => String(c.params.text))
}

async function checks() {
  const { docs } = await hub.payload.find({
    collection: 'channel-checks',
    sort: 'id',
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return docs.map((d) => ({ channel: d.channel, status: d.status, since: d.since }))
}

function advance(ms: number): void {
  clock.set(new Date(clock.now().getTime() + ms))
}

beforeAll(async () => {
  hub = await startTestHub()
  restoreClock = setClock(clock)
  const department = await hub.payload.create({
    collection: 'departments',
    data: { name: 'Kommunikasjon', kind: 'etat' },
  })
  publish = newsPublisher(hub.payload, department.id, 'Brøyting i Vikersund')
})

beforeEach(async () => {
  clock.set('2026-12-01T09:00:00.000Z')
  graph = await startGraphApi()
  slack = await startSlackApi()
  registry = createRegistry(
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
  setActiveRegistry(registry)
})

afterEach(async () => {
  setActiveRegistry(undefined)
  await graph.close()
  await slack.close()
  await hub.payload.delete({
    collection: 'channel-checks',
    where: { id: { exists: true } },
    overrideAccess: true,
  })
})

afterAll(async () => {
  restoreClock?.()
  await hub?.cleanup()
})

describe('channel health checks', () => {
  it('should record both channels as working when their tokens work', async () => {
    await monitor().check()
    expect(await checks()).toEqual(
      [
        expect.objectContaining({ channel: 'facebook', status: 'ok' }),
        expect.objectContaining({ channel: 'slack', status: 'ok' }),
      ].sort(() => 0),
    )
    expect(alerts()).toEqual([])
  })

  it('should alert the editors once when the Facebook token expires, not at every check', async () => {
    await monitor().check()
    graph.configure({ mode: 'expiredToken' })
    advance(60_000)
    await monitor().check(['facebook'])
    advance(15 * 60_000)
    await monitor().check(['facebook'])
    const facebook = (await checks()).filter((c) => c.channel === 'facebook')
    expect(facebook.map((c) => c.status)).toEqual(['ok', 'down'])
    expect(alerts()).toEqual([
      'Kanalen Facebook-siden feilet helsesjekken: Facebook avviser tokenet (utløpt eller trukket tilbake). Lag et nytt sidetoken og sett FACEBOOK_PAGE_TOKEN.',
    ])
  })

  it('should count a failing channel as working again once its token works, and alert anew when it fails again', async () => {
    graph.configure({ mode: 'expiredToken' })
    await monitor().check(['facebook'])
    graph.configure({ mode: 'normal' })
    advance(60_000)
    await monitor().check(['facebook'])
    expect((await checks()).map((c) => c.status)).toEqual(['down', 'ok'])
    expect(alerts()).toHaveLength(1)
    graph.configure({ mode: 'expiredToken' })
    advance(60_000)
    await monitor().check(['facebook'])
    expect((await checks()).map((c) => c.status)).toEqual(['down', 'ok', 'down'])
    expect(alerts()).toHaveLength(2)
  })

  it('should alert once when several processes see the token fail at the same moment', async () => {
    graph.configure({ mode: 'expiredToken' })
    await Promise.all([monitor().check(['facebook']), monitor().check(['facebook'])])
    await monitor().check(['facebook'])
    expect((await checks()).map((c) => c.status)).toEqual(['down'])
    expect(alerts()).toHaveLength(1)
  })

  it('should try the alert once when Slack itself refuses the token, and record Slack as down', async () => {
    slack.setMode('invalid-auth')
    await monitor().check(['slack'])
    await monitor().check(['slack'])
    expect((await checks()).map((c) => [c.channel, c.status])).toEqual([['slack', 'down']])
    expect(alerts()).toHaveLength(1)
    expect(slack.calls('chat.postMessage').map((c) => c.error)).toEqual(['invalid_auth'])
  })

  it('should check again only once the interval has passed, whichever monitor checked last', async () => {
    const first = monitor()
    await first.periodic()
    const calls = graph.requests.length
    advance(10 * 60_000)
    await monitor().periodic()
    expect(graph.requests.length).toBe(calls)
    advance(6 * 60_000)
    await first.periodic()
    expect(graph.requests.length).toBeGreaterThan(calls)
  })
})

describe('health before a scheduled send', () => {
  let dispatcher: Dispatcher

  afterEach(async () => {
    await dispatcher?.stop()
  })

  it('should check Facebook before the scheduler sends a scheduled item, and alert when the token has expired', async () => {
    dispatcher = createDispatcher({
      payload: hub.payload,
      registry,
      now: () => clock.now(),
      worker: 'test',
    })
    const scheduler = startScheduler({
      payload: hub.payload,
      registry,
      dispatcher,
      now: () => clock.now(),
      expression: 'manual',
      health: createHealthMonitor({
        payload: hub.payload,
        registry,
        now: () => clock.now(),
        alertConfig: slack.config(),
        timeoutMs: 2000,
        // The periodic check stays out of the way: only the scheduled send checks.
        intervalMs: 24 * 60 * 60_000,
      }),
    })
    await scheduler.tick()
    await dispatcher.idle()
    const before = graph.requests.length
    await publish({ channels: ['facebook'], publishAt: '2026-12-01T12:00:00.000Z' })
    graph.configure({ mode: 'expiredToken' })
    clock.set('2026-12-01T12:00:02.000Z')
    await scheduler.tick()
    await dispatcher.idle()
    await scheduler.stop()
    const sent = graph.requests.slice(before)
    // The health check (GET /me) comes first; then the delivery, which the token fails too.
    expect(sent[0]).toMatchObject({ method: 'GET', path: '/me' })
    const delivery = sent.filter((r) => r.params.fields?.includes('message'))
    expect(delivery.length).toBeGreaterThan(0)
    expect(alerts()).toHaveLength(1)
    expect((await checks()).filter((c) => c.channel === 'facebook').at(-1)?.status).toBe('down')
  })
})

describe('GET /api/channel-health', () => {
  let api: ReturnType<typeof createApi>
  let staff: Caller

  beforeAll(async () => {
    await hub.payload.create({
      collection: 'users',
      data: {
        email: 'kommunikasjon@example.com',
        password: 'Test-passord-1234',
        name: 'Kommunikasjon',
        role: 'communications',
      } as never,
    })
    api = createApi(hub.payload)
    staff = await loginCaller(api, 'kommunikasjon@example.com', 'Test-passord-1234')
  })

  beforeEach(() => {
    const all = createRegistry(
      [
        ...registry.all(),
        websiteAdapter({ loadEndpoints: loadEndpointsFromPayload(hub.payload) }),
        sandboxAdapter({ name: 'portal' }),
      ],
      {},
    )
    setHealthService(
      createHealthService({
        payload: hub.payload,
        registry: all,
        sandboxed: ['portal'],
        monitor: createHealthMonitor({
          payload: hub.payload,
          registry: all,
          now: () => clock.now(),
          alertConfig: slack.config(),
          timeoutMs: 2000,
        }),
      }),
    )
  })

  afterEach(() => {
    setHealthService(undefined)
  })

  const states = (rows: ChannelHealthRow[]) =>
    Object.fromEntries(rows.map((r) => [r.channel, r.state]))

  it('should refuse anyone but staff', async () => {
    const res = await api.rest('GET', '/channel-health')
    expect(res.status).toBe(403)
  })

  it('should refuse a refresh value it does not know, naming the field', async () => {
    const res = await api.rest<{ errors: { field?: string }[] }>(
      'GET',
      '/channel-health?refresh=ja',
      staff,
    )
    expect(res.status).toBe(400)
    expect(res.body.errors[0]?.field).toBe('refresh')
  })

  it('should say why a channel has no check: not checked yet, none, sandboxed, not configured', async () => {
    const res = await api.rest<{ channels: ChannelHealthRow[] }>('GET', '/channel-health', staff)
    expect(res.status).toBe(200)
    expect(states(res.body.channels)).toEqual({
      website: 'no-check',
      facebook: 'unchecked',
      portal: 'sandboxed',
      slack: 'unchecked',
      feeds: 'not-configured',
      signage: 'not-configured',
    })
    expect(graph.requests).toEqual([])
  })

  it('should check now with refresh=1 and show a refused token as down, with the reason in bokmål', async () => {
    graph.configure({ mode: 'expiredToken' })
    const res = await api.rest<{ channels: ChannelHealthRow[] }>(
      'GET',
      '/channel-health?refresh=1',
      staff,
    )
    expect(res.status).toBe(200)
    const facebook = res.body.channels.find((r) => r.channel === 'facebook')
    expect(facebook).toMatchObject({
      label: 'Facebook-siden',
      state: 'down',
      detail: expect.stringContaining('Facebook avviser tokenet') as string,
      checkedAt: clock.now().toISOString(),
      since: clock.now().toISOString(),
    })
    expect(states(res.body.channels).slack).toBe('ok')
    expect(alerts()).toHaveLength(1)
  })
})
