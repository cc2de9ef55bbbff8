import { addDaysTo, isIsoDate, startOfClinicDay } from '../../domain/time'
import { AppError } from '../errors'

// FHIR search parameters as KetaCare reads them (R4 §3.1.1): every parameter a type does not list is
// refused with a 400 OperationOutcome naming it, never ignored; so is any modifier (`code:text`).
// Tokens and references take comma-separated alternatives (OR); a date may repeat (AND), with the
// prefixes eq, ne, lt, le, gt, ge over the range its precision implies.

export type SearchParamName =
  | '_id'
  | '_lastUpdated'
  | 'patient'
  | 'subject'
  | 'date'
  | 'code'
  | 'status'
  | 'category'
  | 'identifier'
  // MedicationAdministration and Condition: their date, encounter and status under R4's names.
  | 'effective-time'
  | 'context'
  | 'clinical-status'

export interface Token {
  system: string | undefined
  code: string
}

export type DatePrefix = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'

/** A date value's range (end exclusive) and how it is compared. */
export interface DateBound {
  prefix: DatePrefix
  start: Date
  end: Date
}

export interface SearchRequest {
  ids: string[] | undefined
  patients: string[] | undefined
  date: DateBound[]
  lastUpdated: DateBound[]
  codes: Token[] | undefined
  statuses: string[] | undefined
  categories: Token[] | undefined
  identifiers: Token[] | undefined
  /** `context` (MedicationAdministration): Encounter ids. */
  encounters: string[] | undefined
  count: number
  /** The last resource id of the previous page (keyset paging). */
  cursor: string | undefined
  /** `_include` values, e.g. `Observation:patient`. */
  includes: string[]
}

export const defaultCount = 50
export const maxCount = 1000

/** Parameters every type takes: paging, includes and the (JSON-only) format. */
const resultParams = ['_count', '_cursor', '_include', '_format'] as const

type Query = Record<string, string | string[] | undefined>

const refuse = (param: string, message: string) =>
  new AppError('bad-request', message, { fieldErrors: [{ field: param, message }] })

/** Parses a search's query for a type that supports `supported`; dates are read in `timeZone`. */
export function parseSearch(
  query: Query,
  supported: readonly SearchParamName[],
  includes: readonly string[],
  timeZone: string,
): SearchRequest {
  const known = new Set<string>([...supported, ...resultParams])
  for (const key of Object.keys(query)) {
    const [name, modifier] = key.split(':')
    if (!known.has(name!))
      throw refuse(key, `The search parameter "${key}" is not supported here; see /fhir/R4/metadata.`)
    if (modifier !== undefined) throw refuse(key, `The modifier ":${modifier}" is not supported.`)
  }
  const single = (name: string): string | undefined => {
    const value = query[name]
    if (Array.isArray(value))
      throw refuse(name, `Give "${name}" once, with alternatives separated by commas.`)
    if (value === '') throw refuse(name, `"${name}" is empty.`)
    return value
  }
  const list = (name: string) => single(name)?.split(',')
  const dates = (name: string) => [query[name] ?? []].flat().map((v) => parseDate(name, v, timeZone))
  const patientRefs = [list('patient'), list('subject')].filter((v) => v !== undefined)
  if (patientRefs.length > 1) throw refuse('subject', 'Give either "patient" or "subject", not both.')
  const format = single('_format')
  if (format !== undefined && !['json', 'application/fhir+json', 'application/json'].includes(format))
    throw refuse('_format', 'Only JSON is served (_format=json).')
  const included = [query._include ?? []].flat()
  for (const value of included)
    if (!includes.includes(value)) throw refuse('_include', `"_include=${value}" is not supported here.`)
  return {
    ids: list('_id'),
    patients: patientRefs[0]?.map((r) => referencedId('Patient', 'patient', r)),
    // A type takes one of `date` and `effective-time` (the other is refused above): its clinical time.
    date: [...dates('date'), ...dates('effective-time')],
    lastUpdated: dates('_lastUpdated'),
    codes: list('code')?.map(parseToken),
    // Likewise `status` or Condition's `clinical-status`.
    statuses: list('status') ?? list('clinical-status'),
    categories: list('category')?.map(parseToken),
    identifiers: list('identifier')?.map(parseToken),
    encounters: list('context')?.map((r) => referencedId('Encounter', 'context', r)),
    count: parseCount(single('_count')),
    cursor: single('_cursor'),
    includes: included,
  }
}

