/**
 * Which word of a typed line the ASA refused: its answer to a bad word is a caret under that word of the echoed
 * line (prompt included) and `ERROR: % Invalid input detected at '^' marker.` (the caret layout of the ASA/PIX 7+
 * CLI; lab: src/lab/devices/asa-shell.ts). The guided capture reads it to tell "this release has no `capture …
 * match`" (PIX/ASA 7.0, ./acl-form.ts) from any other refusal (a bad interface, a misspelt word).
 */

const INVALID = /ERROR: % Invalid input detected at '\^' marker\./

/** The refused word of `command`, or null when the answer is not a caret refusal or the caret points at no word. */
export function refusedWord(command: string, output: string, promptText: string): string | null {
  if (!INVALID.test(output)) return null
  const caretLine = output.split(/\r?\n/).find((l) => /^ *\^ *$/.test(l))
  if (caretLine === undefined) return null
  // The echo is `PROMPT COMMAND`: the prompt text and one space come before the command's first character.
  const at = caretLine.indexOf('^') - (promptText.length + 1)
  if (at < 0 || at >= command.length) return null
  for (const m of command.matchAll(/\S+/g)) if (at >= m.index && at < m.index + m[0].length) return m[0]
  return null
}

/** Whether the device refused the `match` keyword of a capture line (it needs the access-list form). */
export function refusedMatch(command: string, output: string, promptText: string): boolean {
  return refusedWord(command, output, promptText)?.toLowerCase() === 'match'
}
