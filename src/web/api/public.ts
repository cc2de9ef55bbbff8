import { useMutation, useQuery } from '@tanstack/react-query'
import type { Wire } from '../../contract/common'
import type { publicClinicsSchema, referralReceivedSchema } from '../../contract/public'
import type { referralBody } from '../../contract/referrals'
import { apiFetch } from './client'

// The public (no sign-in) endpoints the /learn pages use.

/**
 * The referral body of the contract; the form may send the consent box unticked, and the server
 * then answers with its field message ('tick the box to let the clinic contact you').
 */
type ReferralRequest = Omit<Wire<typeof referralBody>, 'consentToContact'> & { consentToContact: boolean }

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
