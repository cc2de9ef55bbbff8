import type { SelfCheckAnswers } from '../../domain/self-check'
import type { AppContext } from '../context'
import { submitReferral } from '../features/referrals/service'

// A few self-checks sent from the public pages to Riverside's intake queue, through the real
// service (scored, audited as the public self-check): one endorses PHQ-9 item 9 and is flagged for
// same-day follow-up. Names and contacts are invented; example.org addresses never deliver.

const phq9 = (values: number[]) => Object.fromEntries(values.map((v, i) => [`phq9_${i + 1}`, v]))

const referrals: {
  name: string
  email: string | null
  phone: string | null
  preferredContact: 'email' | 'phone'
  selfCheck: SelfCheckAnswers
}[] = [
  {
    name: 'Avery Morgan',
    email: 'avery.morgan@example.org',
    phone: null,
    preferredContact: 'email',
    selfCheck: {
      phq9: phq9([2, 3, 2, 3, 1, 2, 2, 1, 0]),
      antidepressantTrials: [
        { name: 'sertraline', duration: 'over-6-weeks' },
        { name: 'bupropion', duration: 'over-6-weeks' },
        { name: 'venlafaxine', duration: '4-to-6-weeks' },
      ],
      therapyTried: 'yes',
      safety: { pregnancy: 'no', highBloodPressure: 'no', psychosis: 'no', substanceUse: 'no' },
    },
  },
  {
    name: 'Jamie Ortiz',
    email: null,
    phone: '+1 555 0142',
    preferredContact: 'phone',
    selfCheck: {
      phq9: phq9([3, 3, 2, 3, 2, 3, 2, 2, 1]),
      antidepressantTrials: [
        { name: 'escitalopram', duration: 'over-6-weeks' },
        { name: '', duration: 'over-6-weeks' },
      ],
      therapyTried: 'yes',
      safety: {
        pregnancy: 'not-applicable',
        highBloodPressure: 'not-sure',
        psychosis: 'no',
        substanceUse: 'no',
      },
    },
  },
  {
    name: 'Robin Patel',
    email: 'robin.patel@example.org',
    phone: '+1 555 0178',
    preferredContact: 'email',
    selfCheck: {
      phq9: phq9([1, 2, 1, 2, 1, 1, 1, 0, 0]),
      antidepressantTrials: [{ name: 'fluoxetine', duration: 'under-4-weeks' }],
      therapyTried: 'not-sure',
      safety: { pregnancy: 'no', highBloodPressure: 'yes', psychosis: 'no', substanceUse: 'no' },
    },
  },
]

export async function seedDemoReferrals(ctx: AppContext, clinicId: string): Promise<void> {
  for (const referral of referrals) {
    await submitReferral(ctx, { clinicId, consentToContact: true, ...referral }, null)
  }
}
