import { Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import { LearnBenefit } from './learn-benefit'
import { LearnSafety } from './learn-safety'
import { PkExplorer } from './pk-explorer'

// Written for patients in our own words from clinical-reference.md §1–§3, §5–§7 (design.md §1 "Learn").
// §3: IV racemic ketamine for depression is off-label; esketamine's US approvals (2019, 2020, January
// 2025); half-lives (racemic IV ≈ 2.5 h, norketamine longer, 🔶; esketamine nasal 7–12 h, ✅).

const contents = [
  { id: 'trd', label: 'What is treatment-resistant depression?' },
  { id: 'what', label: 'What are ketamine and esketamine?' },
  { id: 'how', label: 'How they are thought to work' },
  { id: 'benefit', label: 'How fast it may help, and for how long' },
  { id: 'risks', label: 'Side effects and risks' },
  { id: 'supervision', label: 'Why it is only given in a clinic' },
  { id: 'questions', label: 'Questions to ask a provider' },
]

export function LearnPage() {
  return (
    <Stack gap="xl" className="learn-prose">
      <Stack gap="sm">
        <Title order={1}>Ketamine for depression that has not responded to treatment</Title>
        <Text size="lg">
          If several antidepressants have not helped you, you are not alone, and it is not your fault. This
          page explains in plain words one option that specialists sometimes discuss: ketamine or esketamine,
          given under medical supervision.
        </Text>
        <Paper withBorder p="md" radius="md" component="nav" aria-label="On this page">
          <Text fw={600} mb="xs">
            On this page
          </Text>
          <List spacing={4}>
            {contents.map((c) => (
              <List.Item key={c.id}>
                <Anchor href={`#${c.id}`}>{c.label}</Anchor>
              </List.Item>
            ))}
          </List>
        </Paper>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="trd">
        <Title order={2} id="trd">
          What is treatment-resistant depression?
        </Title>
        <Text>
          Doctors use the term treatment-resistant depression (TRD) when depression has not improved enough
          after at least two different antidepressants, each taken at a proper dose and for long enough —
          usually at least four to six weeks — during the current episode. "Not improved enough" generally
          means your symptoms went down by less than half.
        </Text>
        <Text>
          The label does not mean nothing can help. It means the usual first steps have not been enough, and
          it is time to look at other options with a specialist. Ketamine is one of several.
        </Text>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="what">
        <Title order={2} id="what">
          What are ketamine and esketamine?
        </Title>
        <Text>
          Ketamine has been used for decades as an anaesthetic for surgery. For depression it is given at a
          much lower dose, usually as a slow drip into a vein (an intravenous infusion) — most often 0.5 mg
          for every kilogram of body weight, over about 40 minutes. A course is typically six infusions over
          two to three weeks.
        </Text>
        <Text>
          <strong>Ketamine infusions for depression are "off-label".</strong> The US Food and Drug
          Administration (FDA) has not approved ketamine as a treatment for depression. What is known about it
          comes from research studies, some of which are summarised further down this page.
        </Text>
        <Text>
          Ketamine is made of two mirror-image forms of the same molecule. Esketamine is one of those forms on
          its own, given as a nasal spray (brand name Spravato). Unlike ketamine infusions, esketamine{' '}
          <strong>is FDA-approved</strong> for depression:
        </Text>
        <List spacing={4}>
          <List.Item>
            in 2019, for treatment-resistant depression, taken together with an antidepressant tablet;
          </List.Item>
          <List.Item>
            in 2020, for symptoms of major depression in people who currently have thoughts of suicide or
            suicidal behaviour (in medical words, acute suicidal ideation or behaviour);
          </List.Item>
          <List.Item>
            in January 2025, for treatment-resistant depression on its own, without a tablet.
          </List.Item>
        </List>
        <Text>
          Both medicines are controlled substances (Schedule III in the US) because they can be misused.
        </Text>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="how">
        <Title order={2} id="how">
          How they are thought to work
        </Title>
        <Text>
          This is the current scientific explanation. Researchers are still studying it, and parts of it may
          change.
        </Text>
        <List type="ordered" spacing="xs">
          <List.Item>
            <strong>Blocking a receptor.</strong> Brain cells pass signals with a chemical messenger called
            glutamate. Ketamine blocks one of the docking sites glutamate uses, the NMDA receptor.
          </List.Item>
          <List.Item>
            <strong>A short burst of glutamate.</strong> Because the block falls partly on cells that normally
            hold activity back, the result is a brief rise in glutamate signalling in some brain areas.
          </List.Item>
          <List.Item>
            <strong>New connections.</strong> That burst is thought to set off processes that help brain cells
            grow and strengthen connections (synapses) — known as synaptic plasticity. Depression is linked
            with the loss of some of these connections, so rebuilding them may be why mood can lift, and why
            the effect can outlast the medicine itself.
          </List.Item>
        </List>
        <Text>
          <strong>How long the medicine stays in the body.</strong> After an infusion, the amount of ketamine
          in the blood falls by half roughly every two and a half hours. The body turns some of it into a
          related substance, norketamine, which takes longer to clear. Esketamine from the nasal spray clears
          more slowly: its level falls by half about every 7 to 12 hours. An improvement in mood, when it
          comes, can last well beyond that.
        </Text>
        <PkExplorer />
      </Stack>

      <LearnBenefit />
      <LearnSafety />

      <Paper withBorder radius="md" p="lg" bg="teal.0" className="no-print">
        <Stack gap="sm">
          <Title order={2} size="h3">
            Want to bring your questions to a provider?
          </Title>
          <Text>
            Our self-check takes about five minutes. It gives you a summary of your answers to print or show
            to your doctor. It does not decide anything, and nothing is saved unless you choose to send it to
            a clinic.
          </Text>
          <Group>
            <Button component={Link} to="/learn/self-check" size="md">
              Start the self-check
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  )
}
