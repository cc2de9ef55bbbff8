import { Anchor, Group, Paper, Stack, Text } from '@mantine/core'
import { type PortalDocument, usePortalDocuments } from '../../api/portal'
import { PortalHeading } from './portal-fields'
import { formatShortDate } from './portal-format'
import { PortalLoader, PortalProblem } from './portal-status'

const kindLabels: Record<PortalDocument['kind'], string> = {
  consent: 'Consent',
  'discharge-instructions': 'After your visit',
}

/** The patient's own documents, each a PDF the server renders. */
export function DocumentsPage() {
  const documents = usePortalDocuments()
  return (
    <Stack gap="lg">
      <PortalHeading
        title="Your documents"
        lead="The consent you signed, and what to do after each visit. They open as PDF files."
      />
      {documents.isPending && <PortalLoader />}
      {documents.isError && <PortalProblem error={documents.error} />}
      {documents.data?.length === 0 && <Text>There are no documents here yet.</Text>}
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {documents.data?.map((document) => (
          <Paper key={document.id} component="li" withBorder radius="md" p="md">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={2}>
                <Anchor
                  href={document.url}
                  target="_blank"
                  rel="noopener"
                  fw={700}
                  fz="lg"
                  className="portal-tap"
                >
                  {document.title} (PDF)
                </Anchor>
                <Text size="sm">
                  {kindLabels[document.kind]} · {formatShortDate(document.date)}
                </Text>
              </Stack>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  )
}
