import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { type GraphApi, startGraphApi } from '../../fakes/graph-api'

describe('the fake Graph API modes', () => {
  let graph: GraphApi

  beforeEach(async () => {
    graph = await startGraphApi({ mode: 'createdThen500', modeRate: 1, maxModePerObject: 2 })
  })

  afterEach(async () => {
    await graph.close()
  })

  const create = async (link: string) => {
    const response = await fetch(`${graph.url}/v26.0/${graph.pageId}/feed`, {
      method: 'POST',
      body: new URLSearchParams({ access_token: graph.token, message: `Sak\n\n${link}`, link }),
    })
    await response.body?.cancel()
    return response.status
  }

  it('should apply a mode at most maxModePerObject times per post subject, then answer normally', async () => {
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push(await create('https://www.modum.kommune.no/a'))
    expect(statuses).toEqual([500, 500, 200, 200])
    expect(await create('https://www.modum.kommune.no/b')).toBe(500)
  })
})
