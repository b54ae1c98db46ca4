import type { Payload } from 'payload'

import { type Caller, createApi, loginCaller } from './api'

export type CommunicationsDesk = {
  api: ReturnType<typeof createApi>
  /** A logged-in communications user: may write everywhere. */
  comms: Caller
  department: number
}

/** One department and a logged-in communications user, for tests about content rather than roles. */
export async function communicationsDesk(
  payload: Payload,
  departmentName: string,
): Promise<CommunicationsDesk> {
  const api = createApi(payload)
  const department = await payload.create({
    collection: 'departments',
    data: { name: departmentName, kind: 'etat' },
  })
  await payload.create({
    collection: 'users',
    data: {
      email: 'comms@example.com',
      password: 'Passord-1234',
      name: 'Kommunikasjon',
      role: 'communications',
    },
  })
  return {
    api,
    comms: await loginCaller(api, 'comms@example.com', 'Passord-1234'),
    department: department.id,
  }
}
