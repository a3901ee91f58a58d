/**
 * The diagnosis panel's lanes come from the case's captures, whatever brought them: when the guided capture (device
 * pane) journals its two dumps and starts removing the captures (`capture.step` remove), the panel reloads the case's
 * captures, draws the lanes and analyses them — without anything dropped or pasted here. The dumps are real tcpdump
 * frames of the lab's inspection path printed in the ASA dump layout (tests/shared/capture/fixtures.ts).
 */
import { render, screen, waitFor } from '@testing-library/react'
import { act } from 'react'
import { describe, expect, it } from 'vitest'
import { BridgeContext } from '../../../src/renderer/src/bridge'
import { DiagnosisPane } from '../../../src/renderer/src/diagnosis/DiagnosisPane'
import type { UnmaskBridge } from '../../../src/shared/api'
import { captureSetsEvidence } from '../../../src/shared/capture/lanes'
import { readDumpText } from '../../../src/shared/capture/sniff'
import { analyzeTexts } from '../../../src/shared/diagnosis'
import { createTranslator } from '../../../src/shared/i18n'
import { type CaptureAdded, captureRecord } from '../../../src/shared/journal/capture-evidence-schema'
import { asDump } from '../../shared/capture/fixtures'

const t = createTranslator('en')
const device = (file: string, side: 'inside' | 'outside'): CaptureAdded =>
  captureRecord(readDumpText(asDump(file)), {
    name: `device:fw show capture UNMASK_${side.toUpperCase()}`,
    origin: 'device',
    side,
    set: 'run-1',
    bytes: 1,
  })

describe('DiagnosisPane and the case captures', () => {
  it('shows and analyses the captures the guided capture put in the case', async () => {
    let inCase: CaptureAdded[] = []
    const analysed: unknown[] = []
    const listeners = new Map<string, (p: unknown) => void>()
    const bridge = {
      invoke: (async (method: string, input: { captures?: CaptureAdded[] }) => {
        if (method === 'capture.list') return inCase
        if (method === 'analysis.run') {
          analysed.push(input)
          // As main does: the case's captures (journal) plus the new ones.
          return analyzeTexts([], captureSetsEvidence([...inCase, ...(input.captures ?? [])]))
        }
        if (method === 'profiles.list') return { devices: [], mailTargets: [] }
        throw new Error(method)
      }) as UnmaskBridge['invoke'],
      on: ((event: string, listener: (p: unknown) => void) => {
        listeners.set(event, listener)
        return () => listeners.delete(event)
      }) as UnmaskBridge['on'],
    } as UnmaskBridge
    render(
      <BridgeContext.Provider value={bridge}>
        <DiagnosisPane caseId="20261205-150000-hanbit-abcdef" />
      </BridgeContext.Provider>,
    )
    // Nothing in the case yet: no lanes, no analysis.
    await waitFor(() => expect(listeners.has('capture.step')).toBe(true))
    expect(screen.queryByTestId('capture-lanes')).toBeNull()
    expect(analysed).toHaveLength(0)

    // The device pane's run read both dumps into the case (outside first), then starts removing the captures.
    inCase = [device('postfix-esmtp-outside.pcap', 'outside'), device('postfix-esmtp-inside.pcap', 'inside')]
    act(() => listeners.get('capture.step')!({ captureId: 'c', step: 'remove', detail: '' }))

    const lanes = await screen.findByTestId('capture-lanes')
    const changed = [...lanes.querySelectorAll('tr[data-kind="changed"]')].find((tr) =>
      tr.textContent?.includes('250-STARTTLS'),
    )
    expect(changed?.textContent).toContain('250-XXXXXXXB')
    // Inside on the left, whatever order the dumps were journalled in.
    expect(lanes.querySelector('thead th')?.textContent).toContain(t('ui.captures.side.inside'))
    await waitFor(() => expect(analysed).toHaveLength(1))
    expect(analysed[0]).toMatchObject({ captures: [] })
    await waitFor(() =>
      expect(
        screen
          .getAllByTestId('check-row')
          .map((r) => r.textContent)
          .join(' '),
      ).toContain('250-XXXXXXXB'),
    )
  })
})
