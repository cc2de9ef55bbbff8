import { UsageError } from './command'
import type { Runtime } from './runtime'

/** The clinics by name: what a `--clinic` option chooses from. */
export function clinicsByName(runtime: Runtime): Promise<{ id: string; name: string }[]> {
  return runtime.database.db.selectFrom('clinic').select(['id', 'name']).orderBy('name').execute()
}

/**
 * The clinic `--clinic` names (`wanted`), or without the option the command's `fallback`; when
 * there is none, a usage error listing the clinics.
 */
export function chooseClinic<T extends { id: string; name: string }>(
  clinics: readonly T[],
  wanted: string | undefined,
  fallback: T | undefined,
): T {
  const clinic = wanted ? findClinicOption(clinics, wanted) : fallback
  if (!clinic)
    throw new UsageError(
      `${wanted ? `no clinic "${wanted}"` : '--clinic is required'}; clinics: ${clinics.map((c) => c.name).join(', ') || '(none — run ketacare seed)'}`,
    )
  return clinic
}

/** The clinic a `--clinic` value names: its id, or its name in any case. */
export function findClinicOption<T extends { id: string; name: string }>(
  clinics: readonly T[],
  wanted: string,
): T | undefined {
  return clinics.find((c) => c.id === wanted || c.name.toLowerCase() === wanted.toLowerCase())
}
