import fc from 'fast-check'

// Request bodies for the input fuzz test, generated from a route's JSON Schema (the OpenAPI
// document the zod schemas produce): first a plausible valid body, then fast-check variants of it
// that a broken client or an attacker would send — wrong types, missing fields, NUL and control
// characters, huge strings, impossible dates and numbers, deep nesting, prototype-pollution keys.
// Bodies are JSON *text*, so keys such as "__proto__" reach the server as sent.

export interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  nullable?: boolean
  format?: string
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minItems?: number
  default?: unknown
}

/**
 * Values a valid body should carry, by dotted path (`witness.password`) or property name
 * (`patientId`, `instrumentId`): ids of real rows and known codes, so valid bodies reach the
 * database. `undefined` leaves the property out.
 */
export type KnownIds = Record<string, unknown>

const textCandidates = ['Fuzz text', '10', '1', '123456', '12345-678-90', '+1 555 0100', 'A1', 'x']

function sampleString(schema: JsonSchema): string {
  if (schema.format === 'uuid') return '0190d5f0-0000-7000-8000-000000000000'
  if (schema.format === 'date') return '2026-11-27'
  if (schema.format === 'date-time') return '2026-11-27T09:00:00.000Z'
  if (schema.format === 'email') return 'fuzz@example.org'
  const min = schema.minLength ?? 0
  const max = schema.maxLength ?? Number.POSITIVE_INFINITY
  const pattern = schema.pattern ? new RegExp(schema.pattern, 'u') : undefined
  const fits = (s: string) => s.length >= min && s.length <= max && (!pattern || pattern.test(s))
  const candidate = textCandidates.find(fits) ?? 'x'.repeat(Math.max(min, 3))
  // Reasons and notes usually need a few words.
  return fits(`${candidate} because of a reason`) ? `${candidate} because of a reason` : candidate
}

function sampleNumber(schema: JsonSchema, integer: boolean): number {
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1)
  const high = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : low)
  const middle = Math.min(Math.max(low, 1), high)
  return integer ? Math.ceil(middle) : middle
}

/** A plausible valid value for the schema (required and optional properties filled in). */
export function validSample(schema: JsonSchema, ids: KnownIds = {}, path: string[] = []): unknown {
  const dotted = path.join('.')
  const name = path.at(-1) ?? ''
  if (path.length > 0 && dotted in ids) return ids[dotted]
  if (path.length > 0 && name in ids) return ids[name]
  if (schema.const !== undefined) return schema.const
  if (schema.enum) return schema.enum[0]
  const variants = schema.anyOf ?? schema.oneOf
  if (variants) return validSample(variants[0]!, ids, path)
  if (schema.allOf) return validSample(schema.allOf[0]!, ids, path)
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type
  switch (type) {
    case 'string':
      return sampleString(schema)
    case 'integer':
      return sampleNumber(schema, true)
    case 'number':
      return sampleNumber(schema, false)
    case 'boolean':
      return true
    case 'array': {
      const item = schema.items ? validSample(schema.items, ids, [...path, '0']) : 'x'
      return Array.from({ length: Math.max(schema.minItems ?? 0, 1) }, () => item)
    }
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [key, child] of Object.entries(schema.properties ?? {}))
        out[key] = validSample(child, ids, [...path, key])
      return out
    }
    default:
      // z.coerce.date() has no JSON Schema: a date-time is what every caller sends.
      if (/At$|^at$|^from$|^to$/.test(name)) return '2026-11-27T09:00:00.000Z'
      return 'x'
  }
}

/** Every place in a value that a mutation can hit: [] is the value itself. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  const out: string[][] = [prefix]
  if (value !== null && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) out.push(...pathsOf(child, [...prefix, key]))
  return out
}

function setAt(value: unknown, path: string[], replacement: unknown, remove = false): unknown {
  if (path.length === 0) return replacement
  const copy: Record<string, unknown> = Array.isArray(value)
    ? ([...value] as never)
    : { ...(value as object) }
  const [head, ...rest] = path as [string, ...string[]]
  if (rest.length === 0 && remove) delete copy[head]
  else copy[head] = setAt(copy[head], rest, replacement, remove)
  return copy
}

// A marker replaced after JSON.stringify, so these raw keys survive as text.
const protoMarker = '"__fuzz_proto__"'

const controlChar = fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c))

/** Values no field should choke on (every one must give a 4xx or be stored faithfully). */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string().map((s) => `${s}\u0000${s}`),
  fc.string({ unit: controlChar, minLength: 1, maxLength: 20 }),
  fc.constantFrom('line one\r\nX-Injected: yes', 'tab\there', '\u2028\u2029', '\ud800', '\udfff lone'),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('x'.repeat(200_000), 'é'.repeat(60_000), '\u{1F600}'.repeat(30_000)),
  fc.constantFrom(
    '300000-01-01T00:00:00Z',
    '-005000-01-01T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    '0000-01-01',
    '0000-01-01T00:00:00Z',
    '9999-12-31',
    '2026-02-30',
    '1969-12-31T23:59:59.999Z',
    'not a date',
    '',
  ),
  fc.constantFrom(8.64e15, -8.64e15, 1e308, -1e308, 2 ** 53 + 2, -(2 ** 53) - 2, -0, 0.1, -1, 1e-300),
  fc.constantFrom('1e400', '-0', '999999999999.9999999', 'NaN', 'Infinity', '0x10', '1'.repeat(400)),
  fc.double(),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
  fc.constantFrom(null, true, false, [], {}, [null], { $gt: '' }),
  fc.integer({ min: 20, max: 3000 }).map((depth) => nested(depth)),
  fc.jsonValue({ maxDepth: 3 }),
)

