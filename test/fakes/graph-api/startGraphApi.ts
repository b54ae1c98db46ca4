import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { createPrng } from '../website-receiver/createPrng'
import { readBody } from '../website-receiver/readBody'
import { errors, type GraphAnswer, graphError, scriptedStatus } from './graphErrors'
import { parseGraphRequest, type ParsedGraphRequest } from './parseGraphRequest'
import { PostStore, subjectUrls } from './PostStore'
import { handleRoute, type RouteKind, routeKind } from './routes'
import type {
  FakePost,
  GraphApiOptions,
  GraphApiSettings,
  GraphFakeMode,
  GraphOperation,
  GraphRequestRecord,
  GraphScripted,
} from './types'
import { throttleHeaders, usageHeaders } from './usageHeaders'

export interface GraphApi {
  /** Base URL without a version, e.g. `http://127.0.0.1:43121`: set it as FACEBOOK_GRAPH_URL. */
  readonly url: string
  readonly pageId: string
  readonly token: string
  /** Every request, authenticated or not, in arrival order (live array). */
  readonly requests: readonly GraphRequestRecord[]
  /** Every post ever created, deleted ones included (live array). */
  readonly posts: readonly FakePost[]
  /** Creates, edits and deletes as the fake carried them out (created-then-500 included). */
  readonly operations: readonly GraphOperation[]
  /** Each time a post was created while a live post about the same URL existed. */
  readonly duplicates: readonly { url: string; postIds: string[] }[]
  /** URLs Facebook was asked to re-scrape, in order. */
  readonly scrapes: readonly string[]
  /** Scripted answers for the next authenticated requests: `script.push(…)`. */
  readonly script: GraphScripted[]
  livePosts(): FakePost[]
  /** Every post ever created about `url` (its link, or a URL in its message). */
  postsAbout(url: string): FakePost[]
  /** A post already on the Page, made outside the hub (by an editor, or an earlier run). */
  seedPost(post: { message: string; link?: string; createdTime?: Date }): FakePost
  configure(settings: GraphApiSettings): void
  close(): Promise<void>
}

const MODE_APPLIES: Record<Exclude<GraphFakeMode, 'normal'>, readonly RouteKind[]> = {
  createdThen500: ['create', 'edit', 'delete'],
  throttle: ['create', 'edit', 'delete', 'read', 'scrape', 'unknown'],
  expiredToken: ['create', 'edit', 'delete', 'read', 'scrape', 'unknown'],
  missingPermission: ['create', 'edit', 'delete'],
  duplicate: ['create'],
  timeout: ['create', 'edit', 'delete', 'read', 'scrape', 'unknown'],
}

/**
 * A fake Graph API for one Facebook Page over real HTTP on 127.0.0.1. See README.md for the
 * endpoints, modes and the documentation each behaviour follows.
 */
