import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Wire } from '../../contract/common'
import type { referralSchema, referralStatusSchema } from '../../contract/referrals'
import { apiFetch } from './client'
import type { Page } from './page'
import { clinicApiPath } from './patients'
import { useApiSearch } from './read'

export type ReferralStatus = Wire<typeof referralStatusSchema>
/** `selfCheck` is null for roles that may not read the chart (front desk): contact and urgency only. */
export type Referral = Wire<typeof referralSchema>

const referralsKey = (clinicId: string) => ['clinics', clinicId, 'referrals'] as const

export function useReferrals(
  clinicId: string,
  params: { page: number; pageSize: number; status: ReferralStatus | '' },
) {
  return useApiSearch<Page<Referral>>(referralsKey(clinicId), `${clinicApiPath(clinicId)}/referrals`, {
    ...params,
  })
}

export function useChangeReferralStatus(clinicId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { id: string; status: ReferralStatus; version: number }) =>
      apiFetch<Referral>(`${clinicApiPath(clinicId)}/referrals/${encodeURIComponent(input.id)}`, {
        method: 'PATCH',
        body: { status: input.status, version: input.version },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: referralsKey(clinicId) }),
  })
}
