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
        This page explains a treatment in general terms. It is not medical advice and cannot tell you whether
        a treatment is right for you. Please talk with a qualified health professional before making any
        decision about your care. The long-term effects of repeated ketamine or esketamine treatment are not
        yet fully known.
      </Text>
    </Alert>
  )
}
