import { AppError } from '../../errors'

// A kick-off's parameters (Bulk Data Access 2.0 §Query Parameters): in the query of a GET, or as a
// Parameters resource in a POST. Only what is honoured is accepted; anything else is a 400 naming
// it, so a client never receives more (or less) than it asked for without knowing.

const outputFormats = ['application/fhir+ndjson', 'application/ndjson', 'ndjson']

interface Parameter {
  name?: string
  valueString?: string
  valueInstant?: string
  valueDateTime?: string
  valueReference?: { reference?: string }
}

export interface KickOffParams {
  types: string[] | undefined
  since: Date | undefined
  patientIds: string[] | undefined
}

const refuse = (field: string, message: string) =>
  new AppError('bad-request', message, { fieldErrors: [{ field, message }] })

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/

/** `_since`: a FHIR instant (a date and time with its offset). */
export function parseSince(value: string, field = '_since'): Date {
  const at = new Date(value)
  if (!instantPattern.test(value) || Number.isNaN(at.getTime()))
    throw refuse(field, `"${value}" is not a FHIR instant (e.g. 2026-01-31T00:00:00Z).`)
  return at
}

/** The named values of a GET query or a POST Parameters body, repeated names kept. */
function namedValues(method: string, query: unknown, body: unknown): [string, string][] {
  const pairs: [string, string][] = []
  for (const [name, value] of Object.entries((query ?? {}) as Record<string, string | string[]>))
    for (const v of [value].flat()) pairs.push([name, v])
  if (method !== 'POST' || body === undefined) return pairs
  const resource = body as { resourceType?: string; parameter?: Parameter[] }
  if (resource.resourceType !== 'Parameters' || !Array.isArray(resource.parameter))
    throw refuse('body', 'A POST kick-off carries a Parameters resource.')
  for (const p of resource.parameter) {
    const value = p.valueString ?? p.valueInstant ?? p.valueDateTime ?? p.valueReference?.reference
    if (!p.name || value === undefined) throw refuse('parameter', 'Each parameter needs a name and a value.')
    pairs.push([p.name, value])
  }
  return pairs
}

/** Checks `Prefer: respond-async` and reads `_outputFormat`, `_type`, `_since` and (POST) `patient`. */
export function parseKickOff(
  prefer: string | string[] | undefined,
  method: string,
  query: unknown,
  body: unknown,
): KickOffParams {
  if (![prefer ?? []].flat().some((p) => /(^|[,;\s])respond-async($|[,;\s])/.test(p)))
    throw refuse('Prefer', 'A Bulk Data kick-off needs the header "Prefer: respond-async".')
  const params: KickOffParams = { types: undefined, since: undefined, patientIds: undefined }
  for (const [name, value] of namedValues(method, query, body)) {
    if (name === '_outputFormat') {
      if (!outputFormats.includes(value))
        throw refuse(name, `Only NDJSON is written (_outputFormat=${outputFormats.join(', ')}).`)
    } else if (name === '_type') {
      params.types = [...(params.types ?? []), ...value.split(',').filter((t) => t !== '')]
    } else if (name === '_since') {
      params.since = parseSince(value)
    } else if (name === 'patient' && method === 'POST') {
      const id = /^Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(value)?.[1]
      if (!id) throw refuse(name, `"${value}" is not a Patient reference (Patient/<id>).`)
      params.patientIds = [...(params.patientIds ?? []), id]
    } else {
      throw refuse(
        name,
        `The kick-off parameter "${name}" is not supported (_outputFormat, _type, _since are).`,
      )
    }
  }
  return params
}
