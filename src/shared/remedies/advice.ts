/**
 * Advice remedies: steps for people rather than commands for a device.
 * - `advice.upgrade`: PIX/ASA earlier than 7.2(3) (duplicate-header bug; no `allow-tls`).
 * - `advice.remote-side`: the masking firewall belongs to the other organisation: what to send them and what the
 *   local mail gateway can do meanwhile (TLS Preferred, not Required; DK/DKIM signing off while an old PIX is suspected).
 * - `advice.ftd-flexconfig`: FTD is managed by FMC/FDM: the change goes in a FlexConfig object, never a CLI push.
 * - `advice.local-egress`: masking on deliveries to many destinations or large providers: our own egress firewall
 *   inspects outbound TCP/25 (default global_policy); collect its configuration, do not ask partners first.
 * - `advice.replace-pix`: a PIX 501/506E cannot run 7.x (Cisco PIX 6.x→7.0 upgrade guide), so no upgrade path.
 * - `advice.failover-active`: the output is from the standby unit; configuration is made on the active unit.
 * - `advice.exchange-auth-path`: `451 5.7.3 Cannot achieve Exchange Server authentication` between our own Exchange
 *   servers: look at the EHLO reply across the firewall between them (masked X-EXPS / X-ANONYMOUSTLS, asterisked
 *   banner), fix inspection there, and rule out the other documented cause (a Receive connector without Exchange
 *   Server authentication, KB 979175).
 */
import type { InspectionPlace } from './places'
import { type CommandLine, type Remedy, remedyTexts } from './types'

export function advice(id: Remedy['id'], causes: string[], stepKeys: string[], params: Record<string, string>): Remedy {
  return {
    id,
    type: 'advice',
    ...remedyTexts(id),
    params,
    causes,
    commands: [],
    undo: [],
    verify: [],
    steps: stepKeys.map((k) => ({ textKey: `remedies.${id}.steps.${k}`, params })),
    target: null,
  }
}

export function buildUpgradeAdvice(version: string, causes: string[]): Remedy {
  return advice('advice.upgrade', causes, ['plan', 'meanwhile'], { version })
}

export function buildReplacePixAdvice(model: string, version: string, causes: string[]): Remedy {
  return advice('advice.replace-pix', causes, ['replace', 'meanwhile'], { model, version })
}

export function buildFailoverActiveAdvice(causes: string[]): Remedy {
  return advice('advice.failover-active', causes, ['connectActive', 'checkRole'], {})
}

export function buildLocalEgressAdvice(causes: string[], destinations: string, evidenceLines: string): Remedy {
  return advice('advice.local-egress', causes, ['collectEgress', 'probeEgress', 'fixThere'], {
    destinations,
    evidence: evidenceLines,
  })
}

export function buildExchangeAuthAdvice(causes: string[], evidenceLines: string): Remedy {
  return advice('advice.exchange-auth-path', causes, ['telnetEhlo', 'collectFirewall', 'checkConnector'], {
    evidence: evidenceLines,
  })
}

/** `sideKnown` false: the firewall may be local or remote, so the first step is to find out which. */
export function buildRemoteSideAdvice(
  causes: string[],
  oldPixSuspected: boolean,
  evidenceLines: string,
  sideKnown = true,
): Remedy {
  const steps = [
    ...(sideKnown ? [] : ['collectDevice']),
    'tellPartner',
    'tlsPreferred',
    ...(oldPixSuspected ? ['dkimOff'] : []),
    'recheck',
  ]
  const r = advice('advice.remote-side', causes, steps, { evidence: evidenceLines })
  if (!sideKnown) r.summaryKey = 'remedies.advice.remote-side.summaryPath'
  return r
}

export function buildFtdAdvice(places: InspectionPlace[], causes: string[]): Remedy {
  const r = advice(
    'advice.ftd-flexconfig',
    causes,
    places.length ? ['object', 'assign', 'deploy'] : ['findPlaces', 'object', 'assign', 'deploy'],
    {
      places: places.map((p) => `${p.policy}/${p.className}`).join(', '),
    },
  )
  const lines = (inner: (p: InspectionPlace) => string): CommandLine[] =>
    places.flatMap((p): CommandLine[] => [
      { mode: 'flexconfig', command: `policy-map ${p.policy}` },
      { mode: 'flexconfig', command: ` class ${p.className}` },
      { mode: 'flexconfig', command: `  ${inner(p)}` },
    ])
  r.commands = lines((p) => `no ${p.inspectText}`)
  r.undo = lines((p) => p.inspectText)
  r.verify = places.length
    ? [
        { textKey: 'remedies.verify.serviceTlsMap', command: 'show service-policy inspect esmtp' },
        { textKey: 'remedies.verify.probeTls' },
      ]
    : []
  return r
}
