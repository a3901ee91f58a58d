import { describe, expect, it } from 'vitest'
import { applyPipe, helpFor, matchCommand } from '../../../src/lab/terminal/command-words'

describe('command words', () => {
  it('accepts Cisco abbreviations and reports the word that broke', () => {
    expect(matchCommand(['sh', 'run'], 'show running-config ...')).toEqual({ ok: true, args: [], rest: [] })
    expect(matchCommand(['conf', 't'], 'configure terminal')).toMatchObject({ ok: true })
    expect(matchCommand(['show', 'runing'], 'show running-config ...')).toEqual({ ok: false, failedAt: 1 })
    expect(matchCommand(['inspect', 'esmtp', 'TLS_OK'], 'inspect <protocol> ...')).toEqual({
      ok: true,
      args: ['esmtp'],
      rest: ['TLS_OK'],
    })
    expect(matchCommand(['write'], 'write memory')).toEqual({ ok: false, failedAt: 1 })
  })

  it('lists next keywords, argument slots and completions for ?', () => {
    const patterns = [
      'show version',
      'show running-config ...',
      'show service-policy',
      'configure terminal',
      'terminal pager <n>',
    ]
    expect(helpFor(patterns, 'show ')).toEqual(['running-config', 'service-policy', 'version'])
    expect(helpFor(patterns, 'show ru')).toEqual(['running-config'])
    expect(helpFor(patterns, 'terminal pager ')).toEqual(['WORD'])
    expect(helpFor(patterns, 'show version ')).toEqual(['<cr>'])
    expect(helpFor(patterns, 'reload ')).toEqual([])
  })

  it('filters show output with include, exclude and begin', () => {
    const lines = ['hostname fw', 'policy-map global_policy', ' class inspection_default', '  inspect esmtp']
    expect(applyPipe(lines, ' include esmtp')).toEqual(['  inspect esmtp'])
    expect(applyPipe(lines, ' exclude esmtp')).toEqual([
      'hostname fw',
      'policy-map global_policy',
      ' class inspection_default',
    ])
    expect(applyPipe(lines, ' begin policy-map')).toEqual(lines.slice(1))
    expect(applyPipe(lines, ' frobnicate x')).toBeNull()
  })
})
