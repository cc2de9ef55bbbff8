import { useQuery } from '@tanstack/react-query'
import type { chartSchema } from '../../contract/chart'
import type { Wire } from '../../contract/common'
import { apiFetch } from './client'
import { patientApiPath, patientKey } from './patients'

/** GET …/chart: the stage and what is done and missing before the first session. */
export type Chart = Wire<typeof chartSchema>

export function useChart(clinicId: string, patientId: string, isEnabled = true) {
  return useQuery({
    queryKey: [...patientKey(clinicId, patientId), 'chart'],
    queryFn: ({ signal }) => apiFetch<Chart>(`${patientApiPath(clinicId, patientId)}/chart`, { signal }),
    enabled: isEnabled,
  })
}
