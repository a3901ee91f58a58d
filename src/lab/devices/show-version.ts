/**
 * `show version` texts, modelled on the real captures in ../shared/fixtures/device-output (ntc-templates ASAv 9.5,
 * genieparser ASAv 9.8, chuckbag PIX 6.3, the PIX 6.3(5) licence block). Uptime is the lab's own.
 */
import type { LabDevice } from './lab-device'

export function uptime(since: Date, now = new Date()): string {
  let seconds = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 1000))
  const days = Math.floor(seconds / 86_400)
  seconds -= days * 86_400
  const hours = Math.floor(seconds / 3600)
  seconds -= hours * 3600
  const mins = Math.floor(seconds / 60)
  const secs = seconds - mins * 60
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`
  if (days > 0) return `${part(days, 'day')} ${part(hours, 'hour')}`
  if (hours > 0) return `${part(hours, 'hour')} ${part(mins, 'min')}`
  return `${part(mins, 'min')} ${part(secs, 'sec')}`
}

function lastModified(device: LabDevice): string {
  const d = device.bootedAt
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const time = d.toISOString().slice(11, 23)
  return `${time} UTC ${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${d.getUTCDate()} ${d.getUTCFullYear()}`
}

export function showVersion(device: LabDevice): string[] {
  const { spec } = device
  if (spec.kind === 'pix6') return pix6Version(device)
  if (spec.kind === 'ftd') return ftdVersion(device)
  if (spec.family === 'PIX') return pix7Version(device)
  const lines = spec.model === 'ASAv' ? asavVersion(device) : asa5500Version(device)
  // In multiple-context mode the first line names the space: `<system>` or `<context>` (fixture #2).
  const space = device.runningText()[0]?.match(/<(system|context)>$/)?.[0]
  if (space) lines[0] = `${lines[0]!.trimEnd()} ${space}`
  return lines
}

function asavVersion(device: LabDevice): string[] {
  const v = device.spec.version
  const image = `asa${v.replace(/[^0-9]/g, '').slice(0, 3)}-${v.split(')')[1] || '1'}-smp-k8.bin`
  return [
    `Cisco Adaptive Security Appliance Software Version ${v} `,
    'Device Manager Version 7.8(2)',
    '',
    'Compiled on Tue 20-Aug-19 12:46 PDT by builders',
    `System image file is "boot:/${image}"`,
    'Config file at boot was "startup-config"',
    '',
    `${device.hostname} up ${uptime(device.bootedAt)}`,
    '',
    'Hardware:   ASAv, 2048 MB RAM, CPU Xeon E5 series 3491 MHz,',
    'Model Id:   ASAv10',
    'Internal ATA Compact Flash, 8192MB',
    'Slot 1: ATA Compact Flash, 8192MB',
    'BIOS Flash Firmware Hub @ 0x0, 0KB',
    '',
    '',
    ' 0: Ext: Management0/0       : address is 5001.0003.0000, irq 11',
    ' 1: Ext: GigabitEthernet0/0  : address is 5001.0003.0001, irq 11',
    ' 2: Ext: GigabitEthernet0/1  : address is 5001.0003.0002, irq 10',
    ' 3: Ext: GigabitEthernet0/2  : address is 5001.0003.0003, irq 10',
    '',
    'License mode: Smart Licensing',
    'ASAv Platform License State: Unlicensed',
    'No active entitlement: no feature tier and no throughput level configured',
    '',
    'Licensed features for this platform:',
    'Maximum Physical Interfaces       : 10',
    'Maximum VLANs                     : 50',
    'Inside Hosts                      : Unlimited',
    'Failover                          : Active/Standby',
    'Encryption-DES                    : Enabled',
    'Encryption-3DES-AES               : Enabled',
    'Security Contexts                 : 0',
    'Carrier                           : Disabled',
    'AnyConnect Premium Peers          : 2',
    'AnyConnect Essentials             : Disabled',
    'Other VPN Peers                   : 250',
    'Total VPN Peers                   : 250',
    'Botnet Traffic Filter             : Enabled',
    'Cluster                           : Disabled',
    '',
    `Serial Number: ${device.spec.serial}`,
    '',
    'Image type          : Release',
    'Key version         : A',
    '',
    `Configuration last modified by enable_15 at ${lastModified(device)}`,
  ]
}

function asa5500Version(device: LabDevice): string[] {
  const v = device.spec.version
  return [
    `Cisco Adaptive Security Appliance Software Version ${v} `,
    'Device Manager Version 6.4(5)',
    '',
    'Compiled on Fri 20-May-11 16:00 by builders',
    `System image file is "disk0:/asa${v.replace(/[^0-9]/g, '')}-k8.bin"`,
    'Config file at boot was "startup-config"',
    '',
    `${device.hostname} up ${uptime(device.bootedAt)}`,
    '',
    `Hardware:   ${device.spec.model}, 512 MB RAM, CPU Pentium 4 Celeron 2000 MHz`,
    'Internal ATA Compact Flash, 256MB',
    'BIOS Flash M50FW016 @ 0xfff00000, 2048KB',
    '',
    ' 0: Ext: GigabitEthernet0/0  : address is 001b.d5e8.5a10, irq 9',
    ' 1: Ext: GigabitEthernet0/1  : address is 001b.d5e8.5a11, irq 9',
    ' 2: Ext: GigabitEthernet0/2  : address is 001b.d5e8.5a12, irq 9',
    ' 3: Ext: Management0/0       : address is 001b.d5e8.5a13, irq 11',
    '',
    'Licensed features for this platform:',
    'Maximum Physical Interfaces    : Unlimited',
    'Maximum VLANs                  : 150',
    'Inside Hosts                   : Unlimited',
    'Failover                       : Active/Active',
    'VPN-DES                        : Enabled',
    'VPN-3DES-AES                   : Enabled',
    'Security Contexts              : 2',
    '',
    `This platform has an ${device.spec.model.replace('ASA', 'ASA ')} VPN Plus license.`,
    '',
    `Serial Number: ${device.spec.serial}`,
    'Running Activation Key: 0x0b1c2d3e 0x4f506172 0x8394a5b6 0xc7d8e9fa 0x0b1c2d3e',
    'Configuration register is 0x1',
    `Configuration last modified by enable_15 at ${lastModified(device)}`,
  ]
}

function pix7Version(device: LabDevice): string[] {
  return [
    `Cisco PIX Security Appliance Software Version ${device.spec.version}`,
    'Device Manager Version 5.2(1)',
    '',
    'Compiled on Wed 31-May-06 14:45 by root',
    'System image file is "flash:/image.bin"',
    'Config file at boot was "startup-config"',
    '',
    `${device.hostname} up ${uptime(device.bootedAt)}`,
    '',
    `Hardware:   ${device.spec.model}, 64 MB RAM, CPU Pentium II 433 MHz`,
    'Flash E28F128J3 @ 0xfff00000, 16MB',
    'BIOS Flash AM29F400B @ 0xfffd8000, 32KB',
    '',
    ' 0: Ext: Ethernet0           : address is 0013.c4a1.2b3c, irq 10',
    ' 1: Ext: Ethernet1           : address is 0013.c4a1.2b3d, irq 11',
    '',
    'Licensed features for this platform:',
    'Maximum Physical Interfaces : 6',
    'Maximum VLANs               : 25',
    'Inside Hosts                : Unlimited',
    'Failover                    : Active/Active',
    'VPN-DES                     : Enabled',
    'VPN-3DES-AES                : Enabled',
    '',
    'This platform has an Unrestricted (UR) license.',
    '',
    `Serial Number: ${device.spec.serial}`,
    'Running Activation Key: 0x12345678 0x12345678 0x12345678 0x12345678',
    'Configuration register is 0x1',
    `Configuration last modified by enable_15 at ${lastModified(device)}`,
  ]
}

function pix6Version(device: LabDevice): string[] {
  return [
    '',
    `Cisco PIX Firewall Version ${device.spec.version}`,
    'Cisco PIX Device Manager Version 3.0(4)',
    '',
    'Compiled on Thu 04-Aug-05 21:40 by morlee',
    '',
    `${device.hostname} up ${uptime(device.bootedAt)}`,
    '',
    `Hardware:   ${device.spec.model}, 64 MB RAM, CPU Pentium II 433 MHz`,
    'Flash E28F128J3 @ 0x300, 16MB',
    'BIOS Flash AM29F400B @ 0xfffd8000, 32KB',
    '',
    '0: ethernet0: address is 0013.c4a1.2b3c, irq 10',
    '1: ethernet1: address is 0013.c4a1.2b3d, irq 11',
    'Licensed Features:',
    'Failover:                    Enabled',
    'VPN-DES:                     Enabled',
    'VPN-3DES-AES:                Enabled',
    'Maximum Physical Interfaces: 6',
    'Maximum Interfaces:          10',
    'Cut-through Proxy:           Enabled',
    'Guards:                      Enabled',
    'URL-filtering:               Enabled',
    'Inside Hosts:                Unlimited',
    'Throughput:                  Unlimited',
    'IKE peers:                   Unlimited',
    '',
    'This PIX has an Unrestricted (UR) license.',
    '',
    `Serial Number: ${device.spec.serial} (0x${Number(device.spec.serial).toString(16)})`,
    'Running Activation Key: 0x12345678 0x12345678 0x12345678 0x12345678',
    `Configuration last modified by enable_15 at ${lastModified(device)}`,
  ]
}

function ftdVersion(device: LabDevice): string[] {
  return [
    `-------------------[ ${device.hostname} ]--------------------`,
    `Model                     : Cisco Firepower Threat Defense for VMware (75) Version ${device.spec.version} (Build 208)`,
    'UUID                      : 5f1c2a9e-7d44-11ee-9b1a-8c3e2f6a1d0b',
    'LSP version               : lsp-rel-20230712-1621',
    'VDB version               : 365',
    '----------------------------------------------------',
    '',
    'Cisco Adaptive Security Appliance Software Version 9.18(3)53 ',
  ]
}
