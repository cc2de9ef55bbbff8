import { List, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core'

// clinical-reference §2 (contraindications, blood pressure, discharge), §3 (esketamine monitoring
// and REMS), §7 (adverse effects, abuse and dependence), in our own plain words. Staffing: only
// what §2 and §3 mark as confirmed (every dose medically supervised; for esketamine the prescriber
// on site and pulse oximetry); the airway/ACLS staffing in §2 is not confirmed, so no claim here.

const questions = [
  'Does my history fit what doctors call treatment-resistant depression?',
  'What other treatments could I try, and how do they compare for me?',
  'Is ketamine or esketamine safe with my other health problems and medicines?',
  'What happens during a visit? Who watches over me, and for how long?',
  'How many visits would I need? What happens after the course if it helps?',
  'How will we know if it is working, and when would we stop?',
  'Which side effects should I tell you about? Whom do I call after a visit?',
  'What will it cost me, and will my insurance pay for any of it?',
]

const effects: [string, string][] = [
  [
    'Feeling far away or unreal',
    'doctors call this dissociation. With the esketamine spray, most people in the studies had some (61 to 84 in 100)',
  ],
  [
    'Sleepiness',
    'about half of people on esketamine got sleepy (48 to 61 in 100). In rare cases, people pass out',
  ],
  ['Feeling sick to your stomach, or throwing up', 'about one person in four feels sick'],
  ['Dizziness, headache, blurry vision', 'these most often pass soon'],
  ['Feeling anxious', 'this is the most common change in mood during a visit'],
  [
    'Higher blood pressure',
    'on average the top number goes up by about 16 points, highest around 40 minutes. In one large clinic, about 1 patient in 8 had a big rise at some point (about 1 visit in 100)',
  ],
]

export function LearnRisks() {
  return (
    <>
      <Text>Most side effects start during the dose and pass within a few hours. Common ones are:</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {effects.map(([title, detail]) => (
          <Text key={title} size="md">
            <strong>{title}</strong>: {detail}.
          </Text>
        ))}
      </SimpleGrid>
      <Title order={3} size="h4">
        Misuse and dependence
      </Title>
      <Text>
        Ketamine is also sold as a street drug. When people take it often, outside of medical care, they can
        need more and more of it to feel the same. They can come to depend on it. Heavy use can badly harm the
        bladder. That is one reason it is only given in a clinic and never taken home. Tell your team about
        any past problems with drugs or alcohol. Tell them too if it hurts when you pee, or if you need to go
        more often.
      </Text>
      <Text>
        <strong>What we do not know yet:</strong> most studies followed people for weeks or months. No one
        knows yet all the effects of treatment that goes on for years.
      </Text>
    </>
  )
}

export function LearnSupervision() {
  return (
    <>
      <Text>
        Ketamine changes blood pressure, how awake you are, and how things seem to you. So every dose is given
        and watched by trained staff:
      </Text>
      <List spacing="xs">
        <List.Item>Staff check your blood pressure before the dose, during it and after it.</List.Item>
        <List.Item>
          A clinician is in charge of every dose, and no dose is ever taken home. Ask the clinic who will be
          with you during the visit and what they are trained to do.
        </List.Item>
        <List.Item>
          With the esketamine spray, the prescriber stays in the building while you take the dose and while
          you are watched after it. A clip on your finger (a pulse oximeter) checks your oxygen the whole
          time.
        </List.Item>
        <List.Item>
          With the esketamine spray, you stay at the clinic for at least 2 hours after the dose. You also stay
          until the sleepiness and the far-away feeling have passed. Every clinic that gives the spray must
          follow this US safety program (called REMS).
        </List.Item>
      </List>
      <Text>
        It may not be safe for everyone. Clinics often check first for psychosis or mania, pregnancy or
        breastfeeding, and high blood pressure that is not under control. They also check for some heart and
        blood vessel problems (such as a bulge in a blood vessel, or past bleeding in the brain), and for
        problems with drugs or alcohol.
      </Text>
    </>
  )
}

export function LearnQuestions() {
  return (
    <List
      spacing="xs"
      icon={
        <ThemeIcon size={22} radius="xl" variant="light" aria-hidden>
          ?
        </ThemeIcon>
      }
    >
      {questions.map((q) => (
        <List.Item key={q}>{q}</List.Item>
      ))}
    </List>
  )
}
