/**
 * Configuration-mode commands of the simulated ASA (MPF subset for SMTP inspection). Each entry edits the live
 * running-config tree; the inspection proxy reads the result on the next connection.
 */
import type { CommandTable } from '../terminal/command-words'
import { accessListCommands } from './asa-acl-commands'
import { type ConfigNode, findChild, insertTopLevel, nodeAt, removeChildren } from './config-tree'
import type { LabDevice } from './lab-device'

export type ConfigMode =
  | 'config'
  | 'config-cmap'
  | 'config-pmap'
  | 'config-pmap-c'
  | 'config-pmap-p'
  | 'config-network-object'

export interface ConfigContext {
  device: LabDevice
  /** Lines from the top of the config to the node being edited. */
  path: string[]
  mode: ConfigMode
  print(text: string): void
  enter(mode: ConfigMode, path: string[]): void
}

const here = (ctx: ConfigContext): ConfigNode | undefined => nodeAt(ctx.device.running, ctx.path)
const changed = (ctx: ConfigContext) => ctx.device.changed()

export const globalConfigCommands: Array<CommandTable<ConfigContext>> = [
  // The guided capture's access-list form (issue 21).
  ...accessListCommands,
  {
    pattern: 'hostname <name>',
    run: (ctx, [name]) => {
      const node = ctx.device.running.find((n) => n.line.startsWith('hostname '))
      if (node) node.line = `hostname ${name}`
      else insertTopLevel(ctx.device.running, `hostname ${name}`)
      changed(ctx)
    },
  },
  {
    pattern: 'class-map <name>',
    run: (ctx, [name]) => {
      insertTopLevel(ctx.device.running, `class-map ${name}`)
      changed(ctx)
      ctx.enter('config-cmap', [`class-map ${name}`])
    },
  },
  {
    pattern: 'no class-map <name>',
    run: (ctx, [name]) => {
      removeChildren(ctx.device.running, (l) => l === `class-map ${name}`)
      changed(ctx)
    },
  },
  {
    pattern: 'policy-map type inspect esmtp <name>',
    run: (ctx, [name]) => {
      insertTopLevel(ctx.device.running, `policy-map type inspect esmtp ${name}`)
      changed(ctx)
      ctx.enter('config-pmap', [`policy-map type inspect esmtp ${name}`])
    },
  },
  {
    pattern: 'no policy-map type inspect esmtp <name>',
    run: (ctx, [name]) => {
      removeChildren(ctx.device.running, (l) => l === `policy-map type inspect esmtp ${name}`)
      changed(ctx)
    },
  },
  {
    pattern: 'policy-map <name>',
    run: (ctx, [name]) => {
      insertTopLevel(ctx.device.running, `policy-map ${name}`)
      changed(ctx)
      ctx.enter('config-pmap', [`policy-map ${name}`])
    },
  },
  {
    pattern: 'no policy-map <name>',
    run: (ctx, [name]) => {
      removeChildren(ctx.device.running, (l) => l === `policy-map ${name}`)
      changed(ctx)
    },
  },
  {
    pattern: 'service-policy <name> global',
    run: (ctx, [name]) => servicePolicy(ctx, `service-policy ${name} global`),
  },
  {
    pattern: 'service-policy <name> interface <ifname>',
    run: (ctx, [name, ifname]) => servicePolicy(ctx, `service-policy ${name} interface ${ifname}`),
  },
  {
    pattern: 'no service-policy <name> global',
    run: (ctx, [name]) => {
      removeChildren(ctx.device.running, (l) => l === `service-policy ${name} global`)
      changed(ctx)
    },
  },
  {
    pattern: 'no service-policy <name> interface <ifname>',
    run: (ctx, [name, ifname]) => {
      removeChildren(ctx.device.running, (l) => l === `service-policy ${name} interface ${ifname}`)
      changed(ctx)
    },
  },
  {
    pattern: 'pager lines <n>',
    run: (ctx, [n]) => {
      const node = ctx.device.running.find((x) => x.line.startsWith('pager lines '))
      if (node) node.line = `pager lines ${n}`
      else insertTopLevel(ctx.device.running, `pager lines ${n}`)
      changed(ctx)
    },
  },
]

function servicePolicy(ctx: ConfigContext, line: string): void {
  if (!findChild(ctx.device.running, `policy-map ${line.split(' ')[1]}`)) {
    ctx.print(`ERROR: Policy map ${line.split(' ')[1]} does not exist`)
    return
  }
  // Only one global policy may exist: a new one replaces the old.
  if (line.endsWith(' global')) removeChildren(ctx.device.running, (l) => /^service-policy \S+ global$/.test(l))
  insertTopLevel(ctx.device.running, line)
  changed(ctx)
}

export const classMapCommands: Array<CommandTable<ConfigContext>> = [
  { pattern: 'match default-inspection-traffic', run: (ctx) => setMatch(ctx, 'match default-inspection-traffic') },
  { pattern: 'match any', run: (ctx) => setMatch(ctx, 'match any') },
  { pattern: 'match port tcp eq <port>', run: (ctx, [p]) => setMatch(ctx, `match port tcp eq ${p}`) },
  { pattern: 'match port tcp range <a> <b>', run: (ctx, [a, b]) => setMatch(ctx, `match port tcp range ${a} ${b}`) },
  { pattern: 'match access-list <acl>', run: (ctx, [acl]) => setMatch(ctx, `match access-list ${acl}`) },
  {
    pattern: 'no match ...',
    run: (ctx, _a, rest) => {
      const node = here(ctx)
      if (node) removeChildren(node.children, (l) => l === `match ${rest.join(' ')}`)
      changed(ctx)
    },
  },
  {
    pattern: 'description ...',
    run: (ctx, _a, rest) => setChild(ctx, 'description ', `description ${rest.join(' ')}`),
  },
]

