import type { chartSchema } from '../../contract/chart'
import type { Wire } from '../../contract/common'
import { usePatientRead } from './patients'

/** GET …/chart: the stage and what is done and missing before the first session. */
export type Chart = Wire<typeof chartSchema>

export function useChart(clinicId: string, patientId: string, isEnabled = true) {
  return usePatientRead<Chart>(clinicId, patientId, 'chart', isEnabled)
}
