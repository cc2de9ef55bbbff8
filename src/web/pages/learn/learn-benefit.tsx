import { List, Paper, Stack, Text, Title } from '@mantine/core'

// clinical-reference.md §6: the literature figures, with the study names.

const findings = [
  {
    study: 'Han et al. 2016 — review of 9 trials, 368 people, one infusion',
    result:
      'About half responded 24 hours after the infusion (52 %); 48 % at 3 days and 40 % at 7 days. Remission: 21 %, 24 % and 26 %.',
  },
  {
    study: 'Murrough et al. 2013 — up to 6 infusions',
    result:
      '71 % responded. Improvement was measurable 2 hours after the first infusion. Among those who responded, half had their depression return within about 18 days after the course (the median time to relapse).',
  },
  {
    study: 'ELEKT-D 2023 — 6 infusions compared with electroconvulsive therapy (ECT)',
    result: '55 % responded with ketamine and 41 % with ECT.',
  },
  {
    study: 'KetECT 2022 — ketamine compared with ECT',
    result:
      'Remission in 46 % with ketamine and 63 % with ECT, after a median of 6 sessions. Of those who remitted with ketamine, 70 % relapsed within 12 months.',
  },
  {
    study: 'Esketamine nasal spray on its own (US approval, January 2025)',
    result: 'After 4 weeks, 22.5 % were in remission, compared with 7.6 % on a placebo spray.',
  },
]

export function LearnBenefit() {
  return (
    <Stack gap="sm" component="section" aria-labelledby="benefit">
      <Title order={2} id="benefit">
        How fast it may help, and for how long
      </Title>
      <Text>
        Most antidepressant tablets take weeks to work. In studies, ketamine often helped within hours to a
        day — but not for everyone, and the benefit often fades within days to weeks, which is why it is given
        as a course and sometimes continued. If there is no improvement after about three infusions, later
        improvement is uncommon, so your team would review the plan.
      </Text>
      <Text size="sm" c="dark.6">
        In these studies, <strong>response</strong> means symptoms fell by at least half;{' '}
        <strong>remission</strong> means few or no symptoms were left. Results in a study are averages over
        many people and cannot predict what will happen for one person.
      </Text>
      <Stack
        gap="xs"
        component="ul"
        aria-label="What studies found"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {findings.map((f) => (
          <Paper key={f.study} component="li" withBorder radius="md" p="sm">
            <Text fw={600} size="sm">
              {f.study}
            </Text>
            <Text size="md">{f.result}</Text>
          </Paper>
        ))}
      </Stack>
      <List size="sm" spacing={4}>
        <List.Item>Ketamine works quickly for many people, but usually does not last on its own.</List.Item>
        <List.Item>
          Trials comparing ketamine with ECT point different ways: more people responded to ketamine in
          ELEKT-D, more reached remission with ECT in KetECT.
        </List.Item>
      </List>
    </Stack>
  )
}
