/* global self, caches */
// The signage player's service worker: the player page, its script and the playlist come from
// the network when the hub answers and from Cache Storage when it does not (marked with
// X-Signage-Offline so the player can say so); pictures are content-addressed, so they come
// from the cache first. The player itself fills and prunes the caches (player.mjs).
const SHELL_CACHE = 'signage-shell-v1'
const IMAGE_CACHE = 'signage-images-v1'

self.addEventListener('install', () => {
  self.skipWaiting()
})

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim())
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (request.destination === 'image') {
    event.respondWith(cacheFirst(request))
  } else if (url.pathname.startsWith('/signage/') || request.mode === 'navigate') {
    event.respondWith(networkFirst(request))
  }
})

async function cacheFirst(request) {
  const cache = await caches.open(IMAGE_CACHE)
  const hit = await cache.match(request.url)
  if (hit) return hit
  const response = await fetch(request)
  if (response.ok) await cache.put(request.url, response.clone())
  return response
}

async function networkFirst(request) {
  const cache = await caches.open(SHELL_CACHE)
  try {
    const response = await fetch(request)
    if (response.status === 200) {
      await cache.put(request.url, response.clone())
    } else if (response.status === 304 && !(await cache.match(request.url))) {
      // The copy the player has was fetched before this worker took over: store one now.
      const full = await fetch(request.url, { cache: 'no-store' })
      if (full.status === 200) await cache.put(request.url, full)
    } else if (response.status === 401 || response.status === 403 || response.status === 404) {
      // The screen's key was changed or the screen removed: stop playing the old copy.
      await cache.delete(request.url)
    }
    return response
  } catch (err) {
    const hit = await cache.match(request.url)
    if (!hit) throw err
    const headers = new Headers(hit.headers)
    headers.set('X-Signage-Offline', '1')
    return new Response(hit.body, { status: 200, headers })
  }
}
