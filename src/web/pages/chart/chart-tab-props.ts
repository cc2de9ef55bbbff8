/** What every chart tab gets from the chart page: whose chart, and what the user may do. */
export interface ChartTabProps {
  clinicId: string
  patientId: string
  timeZone: string | undefined
  canReadClinical: boolean
  canWriteDemographics: boolean
  canWriteClinical: boolean
  /** Prescribers: eligibility decisions and plans. */
  canSign: boolean
  /** The user has an authenticator, so a signature can use a TOTP code. */
  hasAuthenticator: boolean
}
