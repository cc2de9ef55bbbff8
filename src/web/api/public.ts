import { useMutation, useQuery } from '@tanstack/react-query'
import type { Wire } from '../../contract/common'
import type { publicClinicsSchema, referralReceivedSchema } from '../../contract/public'
import type { SelfCheckAnswers } from '../../domain/self-check'
import { apiFetch } from './client'

// The public (no sign-in) endpoints the /learn pages use.

export interface ReferralRequest {
  clinicId: string
  name: string
  email: string
  phone: string
  preferredContact: 'email' | 'phone'
  consentToContact: boolean
  selfCheck: SelfCheckAnswers
}

export function usePublicClinics() {
  return useQuery({
    queryKey: ['public', 'clinics'],
    queryFn: ({ signal }) => apiFetch<Wire<typeof publicClinicsSchema>>('/public/clinics', { signal }),
    staleTime: 5 * 60_000,
  })
}

export function useSendReferral() {
  return useMutation({
    mutationFn: (request: ReferralRequest) =>
      apiFetch<Wire<typeof referralReceivedSchema>>('/public/referrals', {
        method: 'POST',
        body: request,
      }),
  })
}
