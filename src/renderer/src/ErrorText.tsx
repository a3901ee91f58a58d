/** An error under a form or pane, announced to screen readers; nothing when there is none. */
export function ErrorText({ error }: { error?: string }) {
  if (!error) return null
  return (
    <p className="error" role="alert">
      {error}
    </p>
  )
}
