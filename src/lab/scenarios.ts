/** Lab scenarios: JSON files in resources/lab/scenarios, each naming a mail host and (optionally) a firewall. */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { z } from 'zod'
import { PERSONA_IDS } from './mail/personas'

const firewallSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  kind: z.enum(['asa', 'pix6', 'ftd']),
  family: z.enum(['ASA', 'PIX']),
  model: z.string(),
  version: z.string(),
  serial: z.string(),
  config: z.string(),
  credentials: z.object({ username: z.string(), password: z.string(), enable: z.string() }),
  /**
   * Multiple-context mode: `config` is then the system configuration, each context has its own; the mail path
   * follows `mailContext`, and SSH logins land in `adminContext`.
   */
  contexts: z
    .object({
      adminContext: z.string(),
      mailContext: z.string(),
      list: z.array(z.object({ name: z.string().regex(/^[A-Za-z0-9_-]+$/), config: z.string() })).min(1),
    })
    .optional(),
  /** An active/standby pair: the standby unit gets its own management endpoint. */
  failover: z.boolean().optional(),
  /** null: the firewall exists but its management is out of reach (someone else's device). */
  management: z.object({ protocol: z.enum(['ssh', 'telnet']), legacyAlgorithms: z.boolean() }).nullable(),
})

const mailHostSchema = z.object({ persona: z.enum(PERSONA_IDS), hostname: z.string(), domain: z.string() })

export const scenarioSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  description: z.string(),
  mailHost: mailHostSchema,
  firewall: firewallSchema.nullable(),
  /**
   * Not a Cisco firewall: a mail gateway on the path that deletes EHLO lines (pix-asa-smtp-inspection.md §7.5).
   * Only with `firewall: null`.
   */
  gateway: z.object({ product: z.string(), remove: z.array(z.string()).min(1) }).optional(),
  /**
   * Remote MX hosts ("providers") the site sends to: each gets its own mail host on 127.0.0.1 and an SMTP endpoint
   * through the firewall's *egress* path, i.e. connections entering on `inside` (§7.1: the global policy inspects
   * outbound TCP/25 too).
   */
  providers: z.array(mailHostSchema).max(8).optional(),
})

export type Scenario = z.infer<typeof scenarioSchema>
export type ScenarioFirewall = z.infer<typeof firewallSchema>

export class UnknownScenarioError extends Error {
  constructor(
    readonly scenario: string,
    readonly known: string[],
  ) {
    super(`unknown lab scenario '${scenario}' (known: ${known.join(', ')})`)
  }
}

/** resources/lab, found from the source tree (tests) or the built CLI (out/main); UNMASK_LAB_RESOURCES overrides. */
export function labResourcesDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.UNMASK_LAB_RESOURCES) return resolve(env.UNMASK_LAB_RESOURCES)
  let dir = __dirname
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources', 'lab')
    if (existsSync(join(candidate, 'scenarios'))) return candidate
    dir = dirname(dir)
  }
  throw new Error(`lab resources not found above ${__dirname}`)
}

export function listScenarios(resources = labResourcesDir()): string[] {
  return readdirSync(join(resources, 'scenarios'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort()
}

export interface LoadedScenario {
  scenario: Scenario
  /** The firewall's configuration (the system configuration in multiple-context mode). */
  config?: string
  /** Per security context, in multiple-context mode. */
  contextConfigs?: Record<string, string>
}

/**
 * A scenario by name from resources/lab/scenarios, or a trainer's own JSON file by path (its config files are
 * looked up next to it first, then in resources/lab).
 */
export function loadScenario(name: string, resources = labResourcesDir()): LoadedScenario {
  const isFile = name.endsWith('.json') && existsSync(name)
  const known = listScenarios(resources)
  if (!isFile && !known.includes(name)) throw new UnknownScenarioError(name, known)
  const file = isFile ? resolve(name) : join(resources, 'scenarios', `${name}.json`)
  const scenario = scenarioSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
  const read = (config: string) => {
    const local = resolve(dirname(file), config)
    return readFileSync(isFile && existsSync(local) ? local : join(resources, config), 'utf8')
  }
  const config = scenario.firewall ? read(scenario.firewall.config) : undefined
  const contexts = scenario.firewall?.contexts
  const contextConfigs = contexts ? Object.fromEntries(contexts.list.map((c) => [c.name, read(c.config)])) : undefined
  return { scenario, config, contextConfigs }
}
