import { useMutation, useQuery } from '@tanstack/react-query'
import type { SelfCheckAnswers } from '../../domain/self-check'
import { apiFetch } from './client'

// The public (no sign-in) endpoints the /learn pages use.

export interface PublicClinic {
  id: string
  name: string
  /** The clinic's phone for patients, when its administrator has entered one. */
  phone: string | null
}

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
    queryFn: ({ signal }) => apiFetch<{ items: PublicClinic[] }>('/public/clinics', { signal }),
    staleTime: 5 * 60_000,
  })
}

export function useSendReferral() {
  return useMutation({
    mutationFn: (request: ReferralRequest) =>
      apiFetch<{ id: string; receivedAt: string; isUrgent: boolean }>('/public/referrals', {
        method: 'POST',
        body: request,
      }),
  })
}
