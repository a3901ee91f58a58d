/** Every rule, in the order they run (rules that combine other findings come last). Ids are stable API. */

import type { RuleId } from '../findings'
import { captureFirewallRewrote } from './capture/firewall-rewrote'
import { asaEsmtpInspectionActive } from './device/asa-esmtp-inspection-active'
import { asaEsmtpInspectionAllowTls } from './device/asa-esmtp-inspection-allow-tls'
import { asaEsmtpMapUnknown } from './device/asa-esmtp-map-unknown'
import { deviceFailoverStandby } from './device/device-failover-standby'
import { deviceNoSmtpInspection } from './device/device-no-smtp-inspection'
import { ftdManagedDevice } from './device/ftd-managed-device'
import { pixDuplicateHeaderBug } from './device/pix-duplicate-header-bug'
import { pixMailguardActive } from './device/pix-mailguard-active'
import { pixNo7xHardware } from './device/pix-no-7x-hardware'
import { asaEsmtpInspectionLog } from './log/asa-esmtp-inspection'
import { esaStarttlsNotSupported } from './log/esa-starttls-not-supported'
import { exchangeAuthBlocked } from './log/exchange-auth-blocked'
import { postfixPixWorkaround } from './log/postfix-pix-workaround'
import { bannerMasked } from './smtp/banner-masked'
import { commandMasked } from './smtp/command-masked'
import { ehloRejected } from './smtp/ehlo-rejected'
import { keywordMasked } from './smtp/keyword-masked'
import { pathDiffers } from './smtp/path-differs'
import { starttlsBeforeGreeting } from './smtp/starttls-before-greeting'
import { starttlsDeleted } from './smtp/starttls-deleted'
import { starttlsMasked } from './smtp/starttls-masked'
import { starttlsMissing } from './smtp/starttls-missing'
import { starttlsRejected } from './smtp/starttls-rejected'
import { tlsOk } from './smtp/tls-ok'
import { tlsrptFailuresStarted, tlsrptMxScope, tlsrptOtherResults, tlsrptStarttlsNotSupported } from './tlsrpt'
import type { Rule } from './types'

export const RULES: readonly Rule[] = [
  starttlsMasked,
  keywordMasked,
  starttlsRejected,
  commandMasked,
  bannerMasked,
  ehloRejected,
  starttlsMissing,
  starttlsBeforeGreeting,
  tlsOk,
  pathDiffers,
  captureFirewallRewrote,
  starttlsDeleted,
  asaEsmtpInspectionActive,
  asaEsmtpInspectionAllowTls,
  asaEsmtpMapUnknown,
  pixMailguardActive,
  ftdManagedDevice,
  deviceNoSmtpInspection,
  deviceFailoverStandby,
  pixNo7xHardware,
  postfixPixWorkaround,
  asaEsmtpInspectionLog,
  esaStarttlsNotSupported,
  exchangeAuthBlocked,
  tlsrptStarttlsNotSupported,
  tlsrptFailuresStarted,
  tlsrptMxScope,
  tlsrptOtherResults,
  pixDuplicateHeaderBug,
]

export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id)