function parseCount(value: string | undefined): number {
  if (value === undefined) return defaultCount
  const count = Number(value)
  if (!/^\d+$/.test(value) || count < 1 || count > maxCount)
    throw refuse('_count', `_count must be a whole number from 1 to ${maxCount}.`)
  return count
}

/** Whether a token (`system|code` or `code`) names one of the codings. */
export const matchesToken = (codings: readonly { system?: string; code?: string }[], token: Token): boolean =>
  codings.some((c) => c.code === token.code && (token.system === undefined || c.system === token.system))

function parseToken(value: string): Token {
  const bar = value.indexOf('|')
  if (bar < 0) return { system: undefined, code: value }
  return { system: value.slice(0, bar) || undefined, code: value.slice(bar + 1) }
}

/** `<type>/123`, or a bare id. */
function referencedId(type: 'Patient' | 'Encounter', param: string, reference: string): string {
  const match = new RegExp(`^(?:${type}/)?([A-Za-z0-9\\-.]{1,64})$`).exec(reference)
  if (!match) throw refuse(param, `"${reference}" is not a ${type} reference (${type}/<id>).`)
  return match[1]!
}

const dateTimePattern =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/

/** A date search value: its prefix and the range its precision covers (a day in the clinic's zone). */
export function parseDate(param: string, raw: string, timeZone: string): DateBound {
  const prefixMatch = /^(eq|ne|lt|le|gt|ge|sa|eb|ap)?(.*)$/.exec(raw)!
  const prefix = (prefixMatch[1] ?? 'eq') as DatePrefix | 'sa' | 'eb' | 'ap'
  if (prefix === 'sa' || prefix === 'eb' || prefix === 'ap')
    throw refuse(param, `The date prefix "${prefix}" is not supported (eq, ne, lt, le, gt, ge are).`)
  const text = prefixMatch[2]!
  const m = dateTimePattern.exec(text)
  const invalid = () =>
    refuse(param, `"${text}" is not a FHIR date (YYYY, YYYY-MM, YYYY-MM-DD, or a dateTime with its offset).`)
  if (!m) throw invalid()
  const [, year, month, day, hour, , second, fraction] = m
  if (hour !== undefined) {
    const start = new Date(text)
    if (Number.isNaN(start.getTime()) || !isIsoDate(`${year}-${month}-${day}`)) throw invalid()
    const stepMs = fraction !== undefined ? 1 : second !== undefined ? 1000 : 60_000
    return { prefix, start, end: new Date(start.getTime() + stepMs) }
  }
  const first = `${year}-${month ?? '01'}-${day ?? '01'}`
  if (!isIsoDate(first)) throw invalid()
  return {
    prefix,
    start: startOfClinicDay(first, timeZone),
    end: startOfClinicDay(nextStart(first, month, day), timeZone),
  }
}

/** The first day after a date's period: the next day, month or year by its precision. */
function nextStart(first: string, month: string | undefined, day: string | undefined): string {
  if (day !== undefined) return addDaysTo(first, 1)
  const year = Number(first.slice(0, 4))
  if (month === undefined || month === '12') return `${String(year + 1).padStart(4, '0')}-01-01`
  return `${first.slice(0, 4)}-${String(Number(month) + 1).padStart(2, '0')}-01`
}

/** The search a read by id amounts to, for sources whose rows are computed by their search query. */
export function searchById(id: string): SearchRequest {
  return {
    ids: [id],
    patients: undefined,
    date: [],
    lastUpdated: [],
    codes: undefined,
    statuses: undefined,
    categories: undefined,
    identifiers: undefined,
    encounters: undefined,
    count: 1,
    cursor: undefined,
    includes: [],
  }
}
