import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { type FormEvent, useState } from 'react'
import {
  type Consent,
  type ConsentText,
  consentPdfUrl,
  useConsents,
  useCurrentConsentText,
  useSignConsent,
  useWithdrawConsent,
} from '../../api/consent'
import { usePatient } from '../../api/patients'
import { ClinicalCard } from '../../components/clinical-card'
import { useClinicalForm } from '../../components/clinical-form'
import { ReasonModal } from '../../components/clinical-reason-modal'
import { useCurrentClinic } from '../../components/current-clinic'
import { type Column, TitledTable } from '../../components/data-table'
import { fieldError, MutationError } from '../../components/mutation-error'
import { ErrorAlert, PageLoader } from '../../components/page-status'
import { SignaturePad } from '../../components/signature-pad'
import { TimeCell } from '../../components/time-cell'
import type { ChartTabProps } from './chart-tab-props'

/** The consent text as the patient reads it: numbered headings bold, paragraphs apart. */
function ConsentBody({ text }: { text: ConsentText }) {
  return (
    <ScrollArea
      h={340}
      type="always"
      offsetScrollbars
      aria-label="Consent text"
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
    >
      <Stack gap="sm" p="md" maw={760}>
        <Title order={3} size="h4">
          {text.title}
        </Title>
        {text.body.split(/\n\s*\n/).map((block) => {
          const [first = '', ...rest] = block.split('\n')
          const isHeading = /^\d+\.\s/.test(first)
          return (
            <Stack key={block.slice(0, 60)} gap={2}>
              <Text fw={isHeading ? 700 : 400} size="md" lh={1.6}>
                {first}
              </Text>
              {rest.length > 0 && (
                <Text size="md" lh={1.6} style={{ whiteSpace: 'pre-wrap' }}>
                  {rest.join('\n')}
                </Text>
              )}
            </Stack>
          )
        })}
      </Stack>
    </ScrollArea>
  )
}

function SignConsentForm({
  text,
  props,
  defaultSigner,
}: {
  text: ConsentText
  props: ChartTabProps
  defaultSigner: string
}) {
  const { me } = useCurrentClinic()
  const [drawing, setDrawing] = useState<string | null>(null)
  const [hint, setHint] = useState<string | null>(null)
  const sign = useSignConsent(props.clinicId, props.patientId)
  const { form, values, field, checkbox } = useClinicalForm(
    { signerName: defaultSigner, kind: 'drawn' as 'drawn' | 'typed', typed: '', researchUse: false },
    sign.error,
  )
  const { signerName, kind, typed, researchUse } = values

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (kind === 'drawn' && !drawing) return setHint('Sign in the box first.')
    if (kind === 'typed' && typed.trim().toLowerCase() !== signerName.trim().toLowerCase())
      return setHint('The typed signature must be the signer’s full name, as above.')
    setHint(null)
    sign.mutate(
      {
        consentTextId: text.id,
        signerName: signerName.trim(),
        signatureKind: kind,
        signatureData: kind === 'drawn' ? drawing! : typed.trim(),
        researchUse,
      },
      { onSuccess: () => form.setFieldValue('typed', '') },
    )
  }

  if (sign.isSuccess) {
    return (
      <Alert color="teal" variant="light" role="status" title="Consent signed">
        Signed by {sign.data.signerName}, witnessed by {sign.data.witnessName}. Version{' '}
        {sign.data.textVersion}.
      </Alert>
    )
  }

  return (
    <ClinicalCard label="Sign consent" gap="md" onSubmit={submit}>
      <TextInput
        label="Signer's full name"
        description="The patient (or their legal representative)"
        {...field('signerName')}
        required
        withAsterisk={false}
        size="md"
        maw={420}
      />
      <SegmentedControl
        aria-label="Signature kind"
        data={[
          { value: 'drawn', label: 'Draw signature' },
          { value: 'typed', label: 'Type name' },
        ]}
        value={kind}
        onChange={(value) => {
          form.setFieldValue('kind', value as 'drawn' | 'typed')
          setHint(null)
        }}
        w="fit-content"
        size="md"
      />
      {kind === 'drawn' ? (
        <SignaturePad
          label="Patient signature"
          onChange={setDrawing}
          error={fieldError(sign.error, 'signatureData') ?? hint ?? undefined}
        />
      ) : (
        <TextInput
          label="Typed signature"
          description="Type the signer’s full name exactly as above"
          {...form.getInputProps('typed')}
          error={fieldError(sign.error, 'signatureData') ?? hint}
          size="md"
          maw={420}
          styles={{ input: { fontFamily: 'cursive', fontSize: 22 } }}
        />
      )}
      <Checkbox
        size="md"
        label="I agree that my de-identified data may be used for research (optional)"
        {...checkbox('researchUse')}
      />
      <Text size="sm" c="dimmed">
        Witness: <strong>{me.user.displayName}</strong> (you, signed in) is recorded as the witness to this
        signature.
      </Text>
      <MutationError error={sign.error} placedFields={['signerName', 'signatureData']} />
      <Group justify="flex-end">
        <Button type="submit" size="md" loading={sign.isPending}>
          Sign consent
        </Button>
      </Group>
    </ClinicalCard>
  )
}