function nested(depth: number): unknown {
  let value: unknown = 'deep'
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value }
  return value
}

/**
 * JSON texts of hostile bodies for a route: the valid sample with one to three places replaced,
 * with a field missing, with prototype-pollution keys added, or something else entirely.
 */
export function hostileBodies(schema: JsonSchema | undefined, ids: KnownIds): fc.Arbitrary<string> {
  const base = schema ? validSample(schema, ids) : {}
  const paths = pathsOf(base)
  const leafOrInner = fc.constantFrom(...paths)
  const replaced = fc
    .array(fc.tuple(leafOrInner, hostileValue), { minLength: 1, maxLength: 3 })
    .map((edits) => JSON.stringify(edits.reduce<unknown>((body, [path, v]) => setAt(body, path, v), base)))
  const missing = fc
    .constantFrom(...paths.filter((p) => p.length > 0), ['none'])
    .map((path) => JSON.stringify(setAt(base, path, undefined, true)))
  const polluted = fc
    .tuple(
      leafOrInner.filter((p) => isObjectAt(base, p)),
      fc.constantFrom('proto', 'constructor'),
    )
    .map(([path, kind]) => {
      const key = kind === 'proto' ? '__fuzz_proto__' : 'constructor'
      const value = kind === 'proto' ? { isAdmin: true, role: 'admin' } : { prototype: { isAdmin: true } }
      const body = setAt(base, [...path, key], value)
      return JSON.stringify(body).replaceAll(protoMarker, '"__proto__"')
    })
  const anything = fc
    .oneof(fc.jsonValue({ maxDepth: 4 }), hostileValue)
    .map((v) => JSON.stringify(v) ?? 'null')
  const broken = fc.constantFrom('', '{', '{"a":', 'null', '[]', '"text"', '{"a":1,"a":2}', '\u0000', '{}')
  return fc.oneof(
    { arbitrary: replaced, weight: 6 },
    { arbitrary: missing, weight: 2 },
    { arbitrary: polluted, weight: 1 },
    { arbitrary: anything, weight: 1 },
    { arbitrary: broken, weight: 1 },
  )
}

/** What every field is tried with, one at a time: each must be refused or stored as sent. */
function fieldValues(old: unknown): unknown[] {
  const text = typeof old === 'string' ? old : 'x'
  return [
    `${text}\u0000`,
    `${text}\r\nX-Injected: yes`,
    `\u0001${text}\u001f\u007f`,
    `${text}\ud800`,
    'x'.repeat(100_000),
    '300000-01-01T00:00:00Z',
    '-005000-01-01T00:00:00Z',
    '0000-01-01',
    1e308,
    -1,
    2 ** 53 + 2,
    null,
    [],
    {},
    true,
  ]
}

/** JSON texts with each place of the valid body replaced by each of `fieldValues`, in turn. */
export function fieldByFieldBodies(schema: JsonSchema | undefined, ids: KnownIds): string[] {
  const base = schema ? validSample(schema, ids) : {}
  const bodies = pathsOf(base).flatMap((path) =>
    fieldValues(valueAt(base, path)).map((v) => JSON.stringify(setAt(base, path, v))),
  )
  const proto = JSON.stringify({ ...(base as object), __fuzz_proto__: { isAdmin: true } })
  return [...bodies, proto.replaceAll(protoMarker, '"__proto__"')]
}

function valueAt(value: unknown, path: string[]): unknown {
  let current = value
  for (const key of path) current = (current as Record<string, unknown>)[key]
  return current
}

function isObjectAt(value: unknown, path: string[]): boolean {
  let current = value
  for (const key of path) current = (current as Record<string, unknown>)[key]
  return current !== null && typeof current === 'object' && !Array.isArray(current)
}
