import { type GetInputPropsOptions, type LooseKeys, useForm } from '@mantine/form'
import { fieldError } from './mutation-error'

/**
 * A clinical form's values with @mantine/form; `field(path)` gives an input its value and change
 * handler and, once the server refused the write, the server's message for that field (the API
 * validates; the form does not guess its rules).
 */
// biome-ignore lint/suspicious/noExplicitAny: the constraint @mantine/form itself puts on form values
export function useClinicalForm<Values extends Record<string, any>>(
  initialValues: Values,
  serverError: unknown,
) {
  const form = useForm<Values>({ mode: 'controlled', initialValues })
  const field = (path: LooseKeys<Values>, options?: GetInputPropsOptions) => ({
    ...form.getInputProps(path, options),
    error: fieldError(serverError, String(path)),
  })
  const checkbox = (path: LooseKeys<Values>) => form.getInputProps(path, { type: 'checkbox' })
  return { form, values: form.getValues(), field, checkbox }
}
