// DEA registration numbers (21 CFR 1301): two letters — the registrant type, then the first letter
// of the registrant's last name (or 9 for a business) — and seven digits, the last a check digit:
// (d1 + d3 + d5) + 2 × (d2 + d4 + d6), last digit. A typo in a supplier's number is caught here.

const pattern = /^[A-Z][A-Z9]\d{7}$/

export function isValidDeaNumber(text: string): boolean {
  if (!pattern.test(text)) return false
  const d = text.slice(2).split('').map(Number)
  const sum = d[0]! + d[2]! + d[4]! + 2 * (d[1]! + d[3]! + d[5]!)
  return sum % 10 === d[6]
}