export async function startGraphApi(options: GraphApiOptions = {}): Promise<GraphApi> {
  const pageId = options.pageId ?? '104857600000001'
  const pageName = options.pageName ?? 'Modum kommune'
  const token = options.token ?? 'EAAfakePageToken0123456789abcdef'
  const now = options.now ?? (() => new Date())
  const settings: GraphApiSettings = { ...options }
  let random = createPrng(settings.seed ?? 1)
  let applied = 0
  const appliedTo = new Map<string, number>()
  const store = new PostStore(pageId, now)
  const requests: GraphRequestRecord[] = []
  const scrapes: string[] = []
  const script: GraphScripted[] = []
  let origin = ''

  const modeFor = (kind: RouteKind, req: ParsedGraphRequest): GraphFakeMode => {
    const mode = settings.mode ?? 'normal'
    if (mode === 'normal' || !MODE_APPLIES[mode].includes(kind)) return 'normal'
    if (settings.modeTimes !== undefined && applied >= settings.modeTimes) return 'normal'
    // One draw per eligible request, so the sequence depends only on the seed and the count.
    if (!(random() < (settings.modeRate ?? 1))) return 'normal'
    const object = objectOf(kind, req)
    const times = appliedTo.get(object) ?? 0
    if (settings.maxModePerObject !== undefined && times >= settings.maxModePerObject) {
      return 'normal'
    }
    appliedTo.set(object, times + 1)
    applied += 1
    return mode
  }

  const modeAnswer = (
    mode: Exclude<GraphFakeMode, 'normal'>,
    req: ParsedGraphRequest,
  ): GraphAnswer | null => {
    switch (mode) {
      case 'createdThen500': {
        handleRoute(req, { store, pageId, pageName, now, answeredOk: false, origin, scrapes })
        return errors.unexpected(500)
      }
      case 'throttle': {
        const t = settings.throttle ?? {}
        const code = t.code ?? 80001
        return errors.throttled(
          code,
          t.status ?? 400,
          throttleHeaders(pageId, t.regainMinutes ?? 5),
        )
      }
      case 'expiredToken':
        return errors.tokenExpired(now())
      case 'missingPermission':
        return errors.permission()
      case 'duplicate':
        return errors.duplicate()
      case 'timeout':
        return null
    }
  }

  const answerFor = (req: ParsedGraphRequest): GraphAnswer | null => {
    const kind = routeKind(req, pageId)
    const scripted = script.shift()
    if (scripted && !('pass' in scripted)) {
      if ('timeout' in scripted) return null
      if ('status' in scripted && !('error' in scripted))
        return scriptedStatus(scripted.status, scripted.retryAfter)
      if ('mode' in scripted) return modeAnswer(scripted.mode, req)
      if (scripted.applyFirst) {
        handleRoute(req, { store, pageId, pageName, now, answeredOk: false, origin, scrapes })
      }
      return graphError(scripted.status ?? 400, scripted.error, scripted.headers)
    }
    const mode = scripted ? 'normal' : modeFor(kind, req)
    if (mode !== 'normal') return modeAnswer(mode, req)
    const answer = handleRoute(req, {
      store,
      pageId,
      pageName,
      now,
      answeredOk: true,
      origin,
      scrapes,
    })
    if (answer.status === 200 && settings.usagePercent !== undefined) {
      answer.headers = { ...answer.headers, ...usageHeaders(pageId, settings.usagePercent) }
    }
    return answer
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const record: GraphRequestRecord = {
      seq: requests.length + 1,
      method: req.method ?? 'GET',
      path: '',
      version: null,
      params: {},
      authenticated: false,
      status: null,
      receivedAt: new Date(),
      remotePort: req.socket.remotePort,
    }
    requests.push(record)
    let raw: string
    try {
      raw = (await readBody(req, 1024 * 1024)).body.toString('utf8')
    } catch {
      return // the client went away
    }
    const parsed = parseGraphRequest(req.method ?? 'GET', req.url ?? '/', req.headers, raw)
    record.path = `/${parsed.segments.join('/')}`
    record.version = parsed.version
    record.params = { ...parsed.params }
    if ('access_token' in record.params) record.params.access_token = '[token]'
    let answer: GraphAnswer | null
    if (parsed.token === undefined) answer = errors.tokenMissing()
    else if (parsed.token !== token) answer = errors.tokenInvalid()
    else if (parsed.unreadable) answer = errors.invalidParameter(parsed.unreadable)
    else {
      record.authenticated = true
      answer = answerFor(parsed)
    }
    if (answer === null) return // never answered: the client times out, close() ends it
    record.status = answer.status
    const code = (answer.body as { error?: { code?: number } } | null)?.error?.code
    if (code !== undefined) record.errorCode = code
    send(res, answer)
  }

  const server = createServer((req, res) => void handle(req, res))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  let closing: Promise<void> | undefined

  return {
    url: origin,
    pageId,
    token,
    requests,
    posts: store.posts,
    operations: store.operations,
    duplicates: store.duplicates,
    scrapes,
    script,
    livePosts: () => store.live(),
    postsAbout: (url) => store.about(url),
    seedPost(post) {
      const created = store.create({ kind: 'link', message: post.message, link: post.link }, true)
      store.operations.pop() // not the hub's doing
      if (post.createdTime) created.createdTime = post.createdTime
      return created
    },
    configure(next) {
      Object.assign(settings, next)
      if (next.seed !== undefined) random = createPrng(next.seed)
      if (next.mode !== undefined || next.modeTimes !== undefined) {
        applied = 0
        appliedTo.clear()
      }
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      })
      return closing
    },
  }
}

/** What a mode counts against: the URL a create posts about, or the post an edit or delete hits. */
function objectOf(kind: RouteKind, req: ParsedGraphRequest): string {
  if (kind !== 'create') return `${kind}:${req.segments[0] ?? ''}`
  const message = req.params.message ?? req.params.caption ?? ''
  return `create:${subjectUrls({ link: req.params.link, message })[0] ?? message}`
}

function send(res: ServerResponse, answer: GraphAnswer): void {
  if (res.destroyed || res.headersSent) return
  for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value)
  const text = answer.html ?? JSON.stringify(answer.body)
  res.setHeader(
    'Content-Type',
    answer.html ? 'text/html; charset=utf-8' : 'application/json; charset=UTF-8',
  )
  res.setHeader('Content-Length', String(Buffer.byteLength(text)))
  res.writeHead(answer.status).end(text)
}
