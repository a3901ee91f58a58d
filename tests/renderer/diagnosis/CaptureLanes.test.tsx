/**
 * The capture lanes as drawn in the diagnosis panel, from the shared model of real tcpdump captures
 * (tests/fixtures/captures): the changed rows are marked and quote the finding's line numbers; one capture alone and
 * identical captures say so in words.
 */
import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { CaptureLanes } from '../../../src/renderer/src/diagnosis/CaptureLanes'
import { lineAnchor } from '../../../src/renderer/src/diagnosis/lines'
import { captureLanes, captureSetsEvidence } from '../../../src/shared/capture/lanes'
import { readCapture } from '../../../src/shared/capture/read'
import { analyzeTexts } from '../../../src/shared/diagnosis'
import { createTranslator } from '../../../src/shared/i18n'
import { captureRecord } from '../../../src/shared/journal/capture-evidence-schema'
import { captureBytes } from '../../shared/capture/fixtures'

const t = createTranslator('en')
const rec = (file: string, name: string) =>
  captureRecord(readCapture(captureBytes(file))!, { name, origin: 'file', bytes: 1 })

describe('CaptureLanes', () => {
  it('marks the rows the firewall changed, beside the original, with the lines the finding cites', () => {
    const records = [rec('postfix-esmtp-inside.pcap', 'inside.pcap'), rec('postfix-esmtp-outside.pcap', 'outside.pcap')]
    const sets = captureLanes(records)
    const { container } = render(<CaptureLanes sets={sets} />)
    const section = screen.getByRole('region', { name: t('ui.captures.title') })
    const changed = [...container.querySelectorAll('tr[data-kind="changed"]')]
    const starttls = changed.find((tr) => tr.textContent?.includes('250-STARTTLS'))!
    expect(starttls.textContent).toContain('250-XXXXXXXB')
    expect(starttls.querySelectorAll('td.rewritten')).toHaveLength(2)
    expect(within(starttls as HTMLElement).getAllByText(t('ui.captures.changed'))).toHaveLength(2)
    // Unchanged lines are not marked.
    const same = [...container.querySelectorAll('tr[data-kind="same"]')].find((tr) =>
      tr.textContent?.includes('250-PIPELINING'),
    )!
    expect(same.querySelector('td.rewritten')).toBeNull()
    // The finding's evidence links jump to these cells: same source label, same line numbers.
    const finding = analyzeTexts([], captureSetsEvidence(records)).findings.find(
      (f) => f.id === 'capture.firewall-rewrote',
    )!
    const original = finding.evidence.find((e) => e.excerpt === '250-STARTTLS')!
    const masked = finding.evidence.find((e) => e.excerpt === '250-XXXXXXXB')!
    expect(container.querySelector(`#${lineAnchor(original.source, original.startLine)}`)?.textContent).toContain(
      '250-STARTTLS',
    )
    expect(container.querySelector(`#${lineAnchor(masked.source, masked.startLine)}`)?.textContent).toContain(
      t('ui.captures.line', { line: masked.startLine }),
    )
    const count = sets[0]!.pairs[0]!.differences
    expect(count).toBeGreaterThan(0)
    expect(section.textContent).toContain(t('ui.captures.status.changed', { count }))
  })

  it('one capture alone: one lane, the other side "missing", and why nothing is compared', () => {
    render(<CaptureLanes sets={captureLanes([rec('postfix-esmtp-inside.pcap', 'inside.pcap')])} />)
    expect(screen.getByText(t('ui.captures.status.one-side'))).toBeTruthy()
    expect(screen.getByRole('columnheader', { name: t('ui.captures.missing') })).toBeTruthy()
    expect(document.querySelector('td.rewritten')).toBeNull()
  })

  it('identical captures say there is no change between the interfaces', () => {
    render(
      <CaptureLanes
        sets={captureLanes([rec('postfix-off-inside.pcap', 'in.pcap'), rec('postfix-off-outside.pcap', 'out.pcap')])}
      />,
    )
    expect(screen.getByText(t('ui.captures.status.identical'))).toBeTruthy()
    expect(document.querySelector('tr[data-kind="changed"]')).toBeNull()
  })

  it('a line the other side never saw is marked "only on this side" (a firewall that drops STARTTLS)', () => {
    const inside = rec('postfix-esmtp-inside.pcap', 'inside.pcap')
    const outside = rec('postfix-esmtp-outside.pcap', 'outside.pcap')
    const c = outside.connections[0]!
    c.lines = c.lines.filter((l) => l.text !== '250-XXXXXXXB')
    const { container } = render(<CaptureLanes sets={captureLanes([inside, outside])} />)
    const row = container.querySelector('tr[data-kind="only-left"]')!
    expect(row.textContent).toContain('250-STARTTLS')
    expect(row.textContent).toContain(t('ui.captures.onlyHere'))
    expect(row.querySelector('td.alone')).not.toBeNull()
    // A single capture's rows are all on one side: not marked one by one.
    const single = render(<CaptureLanes sets={captureLanes([inside])} />)
    expect(single.container.textContent).not.toContain(t('ui.captures.onlyHere'))
  })

  it('draws nothing without captures', () => {
    const { container } = render(<CaptureLanes sets={[]} />)
    expect(container.innerHTML).toBe('')
  })
})
