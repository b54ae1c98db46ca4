import { BlockList, isIP } from 'node:net'
import { webhookAllowPrivate } from '../../src/config/env'

/**
 * Which URLs a webhook may point at. Checked when an endpoint is saved and again before every
 * delivery (the override may have been switched off since, or a row written around validation).
 *
 * Only the literal host is checked; names are not resolved. A DNS answer can change between the
 * check and the connection (rebinding), so a check by resolution would only be honest if it
 * pinned the address for the request too, and `sendHttp` uses plain fetch. Keep the hub's egress
 * firewall as the real guard against names that point inside the network.
 */

const PRIVATE_RANGES = new BlockList()
PRIVATE_RANGES.addSubnet('0.0.0.0', 8, 'ipv4') // "this network", incl. 0.0.0.0
PRIVATE_RANGES.addSubnet('10.0.0.0', 8, 'ipv4')
PRIVATE_RANGES.addSubnet('127.0.0.0', 8, 'ipv4') // loopback
PRIVATE_RANGES.addSubnet('169.254.0.0', 16, 'ipv4') // link-local, incl. cloud metadata
PRIVATE_RANGES.addSubnet('172.16.0.0', 12, 'ipv4')
PRIVATE_RANGES.addSubnet('192.168.0.0', 16, 'ipv4')
PRIVATE_RANGES.addAddress('::', 'ipv6')
PRIVATE_RANGES.addAddress('::1', 'ipv6')
PRIVATE_RANGES.addSubnet('fc00::', 7, 'ipv6') // unique local
PRIVATE_RANGES.addSubnet('fe80::', 10, 'ipv6') // link-local

/** The switch the demo and the tests use to deliver to a receiver on this machine. */
export function allowPrivateAddresses(): boolean {
  return webhookAllowPrivate()
}

/**
 * Whether `hostname` (as `URL#hostname` gives it: IPv4 normalised, IPv6 in brackets) is
 * loopback, private or link-local. IPv4-mapped IPv6 addresses count as their IPv4 address.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^\[(.*)\]$/, '$1')
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  const family = isIP(host)
  if (family === 4) return PRIVATE_RANGES.check(host, 'ipv4')
  if (family === 6) return PRIVATE_RANGES.check(host, 'ipv6')
  return false
}

export type UrlCheckOptions = { allowPrivate: boolean }

/** What is wrong with `value` as a webhook URL (bokmål, for the field error), or null. */
export function endpointUrlProblem(value: unknown, options: UrlCheckOptions): string | null {
  if (typeof value !== 'string' || value.trim() === '') return 'Oppgi en adresse.'
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return 'Adressen er ikke en gyldig URL.'
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return 'Adressen må begynne med https:// (eller http://).'
  }
  if (url.username || url.password) {
    return 'Adressen kan ikke inneholde brukernavn eller passord; mottakeren kontrollerer signaturen.'
  }
  if (!options.allowPrivate && isPrivateHost(url.hostname)) {
    return 'Adressen peker til en intern, privat eller lokal adresse, som ikke er tillatt.'
  }
  return null
}
