import {
  generateTestSecret,
  type RecordedRequest,
  startWebsiteReceiver,
  type WebsiteReceiver,
} from '../fakes/website-receiver'
import type { ConformanceFake, FakeOperation } from './conformanceFake'

export type WebsiteFake = ConformanceFake & {
  receiver: WebsiteReceiver
  /** The secret the receiver verifies with (the first, when it knows several). */
  secret: string
}

const KINDS: Record<string, FakeOperation['kind']> = {
  'item.published': 'create',
  'item.updated': 'update',
  'item.retracted': 'delete',
}

/**
 * The fake website receiver (test/fakes/website-receiver) behind the conformance suite's
 * interface: a copy is an accepted, signature-verified webhook, and its kind follows the event.
 */
export async function startWebsiteFake(
  secrets: readonly string[] = [generateTestSecret()],
): Promise<WebsiteFake> {
  const receiver = await startWebsiteReceiver({ secrets })
  return {
    receiver,
    secret: secrets[0] ?? '',
    script: (...answers) => receiver.script.push(...answers),
    operations: () => receiver.requests.filter((r) => r.verified && r.accepted).map(toOperation),
    requestCount: () => receiver.requests.length,
    close: () => receiver.close(),
  }
}

function toOperation(request: RecordedRequest): FakeOperation {
  const body = request.body as { id?: unknown } | undefined
  return {
    kind: KINDS[request.eventType ?? ''] ?? 'create',
    itemId: typeof body?.id === 'string' ? body.id : '',
  }
}
