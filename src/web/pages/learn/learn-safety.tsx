import { List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core'

// clinical-reference.md §2 (contraindications, blood pressure, discharge), §3 (esketamine monitoring
// and REMS), §7 (adverse effects, abuse and dependence) — in our own words. Staffing: only what §2 and
// §3 mark ✅ (every dose medically supervised; for esketamine the prescriber on site and pulse oximetry);
// the airway/ACLS staffing in §2 is ⚠️ unverified, so the page makes no claim about it.

const questions = [
  'Does my history fit the definition of treatment-resistant depression?',
  'Which other treatments could I consider, and how do they compare for me?',
  'Is ketamine or esketamine safe with my other health conditions and medicines?',
  'What happens during a session, who watches over me, and for how long?',
  'How many sessions would I need, and what happens after the course if it helps?',
  'How will we measure whether it is working, and when would we stop?',
  'What side effects should I report, and whom do I call after a session?',
  'What does it cost, and is any of it covered by insurance?',
]

export function LearnSafety() {
  return (
    <>
      <Stack gap="sm" component="section" aria-labelledby="risks">
        <Title order={2} id="risks">
          Side effects and risks
        </Title>
        <Text>Most side effects start during the dose and settle within a few hours. Common ones are:</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {[
            [
              'Feeling detached or unreal',
              'dissociation — with the esketamine spray, most people in the studies (61–84 %) had some',
            ],
            [
              'Sleepiness',
              'about half of people on esketamine became drowsy (48–61 %); rarely, people lose consciousness',
            ],
            ['Nausea and vomiting', 'nausea affects roughly one person in four'],
            ['Dizziness, headache, blurred vision', 'usually short-lived'],
            ['Anxiety', 'the most common effect on mood during a session'],
            [
              'Higher blood pressure',
              'on average the top number rises about 16 mmHg, peaking around 40 minutes; in one large clinic about 1 patient in 8 had a severe rise at some point (about 1 session in 100)',
            ],
          ].map(([title, detail]) => (
            <Text key={title} size="md">
              <strong>{title}</strong>: {detail}.
            </Text>
          ))}
        </SimpleGrid>
        <Title order={3} size="h4">
          Misuse and dependence
        </Title>
        <Text>
          Ketamine is also used as a street drug. Taken often and outside medical care, the body can get used
          to it (tolerance), people can come to depend on it, and heavy use can seriously damage the bladder.
          That is one reason doses are given only in a clinic and never taken home. Tell your team about any
          past drug or alcohol problems, and about any pain or urgency when passing urine.
        </Text>
        <Text>
          <strong>What we do not know yet:</strong> most studies followed people for weeks or months. The
          effects of repeated treatment over years are not fully known.
        </Text>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="supervision">
        <Title order={2} id="supervision">
          Why it is only given in a clinic
        </Title>
        <Text>
          Because ketamine changes blood pressure, alertness and perception, every dose is given and watched
          by trained staff:
        </Text>
        <List spacing="xs">
          <List.Item>Your blood pressure is checked before the dose and again during and after it.</List.Item>
          <List.Item>
            A clinician supervises every dose, and no dose is ever taken home. Ask the clinic who will be with
            you during the session and what they are trained to do.
          </List.Item>
          <List.Item>
            With the esketamine spray, the prescriber stays on site while you take the dose and while you are
            watched afterwards, and your oxygen level is checked with a finger clip (a pulse oximeter)
            throughout.
          </List.Item>
          <List.Item>
            With the esketamine spray you stay in the clinic for at least 2 hours after the dose, and until
            the sleepiness and the detached feeling have passed, under a US safety programme (REMS) that every
            certified clinic follows.
          </List.Item>
          <List.Item>
            You go home with a responsible adult, and you must not drive or operate machinery until the next
            day, after a night's sleep.
          </List.Item>
        </List>
        <Text>
          It may not be safe for everyone. Clinics usually check first for psychosis or mania, pregnancy or
          breastfeeding, high blood pressure that is not controlled, some heart and blood-vessel conditions
          (such as an aneurysm or a past bleed in the brain), and substance use problems.
        </Text>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="questions">
        <Title order={2} id="questions">
          Questions to ask a provider
        </Title>
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
      </Stack>
    </>
  )
}
