import type { Address } from '../features/patients/address'

// Invented postal addresses of the demo patients, by MRN (the DEA administration log names each
// patient's address, clinical-reference §8). Riverside is in central Ohio, Hillcrest west of Chicago.
const rows: Record<string, [street: string, city: string, state: string, postalCode: string]> = {
  'RK-2024-0107': ['418 Maple Grove Avenue', 'Columbus', 'OH', '43215'],
  'RK-2024-0112': ['27 Lakeview Drive, Apt 3B', 'Worthington', 'OH', '43085'],
  'RK-2024-0118': ['1502 Oak Hollow Court', 'Westerville', 'OH', '43081'],
  'RK-2024-0121': ['88 Riverbend Road', 'Dublin', 'OH', '43017'],
  'RK-2024-0125': ['2310 Sycamore Street', 'Grove City', 'OH', '43123'],
  'RK-2024-0129': ['615 Harmon Avenue, Apt 12', 'Columbus', 'OH', '43223'],
  'RK-2024-0130': ['9 Cedar Ridge Lane', 'Hilliard', 'OH', '43026'],
  'RK-2024-0133': ['3344 Birchwood Drive', 'Reynoldsburg', 'OH', '43068-2291'],
  'RK-2024-0136': ['701 Summit View Road', 'Powell', 'OH', '43065'],
  'RK-2024-0139': ['1290 Willow Bend Court', 'Gahanna', 'OH', '43230'],
  'RK-2024-0140': ['455 Orchard Lane', 'Upper Arlington', 'OH', '43221'],
  'HC-0041': ['212 Prairie Avenue', 'Naperville', 'IL', '60540'],
  'HC-0044': ['1735 Hawthorn Lane', 'Wheaton', 'IL', '60187'],
  'HC-0047': ['940 Elm Street, Apt 2A', 'Aurora', 'IL', '60505'],
}

const fallback: [string, string, string, string] = ['100 Main Street', 'Columbus', 'OH', '43215']

export function demoAddress(mrn: string): Address {
  const [addressStreet, addressCity, addressState, addressPostalCode] = rows[mrn] ?? fallback
  return { addressStreet, addressCity, addressState, addressPostalCode }
}
