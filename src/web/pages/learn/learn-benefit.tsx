import { List, Paper, Stack, Text } from '@mantine/core'

// clinical-reference §6: the study figures, with the study names, in plain words.

const findings = [
  {
    study: 'Han and others, 2016: 9 studies, 368 people, one infusion',
    result:
      'About half got better 24 hours after the infusion (52 in 100). At 3 days it was 48 in 100, and at 7 days 40 in 100. Few or no symptoms left: 21, 24 and 26 in 100.',
  },
  {
    study: 'Murrough and others, 2013: up to 6 infusions',
    result:
      '71 in 100 got better. Some change could be seen 2 hours after the first infusion. Of those who got better, half had their depression come back within about 18 days after the course ended.',
  },
  {
    study:
      'ELEKT-D, 2023: 6 infusions, compared with ECT (a treatment that uses a small electric current while you are asleep)',
    result: '55 in 100 got better with ketamine, and 41 in 100 with ECT.',
  },
  {
    study: 'KetECT, 2022: ketamine compared with ECT',
    result:
      'Few or no symptoms left: 46 in 100 with ketamine, and 63 in 100 with ECT. This took 6 sessions for half of them. Of those with few symptoms left after ketamine, 70 in 100 had their depression come back within a year.',
  },
  {
    study: 'Esketamine nasal spray on its own (US approval, January 2025)',
    result:
      'After 4 weeks, 22 to 23 in 100 had few or no symptoms left, compared with 8 in 100 on a fake spray.',
  },
]

export function LearnBenefit() {
  return (
    <>
      <Text>
        Most antidepressant pills take weeks to work. In studies, ketamine often helped within hours or a day.
        But it does not help everyone. The good effect often fades within days or weeks. That is why it is
        given as a course, and sometimes kept going. If you are not better after about three infusions, it is
        not likely to help later. Your team would then look at the plan again.
      </Text>
      <Text size="sm" c="dark.6">
        In these studies, <strong>got better</strong> means symptoms went down by at least half.{' '}
        <strong>Few or no symptoms left</strong> is what doctors call remission. Study results are averages
        over many people. They cannot tell what will happen to one person.
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
        <List.Item>Ketamine works fast for many people, but on its own it often does not last.</List.Item>
        <List.Item>
          Studies that compare ketamine with ECT do not agree. More people got better with ketamine in
          ELEKT-D. More had few symptoms left with ECT in KetECT.
        </List.Item>
      </List>
    </>
  )
}
