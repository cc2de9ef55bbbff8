import { Anchor, Group, Paper, Stack, Text } from '@mantine/core'
import { type PortalDocument, usePortalDocuments } from '../../api/portal'
import { formatShortDate } from './portal-format'
import { PortalPage } from './portal-status'

const kindLabels: Record<PortalDocument['kind'], string> = {
  consent: 'Consent',
  'discharge-instructions': 'After your visit',
}

/** The patient's own documents, each a PDF the server renders. */
export function DocumentsPage() {
  return (
    <PortalPage
      title="Your documents"
      lead="The consent you signed, and what to do after each visit. They open as PDF files."
      query={usePortalDocuments()}
    >
      {(documents) => (
        <>
          {documents.length === 0 && <Text>There are no documents here yet.</Text>}
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {documents.map((document) => (
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
        </>
      )}
    </PortalPage>
  )
}
