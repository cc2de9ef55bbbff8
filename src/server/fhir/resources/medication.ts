import type { CodeableConcept, Medication } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { CsDrug, CsLotTable } from '../../../db'
import { ndc, rxnorm } from '../code-systems'
import { versionedMeta } from './meta'

// A received controlled-substance lot (`cs_lot`) as a Medication: the drug's RxNorm code, the lot's
// NDC, and the batch (lot number, expiry). Lots are immutable once received, so version 1.
//
// RxNorm: ketamine's ingredient is 6130 (clinical-reference §4 ⚠️, as issue 17 gives it). For
// esketamine no ingredient (IN) code could be verified here; 2201623 is the RxNorm clinical drug
// form "esketamine Nasal Spray" (SCDF, read on the RxNorm concept page), the form KetaCare gives.

export type LotRow = Selectable<CsLotTable>

export const drugCodings: Record<CsDrug, { code: string; display: string }> = {
  'racemic-ketamine': { code: '6130', display: 'ketamine' },
  esketamine: { code: '2201623', display: 'esketamine Nasal Spray' },
}

/** The RxNorm concept of a drug, as Medication.code or MedicationAdministration.medicationCodeableConcept. */
export function drugConcept(drug: CsDrug, product?: string, ndcCode?: string): CodeableConcept {
  const { code, display } = drugCodings[drug]
  return {
    coding: [{ system: rxnorm, code, display }, ...(ndcCode ? [{ system: ndc, code: ndcCode }] : [])],
    text: product ?? display,
  }
}

export function toMedication(row: LotRow): Medication {
  return {
    resourceType: 'Medication',
    id: row.id,
    meta: versionedMeta(1, row.created_at),
    code: drugConcept(row.drug, row.product, row.ndc),
    status: 'active',
    batch: { lotNumber: row.lot_number, expirationDate: row.expires_on },
  }
}
