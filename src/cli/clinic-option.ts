/** The clinic a `--clinic` value names: its id, or its name in any case. */
export function findClinicOption<T extends { id: string; name: string }>(
  clinics: readonly T[],
  wanted: string,
): T | undefined {
  return clinics.find((c) => c.id === wanted || c.name.toLowerCase() === wanted.toLowerCase())
}
