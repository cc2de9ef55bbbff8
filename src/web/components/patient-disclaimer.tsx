import { Alert, Text } from '@mantine/core'

/**
 * The disclaimer every patient-facing page carries (design.md §1 safety principles, issue 7):
 * educational only, not medical advice, see a qualified professional, long-term effects unknown.
 */
export function PatientDisclaimer() {
  return (
    <Alert
      color="gray"
      variant="light"
      title="Educational information only"
      aria-label="Disclaimer"
      data-testid="patient-disclaimer"
    >
      <Text size="sm">
        This page tells you about a treatment in general. It is not medical advice. It cannot tell you if a
        treatment is right for you. Please talk with a doctor or other trained health worker before you make
        any choice about your care. No one knows yet all the long-term effects of repeated ketamine or
        esketamine treatment.
      </Text>
    </Alert>
  )
}
