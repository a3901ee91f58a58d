import { asaProfile } from './asa'
import type { PlatformProfile } from './types'

/**
 * PIX 7.x/8.0: the ASA code train on PIX hardware, so the same CLI (MPF, `inspect esmtp` instead of fixups);
 * only its name and `show version` banner differ.
 */
export const pix7Profile: PlatformProfile = {
  ...asaProfile,
  id: 'pix7',
  labelKey: 'device.platforms.pix7',
  versionBanner: [/Cisco PIX Security Appliance Software Version/i],
}
