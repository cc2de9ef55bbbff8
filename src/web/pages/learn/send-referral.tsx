import {
  Alert,
  Button,
  Checkbox,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import type { SelfCheckAnswers } from '../../../domain/self-check'
import { usePublicClinics, useSendReferral } from '../../api/public'
import { fieldError, MutationError } from '../../components/mutation-error'

const placedFields = ['clinicId', 'name', 'email', 'phone', 'preferredContact', 'consentToContact']

/**
 * How long to wait for a reply before calling the clinic, as a stated default: clinics keep no
 * reply-time setting, so the page says when to call, not a promise of a reply (issue 14).
 */
export const referralReplyWorkingDays = 2

/** The only way a self-check leaves the browser: the person picks a clinic and agrees to be contacted. */
export function SendReferral({ answers, isUrgent }: { answers: SelfCheckAnswers; isUrgent: boolean }) {
  const clinics = usePublicClinics()
  const send = useSendReferral()
  const form = useForm({
    initialValues: {
      clinicId: null as string | null,
      name: '',
      email: '',
      phone: '',
      preferredContact: 'email' as 'email' | 'phone',
      consentToContact: false,
    },
  })
  const { clinicId, preferredContact, consentToContact } = form.values
  /** A field's value and change from the form, and the problem the API named for it. */
  const field = (name: 'clinicId' | 'name' | 'email' | 'phone') => ({
    ...form.getInputProps(name),
    error: fieldError(send.error, name),
  })

  if (send.isSuccess) {
    const clinic = clinics.data?.items.find((c) => c.id === clinicId)
    const clinicName = clinic?.name ?? 'the clinic'
    return (
      <Alert color="teal" variant="light" title={`Sent to ${clinicName}`} role="status" className="no-print">
        <Stack gap="xs">
          <Text size="sm">
            The clinic has your summary. They will get in touch with you by{' '}
            {preferredContact === 'email' ? 'e-mail' : 'phone'}. Nothing else was stored.
          </Text>
          <Text size="sm" data-testid="referral-reply-time">
            If you have not heard from them within {referralReplyWorkingDays} working days, call {clinicName}
            {clinic?.phone ? ` at ${clinic.phone}` : ''}.
          </Text>
          {isUrgent && (
            <Text size="sm" fw={600}>
              A clinic may not read this straight away. If you are in danger, or might act on thoughts of
              hurting yourself, call or text 988, or call 911, now.
            </Text>
          )}
        </Stack>
      </Alert>
    )
  }

  const submit = form.onSubmit((values) =>
    send.mutate({ ...values, clinicId: values.clinicId ?? '', selfCheck: answers }),
  )

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'lg' }}
      className="no-print"
      component="section"
      aria-labelledby="send-title"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Stack gap={2}>
            <Title order={2} size="h3" id="send-title">
              Optional: send this summary to a clinic
            </Title>
            <Text size="sm" c="dark.6">
              Do this only if you want a clinic to get in touch about a visit. The clinic gets your name, how
              to reach you, and the answers above. Nothing is sent unless you press Send.
            </Text>
          </Stack>
          <Select
            label="Clinic"
            placeholder={clinics.isPending ? 'Loading…' : 'Choose a clinic'}
            data={(clinics.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            {...field('clinicId')}
            allowDeselect={false}
            required
          />
          <TextInput label="Your name" {...field('name')} autoComplete="name" required />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label="E-mail" type="email" {...field('email')} autoComplete="email" />
            <TextInput label="Phone" type="tel" {...field('phone')} autoComplete="tel" />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="preferred-contact-label">
              How should the clinic reach you?
            </Text>
            <SegmentedControl
              aria-labelledby="preferred-contact-label"
              {...form.getInputProps('preferredContact')}
              data={[
                { value: 'email', label: 'E-mail' },
                { value: 'phone', label: 'Phone' },
              ]}
              w={{ base: '100%', sm: 260 }}
            />
          </Stack>
          <Checkbox
            label="I agree that this clinic may get in touch with me about my self-check."
            {...form.getInputProps('consentToContact', { type: 'checkbox' })}
            error={fieldError(send.error, 'consentToContact')}
          />
          <MutationError error={send.error} placedFields={placedFields} />
          <div>
            <Button type="submit" loading={send.isPending} disabled={!consentToContact}>
              Send to the clinic
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  )
}
