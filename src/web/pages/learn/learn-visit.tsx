import { List, Text } from '@mantine/core'

// Visit length and getting home, from clinical-reference §2 (IV: about 40 minutes of infusion, then
// watched until ready, at least 30 minutes by the clinic's default; an adult escort; no driving until
// the next day after sleep, a clinic rule) and §3 (esketamine: watched at least 2 hours after the
// dose, no driving until the next day, both on the label). The reference has no prices, so the cost
// section says what to ask instead of quoting figures.

export function LearnVisit() {
  return (
    <>
      <Text>
        Before each dose, staff check how you are and take your blood pressure. Then, plan for this much time
        after it starts:
      </Text>
      <List spacing="xs">
        <List.Item>
          <strong>Ketamine in a vein:</strong> the drip itself takes about 40 minutes. Then you rest while
          staff watch you until you are ready to go, most often for at least 30 minutes more. Each clinic sets
          its own time, so ask how long to plan for.
        </List.Item>
        <List.Item>
          <strong>Esketamine nasal spray:</strong> you stay at the clinic for at least 2 hours after the first
          spray, and longer if you still feel sleepy or far away.
        </List.Item>
      </List>
      <Text>
        <strong>Getting home.</strong> An adult must come to take you home. Do not drive until the next day,
        after a full night of sleep. For the nasal spray, this rule is part of the US approval. For ketamine
        in a vein, clinics set the same rule. Do not use machines or make big choices on the day of a visit
        either.
      </Text>
    </>
  )
}

export function LearnCost() {
  return (
    <>
      <Text>
        The cost is not the same everywhere. It depends on the clinic, on the treatment, and on your
        insurance. We do not list prices here, because they differ so much. Ask before you start, so there are
        no surprises.
      </Text>
      <Text>Before you start, ask the clinic:</Text>
      <List spacing="xs">
        <List.Item>What does one visit cost, and what does the whole course cost?</List.Item>
        <List.Item>
          What is included: the medicine, the check-up before, and the time you are watched?
        </List.Item>
        <List.Item>Will my insurance pay for any of it? Do I need its OK before I start?</List.Item>
        <List.Item>Is there a payment plan?</List.Item>
      </List>
    </>
  )
}
