import { audit } from './audit'
import { cli } from './cli'
import { common } from './common'
import { device } from './device'
import { findings } from './findings'
import { fix } from './fix'
import { lab } from './lab'
import { probe } from './probe'
import { remedies } from './remedies'
import { report } from './report'
import { ui } from './ui'

export const en = { audit, common, cli, findings, remedies, probe, lab, ui, report, fix, device }
