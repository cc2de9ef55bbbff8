import { DomainValidationError } from '../errors'

export type PkModelId = 'domino' | 'clements'

/** First-order rate constants per minute, the same for every body weight. */
interface PkRateConstants {
  k10PerMin: number
  k12PerMin: number
  k13PerMin: number
  k21PerMin: number
  k31PerMin: number
  /** Effect-site equilibration constant; ⚠️ unverified for every model (§5), shown as such. */
  ke0PerMin: number
}

/**
 * A mammillary compartment model: central volume per kg and first-order rate constants per minute.
 * A model with k13 = k31 = 0 is two-compartment (Clements); the engine drops the empty compartment.
 */
export interface PkModel extends PkRateConstants {
  id: PkModelId
  name: string
  /** Where the numbers come from (clinical-reference.md §5). */
  source: string
  v1LPerKg: number
  isKe0Unverified: boolean
}

/** One patient's parameters: the model scaled to a body weight (volumes in litres, rates per minute). */
export interface PkParameters extends PkRateConstants {
  v1L: number
}

// §5 table (opentiva, citing Domino 1982, PMID 7198883). ke0 0.652 ⚠️.
const domino: PkModel = {
  id: 'domino',
  name: 'Domino (racemic ketamine, 3-compartment)',
  source: 'clinical-reference.md §5; Domino 1982 (PMID 7198883) as tabulated by opentiva',
  v1LPerKg: 0.063,
  k10PerMin: 0.4381,
  k12PerMin: 0.5921,
  k13PerMin: 0.59,
  k21PerMin: 0.247,
  k31PerMin: 0.0146,
  ke0PerMin: 0.652,
  isKe0Unverified: true,
}

// §5 table (opentiva, citing Clements 1981 250 µg/kg, PMID 7459184). Two compartments; ke0 5.2 ⚠️.
const clements: PkModel = {
  id: 'clements',
  name: 'Clements 250 µg/kg (racemic ketamine, 2-compartment)',
  source: 'clinical-reference.md §5; Clements 1981 (PMID 7459184) as tabulated by opentiva',
  v1LPerKg: 1.7522,
  k10PerMin: 0.0109,
  k12PerMin: 0.0186,
  k13PerMin: 0,
  k21PerMin: 0.0137,
  k31PerMin: 0,
  ke0PerMin: 5.2,
  isKe0Unverified: true,
}

export const pkModels: Readonly<Record<PkModelId, PkModel>> = Object.freeze({ domino, clements })

export function isPkModelId(value: string): value is PkModelId {
  return Object.hasOwn(pkModels, value)
}

export function getPkModel(id: string): PkModel {
  if (!isPkModelId(id)) {
    throw new DomainValidationError(
      'model',
      `unknown PK model "${id}" (known: ${Object.keys(pkModels).join(', ')})`,
    )
  }
  return pkModels[id]
}

/** Scales a model to a patient; rate constants are per-kg invariant in these models. */
export function parametersForPatient(model: PkModel, weightKg: number): PkParameters {
  if (!Number.isFinite(weightKg) || weightKg <= 0) {
    throw new DomainValidationError('weightKg', 'must be a positive number')
  }
  return {
    v1L: model.v1LPerKg * weightKg,
    k10PerMin: model.k10PerMin,
    k12PerMin: model.k12PerMin,
    k13PerMin: model.k13PerMin,
    k21PerMin: model.k21PerMin,
    k31PerMin: model.k31PerMin,
    ke0PerMin: model.ke0PerMin,
  }
}
