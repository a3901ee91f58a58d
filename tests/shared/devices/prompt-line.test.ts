/**
 * Issue 13 point 5 (parsing side): one prompt grammar for pasted and live output. The live driver reads prompts
 * with parsePrompt; a paste is split at the same prompts followed by a command (parsePromptLine), so failover and
 * context prompts split a pasted session and become facts.
 */
import { describe, expect, it } from 'vitest'
import { parsePrompt, parsePromptLine } from '../../../src/shared/devices'
import { analyzeTexts } from '../../../src/shared/diagnosis'
import { parseEvidence } from '../../../src/shared/evidence'
import { parseShowVersion } from '../../../src/shared/evidence/device/show-version'
import { numberLines } from '../../../src/shared/evidence/types'

describe('prompt followed by a command, as pasted', () => {
  it.each([
    [
      'fw/pri/act# show running-config',
      { hostname: 'fw', failover: { unit: 'pri', state: 'act' } },
      'show running-config',
    ],
    ['fw/sec/stby# sh run', { hostname: 'fw', failover: { unit: 'sec', state: 'stby' } }, 'sh run'],
    [
      'fw/ctx1/pri/act# show run policy-map',
      { context: 'ctx1', failover: { unit: 'pri', state: 'act' } },
      'show run policy-map',
    ],
    ['FWSM/ceige#', { hostname: 'FWSM', context: 'ceige' }, ''],
    ['> show running-config', { mode: 'ftd' }, 'show running-config'],
  ])('%s', (line, prompt, command) => {
    const parsed = parsePromptLine(line)
    expect(parsed?.prompt).toMatchObject(prompt)
    expect(parsed?.command).toBe(command)
    // The same prompt, typed at live, reads the same way.
    expect(parsePrompt(line.split(/[#>] ?/)[0] + (line.includes('#') ? '#' : '>'))).toMatchObject(prompt)
  })

  it.each(['> 250 quoted in a mail reply', 'a/b/c/d/e/f# show run', 'S: 220 mx ESMTP'])(
    'is not a prompt line: %j',
    (line) => {
      expect(parsePromptLine(line)).toBeNull()
    },
  )

  it('does not split a paste at look-alikes a paste has and a live screen does not (S>, 250-host>)', () => {
    const text = ['S> 220 mx.example.org ESMTP', 'C> EHLO me', '250-mx.example.org>', 'S> 250 SIZE 1000'].join('\n')
    expect(parseEvidence({ source: 'p', text }).parts.map((p) => p.command)).toEqual([null])
  })

  it('splits a pasted failover session and reads the unit and its role as facts', () => {
    const text = ['fw/sec/stby# show running-config', 'ASA Version 9.8(4)', 'hostname fw', 'fw/sec/stby# '].join('\n')
    const { parts, evidence } = parseEvidence({ source: 'paste', text })
    expect(parts.map((p) => [p.kind, p.command])).toEqual([['running-config', 'show running-config']])
    expect(evidence[0]).toMatchObject({ hostname: 'fw', failover: { unit: 'sec', state: 'stby' } })
    const facts = analyzeTexts([{ source: 'paste', text }]).facts
    expect(facts).toMatchObject({ failover: true, failoverUnit: 'secondary', failoverRole: 'standby' })
  })

  it('show version read by the same grammar: a failover prompt names the host', () => {
    const lines = numberLines('fw/pri/act# sh ver\nCisco Adaptive Security Appliance Software Version 9.8(4)10')
    expect(parseShowVersion(lines).hostname).toEqual({ value: 'fw', line: 1 })
  })

  it('reads the role from show failover too, and no role from a plain prompt (counter-example)', () => {
    const failover = [
      'ciscoasa# sh fail',
      'Failover On',
      'Failover unit Primary',
      '        This host: Primary - Active',
    ].join('\n')
    expect(analyzeTexts([{ source: 'p', text: failover }]).facts).toMatchObject({
      failoverUnit: 'primary',
      failoverRole: 'active',
    })
    const plain = ['ciscoasa# show running-config', 'ASA Version 9.8(4)', 'hostname ciscoasa'].join('\n')
    expect(analyzeTexts([{ source: 'p', text: plain }]).facts).toMatchObject({ failoverUnit: null, failoverRole: null })
  })
})
