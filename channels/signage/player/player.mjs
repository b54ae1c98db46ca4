/* global document, window, navigator, location, caches */
// The signage player: plain JavaScript, no framework, no build step. It polls the screen's
// playlist with If-None-Match, rotates the slides that are valid now, lets service messages
// interrupt, reports the version it shows, and keeps playing from Cache Storage (with the
// service worker in sw.mjs) when the hub cannot be reached. Every time it compares with is
// Date.now(), so a slide past its validUntil disappears offline too.
;(() => {
  const root = document.getElementById('player')
  if (!root) return
  const stage = document.getElementById('stage')
  const notice = document.getElementById('notice')
  const offline = document.getElementById('offline')
  const dateEl = document.getElementById('date')
  const timeEl = document.getElementById('time')

  const POLL_MS = 30_000
  const HEARTBEAT_MS = 60_000
  const IDLE_RETRY_S = 5
  const SHELL_CACHE = 'signage-shell-v1'
  const IMAGE_CACHE = 'signage-images-v1'

  const key = new URLSearchParams(location.search).get('key')
  const withKey = (path) => (key ? `${path}?key=${encodeURIComponent(key)}` : path)
  // A staff-room screen's pictures come from its own key-checked route (/signage/<slug>/media/…).
  const withKeyIfOwn = (url) =>
    key && new URL(url, location.href).pathname.startsWith('/signage/') ? withKey(url) : url
  const playlistUrl = withKey(root.dataset.playlist)
  const heartbeatUrl = withKey(root.dataset.heartbeat)

  const osloDate = new Intl.DateTimeFormat('nb-NO', {
    timeZone: 'Europe/Oslo',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  })
  const osloTime = new Intl.DateTimeFormat('nb-NO', {
    timeZone: 'Europe/Oslo',
    hour: '2-digit',
    minute: '2-digit',
  })
  const osloParts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  const WEEKDAY = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 }
  const KIND_LABEL = { 'service-message': 'Driftsmelding', event: 'Arrangement' }

  let playlist = null
  let etag = null
  let current = null
  let timer = null
  const interrupted = new Set()

  const state = { online: true, shown: [] }
  // Read-only view for monitoring and tests: which playlist and slide are on screen.
  window.signagePlayer = {
    version: () => etag,
    current: () => (current ? current.id : null),
    online: () => state.online,
    shown: () => state.shown.slice(),
  }

  function valid(slide, at) {
    return Date.parse(slide.validUntil) > at
  }

  function inDaypart(at) {
    const parts = playlist && playlist.dayparts
    if (!parts || parts.length === 0) return true
    const p = Object.fromEntries(
      osloParts.formatToParts(new Date(at)).map((x) => [x.type, x.value]),
    )
    const day = WEEKDAY[p.weekday]
    const hhmm = `${p.hour}:${p.minute}`
    return parts.some((d) => d.days.includes(day) && d.from <= hhmm && hhmm < d.to)
  }

  function rotation(at) {
    if (!playlist) return []
    const live = playlist.slides.filter((s) => valid(s, at))
    const services = live.filter((s) => s.interrupt)
    return inDaypart(at) ? [...services, ...live.filter((s) => !s.interrupt)] : services
  }

  function el(tag, className, text) {
    const node = document.createElement(tag)
    if (className) node.className = className
    if (text) node.textContent = text
    return node
  }

  function render(slide) {
    const article = el('article', 'slide')
    article.dataset.id = slide.id
    article.dataset.kind = slide.kind
    if (slide.interrupt) article.classList.add('service', slide.severity || 'info')
    if (slide.image) {
      const img = el('img')
      img.src = withKeyIfOwn(slide.image.url)
      img.alt = slide.image.alt || ''
      img.addEventListener('error', () => {
        img.remove()
        article.classList.add('text-only')
      })
      article.append(img)
      if (slide.image.credit) article.append(el('span', 'credit', `Foto: ${slide.image.credit}`))
    } else {
      article.classList.add('text-only')
    }
    const panel = el('div', 'panel')
    if (KIND_LABEL[slide.kind]) panel.append(el('span', 'kind', KIND_LABEL[slide.kind]))
    panel.append(el('h2', '', slide.headline))
    if (slide.when) panel.append(el('p', 'when', slide.when))
    if (slide.area) panel.append(el('p', 'when', `Område: ${slide.area}`))
    if (slide.text) panel.append(el('p', '', slide.text))
    article.append(panel)
    stage.replaceChildren(article)
    current = slide
    state.shown.push(slide.id)
    if (state.shown.length > 200) state.shown.splice(0, 100)
    renderNotice(Date.now())
  }

  function renderIdle() {
    current = null
    const name = playlist ? playlist.screen.name : ''
    stage.replaceChildren(el('h1', 'idle', name))
    renderNotice(Date.now())
  }

  // While a service message is valid it stays on screen: as its own slide in every round and
  // as a line under the other slides.
  function renderNotice(at) {
    const services = rotation(at).filter((s) => s.interrupt)
    const text = services.map((s) => s.headline).join(' · ')
    notice.hidden = !text || (current !== null && current.interrupt)
    notice.textContent = text
  }

  function schedule(seconds) {
    clearTimeout(timer)
    timer = setTimeout(next, seconds * 1000)
  }

  function next() {
    const list = rotation(Date.now())
    if (list.length === 0) {
      renderIdle()
      schedule(IDLE_RETRY_S)
      return
    }
    const at = current ? list.findIndex((s) => s.id === current.id) : -1
    const slide = list[(at + 1) % list.length]
    render(slide)
    schedule(slide.duration)
  }

  function show(slide) {
    render(slide)
    schedule(slide.duration)
  }

  function accept(next_, tag) {
    playlist = next_
    etag = tag
    const at = Date.now()
    const fresh = playlist.slides.find((s) => s.interrupt && valid(s, at) && !interrupted.has(s.id))
    for (const s of playlist.slides) if (s.interrupt) interrupted.add(s.id)
    if (fresh) show(fresh)
    else if (!current || !playlist.slides.some((s) => s.id === current.id)) next()
    else current = playlist.slides.find((s) => s.id === current.id)
    precache(playlist, tag)
  }

  async function poll() {
    try {
      const res = await fetch(playlistUrl, {
        headers: etag ? { 'If-None-Match': etag } : {},
        cache: 'no-store',
      })
      setOnline(!res.headers.get('X-Signage-Offline'))
      if (res.status === 304) return
      if (!res.ok) throw new Error(`HTTP ${res.status}`)
      const tag = res.headers.get('ETag')
      const body = await res.json()
      if (tag !== etag) accept(body, tag)
    } catch {
      setOnline(false)
      if (!playlist) await fromCache()
    }
  }

  // Without a service worker (first start offline, or a browser without one) the page reads
  // the copy it stored itself.
  async function fromCache() {
    if (!window.caches) return
    const hit = await caches.match(playlistUrl)
    if (hit) accept(await hit.json(), hit.headers.get('ETag'))
  }

  async function precache(list, tag) {
    if (!window.caches) return
    try {
      // The playlist as received, so a restart without the hub plays it (sw.mjs answers it).
      const shellCache = await caches.open(SHELL_CACHE)
      const headers = { 'Content-Type': 'application/json; charset=utf-8' }
      if (tag) headers.ETag = tag
      await shellCache.put(playlistUrl, new Response(JSON.stringify(list), { headers }))
      const images = await caches.open(IMAGE_CACHE)
      const wanted = new Set(
        list.slides
          .filter((s) => s.image)
          .map((s) => new URL(withKeyIfOwn(s.image.url), location.href).href),
      )
      for (const req of await images.keys()) if (!wanted.has(req.url)) await images.delete(req)
      for (const url of wanted)
        if (!(await images.match(url))) await images.add(url).catch(() => {})
      const shell = await caches.open(SHELL_CACHE)
      const arms = document.querySelector('.arms')
      const pages = [location.href, root.dataset.worker, '/signage/player.js']
      if (arms) pages.push(arms.src)
      for (const url of pages) if (!(await shell.match(url))) await shell.add(url).catch(() => {})
    } catch {
      // Storage full or unavailable: the player still plays while online.
    }
  }

  function setOnline(online) {
    state.online = online
    offline.hidden = online
  }

  async function heartbeat() {
    try {
      await fetch(heartbeatUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ version: etag }),
        cache: 'no-store',
      })
    } catch {
      // Offline: the next beat reports.
    }
  }

  function tick() {
    const now = new Date()
    dateEl.textContent = osloDate.format(now)
    timeEl.textContent = osloTime.format(now)
    timeEl.dateTime = now.toISOString()
    // A slide that ran out while on screen goes at once, online or not.
    if (current && !valid(current, now.getTime())) next()
    else renderNotice(now.getTime())
  }

  if (navigator.serviceWorker) {
    navigator.serviceWorker
      .register(root.dataset.worker, { scope: root.dataset.scope })
      .catch(() => {})
  }
  tick()
  setInterval(tick, 1000)
  poll().then(heartbeat, heartbeat)
  setInterval(poll, POLL_MS)
  setInterval(heartbeat, HEARTBEAT_MS)
})()
