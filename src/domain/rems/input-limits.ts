/** What a REMS entry form and the API both accept (src/contract/rems.ts). */
export const remsInputLimits = { identifierMaxLength: 60, correctionReasonMaxLength: 500 } as const