function consentColumns(props: ChartTabProps, onWithdraw: (consent: Consent) => void): Column<Consent>[] {
  return [
    { header: 'Signed', cell: (c) => <TimeCell iso={c.signedAt} timeZone={props.timeZone} /> },
    {
      header: 'Signer and witness',
      cell: (c) => (
        <>
          <Text size="sm">
            {c.signerName} ({c.signatureKind}), version {c.textVersion}
            {c.researchUse ? ', research use agreed' : ''}
          </Text>
          <Text size="xs" c="dimmed">
            Witness {c.witnessName}
          </Text>
        </>
      ),
    },
    { header: 'Status', cell: (c) => <ConsentStatus consent={c} /> },
    {
      header: null,
      td: { ta: 'right' },
      cell: (c) => (
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Anchor
            href={consentPdfUrl(props.clinicId, props.patientId, c.id)}
            target="_blank"
            rel="noopener"
            size="sm"
          >
            PDF
          </Anchor>
          {props.canWriteClinical && !c.withdrawnAt && (
            <Button variant="subtle" color="red" size="compact-sm" onClick={() => onWithdraw(c)}>
              Withdraw
            </Button>
          )}
        </Group>
      ),
    },
  ]
}

function ConsentStatus({ consent }: { consent: Consent }) {
  if (consent.withdrawnAt) {
    return (
      <>
        <Badge color="red" variant="light">
          Withdrawn
        </Badge>
        <Text size="xs">{consent.withdrawalReason}</Text>
      </>
    )
  }
  if (consent.isCurrent) return <Badge color="teal">Current</Badge>
  return (
    <Badge color="gray" variant="light">
      Earlier version
    </Badge>
  )
}

function WithdrawModal({
  consent,
  props,
  onClose,
}: {
  consent: Consent | null
  props: ChartTabProps
  onClose: () => void
}) {
  const [reason, setReason] = useState('')
  const withdraw = useWithdrawConsent(props.clinicId, props.patientId)
  const close = () => {
    withdraw.reset()
    setReason('')
    onClose()
  }
  return (
    <ReasonModal
      opened={consent !== null}
      onClose={close}
      title="Withdraw consent"
      intro={
        <Text size="sm">
          Record that {consent?.signerName} withdrew this consent. No dose can be given until a new consent is
          signed.
        </Text>
      }
      reasonLabel="Reason"
      reason={reason}
      onReason={setReason}
      reasonField="reason"
      isRequired
      hasAutofocus
      error={withdraw.error}
      confirmLabel="Withdraw consent"
      confirmColor="red"
      isPending={withdraw.isPending}
      onConfirm={() =>
        consent && withdraw.mutate({ consentId: consent.id, reason: reason.trim() }, { onSuccess: close })
      }
    />
  )
}

export function ConsentTab(props: ChartTabProps) {
  const text = useCurrentConsentText(props.clinicId)
  const consents = useConsents(props.clinicId, props.patientId)
  const patient = usePatient(props.clinicId, props.patientId)
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null)
  const [isSigningAgain, setSigningAgain] = useState(false)
  const hasCurrent = consents.data?.some((c) => c.isCurrent && c.consentTextId === text.data?.id) ?? false

  return (
    <Stack gap="lg">
      {text.isPending && <PageLoader />}
      {text.isError && <ErrorAlert error={text.error} title="Could not load the consent text" />}
      {text.data && (
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={2} size="h4">
              Consent text
            </Title>
            <Badge variant="outline" color="gray">
              Version {text.data.version}
            </Badge>
          </Group>
          <ConsentBody text={text.data} />
        </Stack>
      )}
      {text.data && props.canWriteClinical && hasCurrent && !isSigningAgain && (
        <Group>
          <Badge color="teal" size="lg">
            Current consent on file
          </Badge>
          <Button variant="subtle" onClick={() => setSigningAgain(true)}>
            Record a new signature
          </Button>
        </Group>
      )}
      {text.data && props.canWriteClinical && patient.data && (!hasCurrent || isSigningAgain) && (
        <SignConsentForm
          key={text.data.id}
          text={text.data}
          props={props}
          defaultSigner={`${patient.data.givenName} ${patient.data.familyName}`}
        />
      )}
      {consents.isError && <ErrorAlert error={consents.error} title="Could not load the signed consents" />}
      {consents.data && (
        <TitledTable
          title="Signed consents"
          emptyText="None signed yet."
          label="Signed consents"
          minWidth={640}
          rows={consents.data}
          rowKey={(c) => c.id}
          columns={consentColumns(props, setWithdrawing)}
        />
      )}
      <WithdrawModal consent={withdrawing} props={props} onClose={() => setWithdrawing(null)} />
    </Stack>
  )
}
