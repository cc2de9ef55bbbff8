import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { SelfCheckAnswers } from '../../domain/self-check'
import { apiFetch } from './client'
import type { Page } from './page'
import { clinicApiPath } from './patients'

export type ReferralStatus = 'new' | 'contacted' | 'registered' | 'declined'

export interface Referral {
  id: string
  receivedAt: string
  name: string
  email: string | null
  phone: string | null
  preferredContact: 'email' | 'phone'
  /** Null for roles that may not read the chart (front desk): contact and urgency only. */
  selfCheck: SelfCheckAnswers | null
  phq9Total: number | null
  phq9Item9: number | null
  isUrgent: boolean
  status: ReferralStatus
  handledBy: string | null
  handledAt: string | null
  version: number
}

const referralsKey = (clinicId: string) => ['clinics', clinicId, 'referrals'] as const

export function useReferrals(
  clinicId: string,
  params: { page: number; pageSize: number; status: ReferralStatus | '' },
) {
  return useQuery({
    queryKey: [...referralsKey(clinicId), params],
    queryFn: ({ signal }) =>
      apiFetch<Page<Referral>>(`${clinicApiPath(clinicId)}/referrals`, { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
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
