import { describe, expect, it } from 'vitest'
import { RULE_IDS } from '../../../src/shared/rules'

describe('rule registry', () => {
  it('has every rule id the issue names, each once', () => {
    const required = [
      'smtp.starttls-masked',
      'smtp.starttls-rejected',
      'smtp.command-masked',
      'smtp.banner-masked',
      'smtp.ehlo-rejected',
      'smtp.starttls-missing',
      'smtp.starttls-before-greeting',
      'smtp.tls-ok',
      'asa.esmtp-inspection-active',
      'asa.esmtp-inspection-allow-tls',
      'pix.mailguard-active',
      'pix.duplicate-header-bug',
      'ftd.managed-device',
      'device.no-smtp-inspection',
      'log.postfix-pix-workaround',
      'log.asa-esmtp-inspection',
      'log.esa-starttls-not-supported',
    ]
    // Other parts may add rules (the probe comparison adds smtp.path-differs); these must all be there.
    expect(RULE_IDS).toEqual(expect.arrayContaining(required))
    expect(RULE_IDS).toContain('smtp.path-differs')
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length)
  })

  it('runs the combining rule last', () => {
    expect(RULE_IDS.at(-1)).toBe('pix.duplicate-header-bug')
  })
})
