import { useDebouncedValue } from '@mantine/hooks'
import { useListFilter, usePaging } from './list-footer'

/**
 * A searchable list paged by the API: its paging (25 rows to start), the search box's field, and
 * the trimmed search text `q` once typing has paused for 300 ms.
 */
export function useSearchPaging() {
  const paging = usePaging(25)
  const search = useListFilter(paging.setPage)
  const [q] = useDebouncedValue(search.value.trim(), 300)
  return { paging, search, q }
}
