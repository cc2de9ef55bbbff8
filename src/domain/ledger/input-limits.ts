/**
 * What a ledger form and the API both accept (src/contract/ledger.ts): quantities as decimal text
 * with at most six decimals (`numeric` holds them exactly), and the sizes of a receipt's fields.
 */
export const ledgerInputLimits = {
  /** mg as decimal text; an adjustment may be signed. */
  mgPattern: /^-?\d{1,12}(\.\d{1,6})?$/,
  /** mg as a person types an amount: never signed. */
  positiveMgPattern: /^\d{1,12}(\.\d{1,6})?$/,
  containerCountMax: 10_000,
  containerNumberMaxLength: 40,
  wasteMethodMaxLength: 200,
  totpCodePattern: /^\d{6}$/,
  totpCodeLength: 6,
} as const
