import type { Provenance } from '@medplum/fhirtypes'
import { type Selectable, type SqlBool, sql } from 'kysely'
import type { Database } from '../../../db'
import { type SignedAct, type SignedActKind, signedActs, toProvenance } from '../resources/provenance'
import type { SearchRequest } from '../search-params'
import { allOf, type Condition, isUuid, uuidIn } from '../sql-filters'
import { mergePage, rowConditions, rowIdOf, rowsPerPart, suffixOf } from './row-parts'
import { clinicRows, type ResourceSource, type SourceScope } from './source'

// Provenance for the signed acts, merged in id order from four tables (row-parts.ts). Each part
// reads the rows whose act was signed (its `signedAt` column set) and makes the act of a row.

type SignedTable = 'eligibility_decision' | 'treatment_plan' | 'treatment_session' | 'consent'

interface Part {
  /** The column holding when it was signed: `_lastUpdated`, and set only once signed. */
  signedAt: string
  load: (scope: SourceScope, where: Condition, limit: number) => Promise<SignedAct[]>
}

function part<T extends SignedTable>(
  kind: SignedActKind,
  table: T,
  signedAt: string & keyof Database[T],
  actOf: (row: Selectable<Database[T]>) => Omit<SignedAct, 'kind' | 'rowId' | 'patientId' | 'signedAt'>,
): Part {
  const isSigned = sql<SqlBool>`${sql.ref(signedAt)} IS NOT NULL`
  return {
    signedAt,
    load: async (scope, where, limit) =>
      (await clinicRows(scope, table, allOf([isSigned, where]), limit)).map((row) => {
        const { id, patient_id } = row as { id: string; patient_id: string }
        const at = row[signedAt as keyof typeof row] as Date
        return { kind, rowId: id, patientId: patient_id, signedAt: at, ...actOf(row) }
      }),
  }
}

const parts: Record<SignedActKind, Part> = {
  eligibility: part('eligibility', 'eligibility_decision', 'signed_at', (r) => ({
    targetId: r.patient_id,
    detail: r.decision,
    signer: { type: 'Practitioner', id: r.signed_by, name: r.signer_name },
  })),
  approval: part('approval', 'treatment_plan', 'approved_at', (r) => ({
    targetId: r.id,
    signer: { type: 'Practitioner', id: r.approved_by, name: r.approver_name },
  })),
  discharge: part('discharge', 'treatment_session', 'discharged_at', (r) => ({
    targetId: r.id,
    signer: { type: 'Practitioner', id: r.discharge_signed_by, name: r.discharge_signer_name },
  })),
  consent: part('consent', 'consent', 'signed_at', (r) => ({
    targetId: r.id,
    signer: { type: 'Patient', id: r.patient_id, name: r.signer_name },
    witness: { type: 'Practitioner', id: r.witness_user_id, name: r.witness_name },
    signature: { kind: r.signature_kind, data: r.signature_data },
  })),
}

const kinds = Object.keys(signedActs) as SignedActKind[]

async function search(scope: SourceScope, request: SearchRequest): Promise<Provenance[]> {
  if (request.cursor !== undefined && !isUuid(rowIdOf(request.cursor))) return []
  const rows = rowsPerPart(request)
  const acts: SignedAct[] = []
  // One after another: the queries share the transaction's one connection.
  for (const kind of kinds) {
    const { signedAt, load } = parts[kind]
    const where = rowConditions(request, {
      id: sql.ref('id'),
      lastUpdated: sql.ref(signedAt),
      patient: sql.ref('patient_id'),
    })
    acts.push(...(await load(scope, allOf(where), rows)))
  }
  return mergePage(request, acts.map(toProvenance))
}

async function read(scope: SourceScope, id: string): Promise<Provenance | undefined> {
  const kind = suffixOf(id)
  if (kind === undefined || !Object.hasOwn(parts, kind)) return undefined
  const [act] = await parts[kind as SignedActKind].load(scope, uuidIn(sql.ref('id'), [rowIdOf(id)]), 1)
  return act && toProvenance(act)
}

/** Signatures of eligibility decisions, plan approvals, discharges and consents as Provenance. */
export const provenanceSource: ResourceSource = {
  type: 'Provenance',
  permission: 'clinical:read',
  params: ['_id', '_lastUpdated', 'patient'],
  includes: [],
  paramDocs: {
    patient: 'The patient the signed record is about.',
    _lastUpdated: 'When it was signed (a signature never changes).',
  },
  paramDefinitions: { patient: 'Provenance-patient' },
  read,
  search,
}
