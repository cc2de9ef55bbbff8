import { Accordion, Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core'
import { lazy, Suspense, useEffect, useState } from 'react'
import { usePublicLinks } from '../../components/public-links'
import { LearnBenefit } from './learn-benefit'
import { LearnQuestions, LearnRisks, LearnSupervision } from './learn-safety'
import { LearnCost, LearnVisit } from './learn-visit'

// The model and its chart library load when a person opens "How they may work", not with the page.
const PkExplorer = lazy(() => import('./pk-explorer').then((m) => ({ default: m.PkExplorer })))

// Written for patients in our own words from clinical-reference §1–§3, §5–§7 (design.md §1 "Learn"),
// at US grade 8 or below (issue 14; test/e2e/learn-self-check.spec.ts measures it). §3: IV racemic
// ketamine for depression is off-label; esketamine's US approvals (2019, 2020, January 2025);
// half-lives (racemic IV ≈ 2.5 h, norketamine longer, 🔶; esketamine nasal 7–12 h, ✅).

function LearnTrd() {
  return (
    <>
      <Text>
        Doctors call depression "treatment-resistant" when it has not gotten better enough after at least two
        different antidepressants. Each one must have been taken at a full dose and for long enough, which is
        often four to six weeks or more. "Not better enough" most often means your symptoms went down by less
        than half.
      </Text>
      <Text>
        This name does not mean that nothing can help. It means the usual first steps were not enough. It is
        time to look at other choices with a specialist. Ketamine is one of them.
      </Text>
    </>
  )
}

function LearnWhat() {
  return (
    <>
      <Text>
        Ketamine has been used for many years to put people to sleep for surgery. For depression, a much
        smaller dose is used. It is most often given as a slow drip into a vein (an IV infusion) over about 40
        minutes. A course is often six infusions over two to three weeks.
      </Text>
      <Text>
        <strong>Ketamine in a vein for depression is "off-label".</strong> This means the US Food and Drug
        Administration (FDA) has not approved it for depression. What we know about it comes from research.
        Some of it is described below.
      </Text>
      <Text>
        Ketamine is made of two mirror-image forms of the same molecule. Esketamine is one of these forms on
        its own. It is a nasal spray (brand name Spravato). Unlike ketamine in a vein, esketamine{' '}
        <strong>is approved by the FDA</strong> for depression:
      </Text>
      <List spacing={4}>
        <List.Item>in 2019, for treatment-resistant depression, taken with an antidepressant pill;</List.Item>
        <List.Item>
          in 2020, for depression in people who have thoughts of suicide or have tried to harm themselves;
        </List.Item>
        <List.Item>in January 2025, for treatment-resistant depression on its own, without a pill.</List.Item>
      </List>
      <Text>Both are controlled drugs in the US (Schedule III), because some people misuse them.</Text>
    </>
  )
}

function LearnHow({ showsModel }: { showsModel: boolean }) {
  return (
    <>
      <Text>This is what scientists think today. They are still studying it, and it may change.</Text>
      <List type="ordered" spacing="xs">
        <List.Item>
          <strong>It blocks a receptor.</strong> Brain cells send signals with a chemical called glutamate.
          Ketamine blocks one of the places where glutamate docks. This is called the NMDA receptor.
        </List.Item>
        <List.Item>
          <strong>A short burst of signals.</strong> The block falls partly on cells that normally calm other
          cells down. So, for a short time, some parts of the brain get more glutamate signals.
        </List.Item>
        <List.Item>
          <strong>New links between cells.</strong> This burst may help brain cells grow and make their links
          stronger. Depression is linked with losing some of these links. Building them back may be why mood
          can lift. It may also be why the good effect can last longer than the drug stays in the body.
        </List.Item>
      </List>
      <Text>
        <strong>How long it stays in the body.</strong> After an infusion, the amount of ketamine in the blood
        falls by half about every two and a half hours. The body turns some of it into another substance,
        norketamine, which takes longer to leave. Esketamine from the nasal spray leaves more slowly. Its
        level falls by half about every 7 to 12 hours. When mood gets better, it can stay better for much
        longer than that.
      </Text>
      {showsModel && (
        <Suspense fallback={<Text c="dimmed">Loading the model…</Text>}>
          <PkExplorer />
        </Suspense>
      )}
    </>
  )
}

const sections = [
  { id: 'trd', label: 'What is treatment-resistant depression?', body: <LearnTrd /> },
  { id: 'what', label: 'What are ketamine and esketamine?', body: <LearnWhat /> },
  { id: 'how', label: 'How they may work', body: null },
  { id: 'benefit', label: 'How fast it may help, and for how long', body: <LearnBenefit /> },
  { id: 'risks', label: 'Side effects and risks', body: <LearnRisks /> },
  { id: 'supervision', label: 'Why it is only given in a clinic', body: <LearnSupervision /> },
  { id: 'visit', label: 'How long a visit takes, and getting home', body: <LearnVisit /> },
  { id: 'cost', label: 'What it costs', body: <LearnCost /> },
  { id: 'questions', label: 'Questions to ask a provider', body: <LearnQuestions /> },
] as const
type SectionId = (typeof sections)[number]['id']
const sectionIds: readonly string[] = sections.map((s) => s.id)

export function LearnPage() {
  // Short sections a person opens one at a time (issue 14); a link to #section opens that one.
  // The page is prerendered with every section closed; the address's #section opens after hydration.
  const [opened, setOpened] = useState<string[]>([])
  const { Link } = usePublicLinks()
  useEffect(() => {
    const hash = window.location.hash.slice(1)
    if (sectionIds.includes(hash)) setOpened([hash])
  }, [])
  // The model stays loaded once its section has been opened.
  const [showsModel, setShowsModel] = useState(false)
  if (opened.includes('how') && !showsModel) setShowsModel(true)
  const isAllOpen = opened.length === sections.length
  const open = (id: SectionId) => {
    setOpened((current) => (current.includes(id) ? current : [...current, id]))
    window.history.replaceState(null, '', `#${id}`)
  }
  const [scrollTo, setScrollTo] = useState<SectionId | null>(null)
  useEffect(() => {
    if (!scrollTo) return
    document.getElementById(`learn-${scrollTo}`)?.scrollIntoView({ block: 'start' })
    document.querySelector<HTMLButtonElement>(`#learn-${scrollTo} button`)?.focus({ preventScroll: true })
    setScrollTo(null)
  }, [scrollTo])

  return (
    <Stack gap="xl" className="learn-prose">
      <Stack gap="sm">
        <Title order={1}>Ketamine for depression that has not gotten better with treatment</Title>
        <Text size="lg">
          Have you tried several antidepressants and they have not helped? You are not alone, and it is not
          your fault. This page explains one choice that specialists sometimes talk about: ketamine or
          esketamine, given with a medical team watching over you.
        </Text>
        <Paper withBorder p="md" radius="md" component="nav" aria-labelledby="learn-contents-title">
          <Text fw={600} mb="xs" id="learn-contents-title">
            On this page
          </Text>
          <List spacing={0} listStyleType="none" ml={0} pl={0}>
            {sections.map((s) => (
              <List.Item key={s.id}>
                <Anchor
                  href={`#${s.id}`}
                  className="learn-toc-link"
                  onClick={(event) => {
                    event.preventDefault()
                    open(s.id)
                    setScrollTo(s.id)
                  }}
                >
                  {s.label}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Paper>
        <Group>
          <Button
            variant="default"
            size="md"
            onClick={() => setOpened(isAllOpen ? [] : [...sectionIds])}
            className="no-print"
          >
            {isAllOpen ? 'Close all sections' : 'Open all sections'}
          </Button>
        </Group>
      </Stack>

      <Accordion
        multiple
        value={opened}
        onChange={setOpened}
        order={2}
        variant="separated"
        radius="md"
        classNames={{
          item: 'learn-section-item',
          control: 'learn-section-control',
          label: 'learn-section-label',
        }}
      >
        {sections.map((s) => (
          <Accordion.Item key={s.id} value={s.id} id={`learn-${s.id}`}>
            <Accordion.Control>{s.label}</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">{s.id === 'how' ? <LearnHow showsModel={showsModel} /> : s.body}</Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>

      <Paper withBorder radius="md" p="lg" bg="teal.0" className="no-print">
        <Stack gap="sm">
          <Title order={2} size="h3">
            Want to bring your questions to a provider?
          </Title>
          <Text>
            Our self-check takes about five minutes. At the end you get a summary of your answers to print or
            show to your doctor. It does not decide anything. Nothing is saved unless you choose to send it to
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
