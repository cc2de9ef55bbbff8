import { type QueryKey, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'

/**
 * How a live screen gets its data: `connecting` until the first event, `open` while the server
 * pushes, `reconnecting` after a dropped connection (the browser retries by itself), `failed`
 * when the server refused the stream (signed out, no access) or the browser has no EventSource.
 */
export type LiveStatus = 'connecting' | 'open' | 'reconnecting' | 'failed'

/**
 * Subscribes to a server-sent-events view (the board, the chair-side view) and writes each pushed
 * view into the query cache under `queryKey`, so the page reads it like any query. The server
 * pushes within a second of a change made on any of its processes (ARCHITECTURE.md "Live
 * updates"); the page only polls while the stream is down.
 */
export function useLiveView(url: string, event: string, queryKey: QueryKey): LiveStatus {
  const queryClient = useQueryClient()
  const [status, setStatus] = useState<LiveStatus>(() =>
    typeof EventSource === 'undefined' ? 'failed' : 'connecting',
  )
  const keyText = JSON.stringify(queryKey)
  useEffect(() => {
    if (typeof EventSource === 'undefined') return
    const key = JSON.parse(keyText) as QueryKey
    setStatus('connecting')
    const source = new EventSource(url)
    source.addEventListener(event, (message) => {
      queryClient.setQueryData(key, JSON.parse((message as MessageEvent<string>).data))
      setStatus('open')
    })
    // The server ends the stream when the sign-in ends or access is withdrawn: fall back to a
    // plain request, which shows the sign-in screen or the reason.
    source.addEventListener('end', () => {
      source.close()
      setStatus('failed')
    })
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'failed' : 'reconnecting')
    return () => source.close()
  }, [url, event, keyText, queryClient])
  return status
}
