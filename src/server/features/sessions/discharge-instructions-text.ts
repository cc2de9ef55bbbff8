// The patient's "after your treatment" sheet, in plain words (issue 14: US grade 8 or below,
// checked in discharge-instructions-text.test.ts). Facts from clinical-reference §2 (discharge:
// an adult escort, no driving until the next day after sleep — a clinic default for IV), §3 (the
// esketamine label: no driving until the next day) and §7 (effects, bladder symptoms).

export interface DischargeClinic {
  name: string
  /** The clinic's own number for patients (migration 022); the sheet leaves it out when unset. */
  phone: string | null
}

export const dischargeTitle = 'After your treatment today'

/** The points of the sheet, in the order a patient needs them. */
export function dischargePoints(route: 'iv' | 'intranasal', clinic: DischargeClinic): string[] {
  const driving =
    route === 'intranasal'
      ? 'Do not drive until tomorrow, after a full night of sleep. This is a rule for everyone who uses the nasal spray.'
      : 'Do not drive until tomorrow, after a full night of sleep. This is our clinic’s rule after an infusion.'
  const call = clinic.phone
    ? `Questions, or not feeling right? Call ${clinic.name} at ${clinic.phone}.`
    : `Questions, or not feeling right? Call ${clinic.name}.`
  return [
    'Go home with the adult who came to get you. Do not go home alone.',
    driving,
    'Today, do not ride a bike, use tools or machines, or make big choices.',
    'Do not drink alcohol today. Do not take sleeping pills, or any drug that your doctor did not give you.',
    'You may feel tired, dizzy, sick to your stomach, or not quite yourself for the rest of the day. Rest, drink water, and eat something light when you are ready.',
    'You may feel far away or unreal for a while. This often fades in an hour or two. If it does not, or if it scares you, call us.',
    'At your next visit, tell us if it hurts or burns when you pee, if you need to go much more often, or if you see blood in your pee.',
    call,
    'Call 911 right away if you have a very bad headache, chest pain, or trouble breathing.',
    'If you have thoughts of hurting yourself, call or text 988 at any time, day or night.',
  ]
}

export const dischargeFooter =
  'This sheet is general information from your clinic. It is not medical advice for you, and it does not replace what the people who treat you tell you. No one knows yet all the long-term effects of repeated ketamine treatment.'
