import { type GetInputPropsOptions, type LooseKeys, type UseFormInput, useForm } from '@mantine/form'
import type { ChangeEvent } from 'react'
import { fieldError } from './mutation-error'

interface FieldOptions extends GetInputPropsOptions {
  /** The body field the server names when it refuses this input, where the two differ. */
  serverField?: string
}

/**
 * A clinical form's values with @mantine/form; `field(path)` gives an input its value and change
 * handler and, once the server refused the write, the server's message for that field (the API
 * validates; the form does not guess its rules). A check the form itself runs (`validate`) shows
 * first.
 */
// biome-ignore lint/suspicious/noExplicitAny: the constraint @mantine/form itself puts on form values
export function useClinicalForm<Values extends Record<string, any>>(
  initialValues: Values,
  serverError: unknown,
  {
    messageOf = fieldError,
    ...formOptions
  }: Pick<UseFormInput<Values>, 'validate' | 'clearInputErrorOnChange'> & {
    /** The server's message for a field as it reads beside the input (the ledger's reads as a sentence). */
    messageOf?: (error: unknown, field: string) => string | undefined
  } = {},
) {
  const form = useForm<Values>({ ...formOptions, mode: 'controlled', initialValues })
  const field = (path: LooseKeys<Values>, { serverField, ...inputOptions }: FieldOptions = {}) => {
    const input = form.getInputProps(path, inputOptions)
    return { ...input, error: input.error ?? messageOf(serverError, serverField ?? String(path)) }
  }
  const checkbox = (path: LooseKeys<Values>) => form.getInputProps(path, { type: 'checkbox' })
  return { form, values: form.getValues(), field, checkbox }
}

type TextKey<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T]

/**
 * Text inputs for a part of a form that its parent holds (`value`, replaced whole by `onChange`):
 * `text(key, serverField)` gives an input that key's value, a change that replaces it (through
 * `normalise`, e.g. upper case), and the server's message for `serverField`, the body's name for it.
 */
export function partTextFields<T>(
  value: T,
  onChange: (next: T) => void,
  serverError: unknown,
  messageOf: (error: unknown, field: string) => string | undefined = fieldError,
) {
  return (key: TextKey<T>, serverField = String(key), normalise = (text: string) => text) => ({
    value: value[key] as string,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      onChange({ ...value, [key]: normalise(event.currentTarget.value) }),
    error: messageOf(serverError, serverField),
  })
}
