import { AppError } from '../../errors'
import { sources } from '../registry'
import type { ResourceSource } from '../sources/source'

// Which types an export holds (Bulk Data Access 2.0 §kick-off): at system level every type served;
// at Group and Patient level the patient compartment, i.e. Patient and the types searchable by
// patient. Without `_type`, the types the caller may read; a `_type` the caller may not read is a
// 403 rather than a silently smaller export.

export type ExportLevel = 'system' | 'group' | 'patient'

const isInCompartment = (source: ResourceSource) =>
  source.type === 'Patient' || source.params.includes('patient')

function levelSources(level: ExportLevel): ResourceSource[] {
  return level === 'system' ? [...sources] : sources.filter(isInCompartment)
}

const refuseType = (message: string) =>
  new AppError('bad-request', message, { fieldErrors: [{ field: '_type', message }] })

/** The sources of an export: `requested` (`_type`) checked, else all the caller may read. */
export function exportSources(
  level: ExportLevel,
  requested: readonly string[] | undefined,
  mayRead: (source: ResourceSource) => boolean,
): ResourceSource[] {
  const eligible = levelSources(level)
  if (!requested) return eligible.filter(mayRead)
  const chosen = [...new Set(requested)].map((type) => {
    const source = eligible.find((s) => s.type === type)
    if (source) return source
    throw refuseType(
      sources.some((s) => s.type === type)
        ? `"${type}" is not in the patient compartment, so not in a ${level}-level export.`
        : `"${type}" is not a resource type served here; see /fhir/R4/metadata.`,
    )
  })
  const refused = chosen.find((s) => !mayRead(s))
  if (refused)
    throw new AppError(
      'forbidden',
      `You may not read ${refused.type} resources (${refused.permission}: your role, or your access token's scopes).`,
    )
  return chosen
}