function setMatch(ctx: ConfigContext, line: string): void {
  const node = here(ctx)
  if (!node) return
  // A class-map holds one match criterion (besides description) on the ASA.
  removeChildren(node.children, (l) => l.startsWith('match '))
  node.children.push({ line, children: [] })
  changed(ctx)
}

function setChild(ctx: ConfigContext, prefix: string, line: string): void {
  const node = here(ctx)
  if (!node) return
  removeChildren(node.children, (l) => l.startsWith(prefix))
  node.children.unshift({ line, children: [] })
  changed(ctx)
}

export const policyMapCommands: Array<CommandTable<ConfigContext>> = [
  {
    pattern: 'class <name>',
    run: (ctx, [name]) => {
      const node = here(ctx)
      if (!node || ctx.path[0]!.startsWith('policy-map type ')) return
      if (name !== 'class-default' && !findChild(ctx.device.running, `class-map ${name}`)) {
        ctx.print(`ERROR: class-map ${name} does not exist`)
        return
      }
      const existing = findChild(node.children, `class ${name}`)
      if (!existing) {
        // class-default always stays last.
        const last = node.children.findIndex((c) => c.line === 'class class-default')
        const child = { line: `class ${name}`, children: [] }
        if (last === -1) node.children.push(child)
        else node.children.splice(last, 0, child)
      }
      changed(ctx)
      ctx.enter('config-pmap-c', [...ctx.path, `class ${name}`])
    },
  },
  {
    pattern: 'no class <name>',
    run: (ctx, [name]) => {
      const node = here(ctx)
      if (node) removeChildren(node.children, (l) => l === `class ${name}`)
      changed(ctx)
    },
  },
  {
    pattern: 'parameters',
    run: (ctx) => {
      const node = here(ctx)
      if (!node) return
      if (!findChild(node.children, 'parameters')) node.children.unshift({ line: 'parameters', children: [] })
      ctx.enter('config-pmap-p', [...ctx.path, 'parameters'])
    },
  },
  {
    pattern: 'description ...',
    run: (ctx, _a, rest) => setChild(ctx, 'description ', `description ${rest.join(' ')}`),
  },
  {
    // An inspect map's match criterion (`match cmd line length gt 512`); its action follows in config-pmap-c.
    pattern: 'match ...',
    run: (ctx, _a, rest) => {
      const node = here(ctx)
      if (!node || !ctx.path[0]!.startsWith('policy-map type inspect ')) return
      const line = `match ${rest.join(' ')}`
      if (!findChild(node.children, line)) node.children.push({ line, children: [] })
      changed(ctx)
      ctx.enter('config-pmap-c', [...ctx.path, line])
    },
  },
]

/** The action under an inspect map's match criterion (`drop-connection log`): one per criterion. */
const matchAction = (word: string): CommandTable<ConfigContext> => ({
  pattern: `${word} ...`,
  run: (ctx, _a, rest) => {
    const node = here(ctx)
    if (!node?.line.startsWith('match ')) return
    node.children = [{ line: [word, ...rest].join(' '), children: [] }]
    changed(ctx)
  },
})

export const policyClassCommands: Array<CommandTable<ConfigContext>> = [
  matchAction('drop-connection'),
  matchAction('reset'),
  matchAction('log'),
  matchAction('mask'),
  {
    pattern: 'inspect <protocol> ...',
    run: (ctx, [protocol], rest) => {
      const node = here(ctx)
      if (!node) return
      const line = ['inspect', protocol, ...rest].join(' ')
      const sameProtocol = new RegExp(`^inspect ${protocol}(\\s|$)`)
      const index = node.children.findIndex((c) => sameProtocol.test(c.line))
      if (index === -1) node.children.push({ line, children: [] })
      else node.children[index] = { line, children: [] }
      changed(ctx)
    },
  },
  {
    pattern: 'no inspect <protocol> ...',
    run: (ctx, [protocol]) => {
      const node = here(ctx)
      if (node) removeChildren(node.children, (l) => new RegExp(`^inspect ${protocol}(\\s|$)`).test(l))
      changed(ctx)
    },
  },
]

const parameter = (line: string, prefix: string): CommandTable<ConfigContext> => ({
  pattern: line,
  run: (ctx, _a, rest) => {
    const node = here(ctx)
    if (!node) return
    removeChildren(node.children, (l) => l === prefix || l.startsWith(`${prefix} `) || l === `no ${prefix}`)
    node.children.push({ line: [line.replace(/ \.\.\.$/, ''), ...rest].join(' '), children: [] })
    changed(ctx)
  },
})

const noParameter = (prefix: string): CommandTable<ConfigContext> => ({
  pattern: `no ${prefix} ...`,
  run: (ctx) => {
    const node = here(ctx)
    if (node) removeChildren(node.children, (l) => l === prefix || l.startsWith(`${prefix} `))
    changed(ctx)
  },
})

export const parametersCommands: Array<CommandTable<ConfigContext>> = [
  parameter('allow-tls ...', 'allow-tls'),
  noParameter('allow-tls'),
  parameter('mask-banner', 'mask-banner'),
  noParameter('mask-banner'),
  parameter('mail-relay ...', 'mail-relay'),
  noParameter('mail-relay'),
  parameter('special-character ...', 'special-character'),
  noParameter('special-character'),
]
