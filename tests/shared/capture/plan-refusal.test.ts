/**
 * Which word the ASA refused, from its caret under the echoed line (prompt + command) — the guided capture's test for
 * "this release has no `capture … match`" (PIX/ASA 7.0). Layout: the caret line and `ERROR: % Invalid input detected
 * at '^' marker.` as the lab ASA prints them (src/lab/devices/asa-shell.ts; tests/lab/capture/pix70-acl-capture.test.ts
 * checks the lab's column against a real SSH session).
 */
import { describe, expect, it } from 'vitest'
import { refusedMatch, refusedWord } from '../../../src/shared/capture/guided/refusal'

const PROMPT = 'pixfirewall#'
const LINE = 'capture UNMASK_SRV interface inside buffer 1048576 match tcp any host 192.168.10.25 eq 25'
const ERROR = "ERROR: % Invalid input detected at '^' marker."
/** The device's answer with the caret under the character at `index` of the command. */
const caretAt = (index: number) => `${' '.repeat(PROMPT.length + 1 + index)}^\n${ERROR}`

describe('refused word', () => {
  it('the caret under `match` says the device needs the access-list form', () => {
    const answer = caretAt(LINE.indexOf('match'))
    expect(refusedWord(LINE, answer, PROMPT)).toBe('match')
    expect(refusedMatch(LINE, answer, PROMPT)).toBe(true)
  })

  it('counter-examples: a caret under another word, an incomplete line, no caret, a caret beyond the line', () => {
    const underInterface = caretAt(LINE.indexOf('inside'))
    expect(refusedWord(LINE, underInterface, PROMPT)).toBe('inside')
    expect(refusedMatch(LINE, underInterface, PROMPT)).toBe(false)
    expect(refusedMatch(LINE, 'ERROR: % Incomplete command', PROMPT)).toBe(false)
    expect(refusedMatch(LINE, ERROR, PROMPT)).toBe(false)
    expect(refusedMatch(LINE, caretAt(LINE.length + 3), PROMPT)).toBe(false)
    // The same caret column with a longer prompt points elsewhere: the prompt is counted.
    expect(refusedMatch(LINE, caretAt(LINE.indexOf('match')), 'pixfirewall(config)#')).toBe(false)
  })
})
