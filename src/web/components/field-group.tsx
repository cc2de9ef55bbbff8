import { Input } from '@mantine/core'
import { type ReactNode, useId } from 'react'

/** A label (styled like an input's) over a control that is not one input: segmented choices. */
export function FieldGroup({
  label,
  error,
  children,
}: {
  label: string
  error?: string | undefined
  children: ReactNode
}) {
  const id = useId()
  return (
    <Input.Wrapper label={label} labelElement="div" labelProps={{ id }} error={error}>
      <fieldset aria-labelledby={id} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        {children}
      </fieldset>
    </Input.Wrapper>
  )
}
