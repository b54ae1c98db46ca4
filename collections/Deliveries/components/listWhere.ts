import type { Where } from 'payload'

/** One `and` branch of a list filter: conditions of one field each, `{ field: { op: value } }`. */
type Branch = Where[]

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A condition object split into one condition per field, keeping nested `or`/`and` whole. */
function splitConditions(where: Where): Branch {
  const branch: Branch = []
  for (const [key, value] of Object.entries(where)) {
    if (key === 'and' && Array.isArray(value)) {
      for (const inner of value) if (isObject(inner)) branch.push(...splitConditions(inner))
    } else if (value !== undefined) {
      branch.push({ [key]: value })
    }
  }
  return branch
}

/**
 * Any list `where` as or-branches of single-field conditions: the shape Payload's filter panel
 * (WhereBuilder) reads and writes, so quick filters and the panel show the same conditions.
 */
export function toBranches(where: Where | null | undefined): Branch[] {
  if (!isObject(where)) return []
  const { or, ...rest } = where
  if (!Array.isArray(or)) return [splitConditions(where)].filter((branch) => branch.length > 0)
  const shared = splitConditions(rest)
  return or
    .filter(isObject)
    .map((branch) => [...shared, ...splitConditions(branch)])
    .filter((branch) => branch.length > 0)
}

/** The `equals` value on `field` shared by every branch, if there is exactly one. */
export function equalsValue(where: Where | null | undefined, field: string): string | undefined {
  const branches = toBranches(where)
  const values = new Set<string>()
  for (const branch of branches) {
    const condition = branch.find((c) => field in c)?.[field]
    const value = isObject(condition) ? condition.equals : undefined
    if (typeof value !== 'string' && typeof value !== 'number') return undefined
    values.add(String(value))
  }
  return values.size === 1 ? [...values][0] : undefined
}

/**
 * The filter with `field` equal to `value` in every branch, replacing whatever that branch said
 * about the field before (and leaving the rest, such as an item filter, alone). Without a value
 * the field's conditions are only removed.
 */
export function withEquals(where: Where | null | undefined, field: string, value?: string): Where {
  const branches = toBranches(where)
  const base = branches.length > 0 ? branches : [[]]
  const next = base
    .map((branch) => [
      ...branch.filter((condition) => !(field in condition)),
      ...(value === undefined ? [] : [{ [field]: { equals: value } } as Where]),
    ])
    .filter((branch) => branch.length > 0)
  return { or: next.map((and) => ({ and })) }
}

/** `where[or][0][and][0][status][equals]=dead` and so on, as Payload's list reads its URL. */
export function whereSearchParams(where: Where, prefix = 'where'): URLSearchParams {
  const params = new URLSearchParams()
  const walk = (value: unknown, key: string): void => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${key}[${index}]`))
    else if (isObject(value)) for (const [k, v] of Object.entries(value)) walk(v, `${key}[${k}]`)
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      params.append(key, String(value))
  }
  walk(where, prefix)
  return params
}

/** The admin's Deliveries list, filtered on each field equal to its value. */
export function deliveriesListHref(adminRoute: string, equals: Record<string, string>): string {
  const where = Object.entries(equals).reduce<Where>(
    (acc, [field, value]) => withEquals(acc, field, value),
    {},
  )
  return `${adminRoute}/collections/deliveries?${whereSearchParams(where).toString()}`
}
