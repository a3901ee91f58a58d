/**
 * Device outputs for which no public capture is in the fixtures; written in the documented formats (knowledge file
 * sections 1.2, 1.4, 1.5 and the INDEX notes on show version first lines).
 */

/** FTD `show version`: the FTD model block, then the ASA engine line. */
export const FTD_SHOW_VERSION = `> show version
-------------------[ ftd1.example.net ]--------------------
Model                     : Cisco Firepower Threat Defense for VMware (75) Version 7.0.1 (Build 84)
UUID                      : 2f2b4c1e-0000-11ec-8a0b-000000000000
VDB version               : 346
----------------------------------------------------------

Cisco Adaptive Security Appliance Software Version 9.16(2)
`

export const PIX7_SHOW_VERSION = `pix1# show version

Cisco PIX Security Appliance Software Version 7.2(2)
Device Manager Version 5.2(2)

Compiled on Wed 22-Nov-06 14:16 by builders
System image file is "flash:/pix722.bin"
Config file at boot was "startup-config"

pix1 up 12 days 3 hours

Hardware:   PIX-515E, 64 MB RAM, CPU Pentium II 433 MHz
`

/** 8.x `show service-policy inspect esmtp` with per-parameter counters (knowledge file 1.2). */
export const SERVICE_POLICY_8X = `asa# show service-policy inspect esmtp

Global policy:
  Service-policy: global_policy
    Class-map: inspection_default
      Inspect: esmtp _default_esmtp_map, packet 54698280, drop 2676, reset-drop 0
        mask-banner, count 2311
        match cmd line length gt 512
          drop-connection log, packet 0
        match cmd RCPT count gt 100
          drop-connection log, packet 12

Interface dmz:
  Service-policy: DMZ_POLICY
    Class-map: MAIL
      Inspect: esmtp TLS_OK, packet 100, drop 0, reset-drop 0
`

/** A configuration with every shape the ESMTP rules must tell apart. */
export const MIXED_POLICY_CONFIG = `: Saved
:
ASA Version 8.2(1)
!
hostname edge
!
class-map MAIL
 match port tcp eq 25
class-map inspection_default
 match default-inspection-traffic
!
policy-map type inspect esmtp TLS_OK
 parameters
  mask-banner
  allow-tls action log
policy-map type inspect esmtp STRICT
 parameters
  mask-banner
  no allow-tls
policy-map global_policy
 class inspection_default
  inspect dns preset_dns_map 
  inspect esmtp STRICT 
  inspect ftp 
policy-map DMZ_POLICY
 class inspection_default
  no inspect esmtp
 class MAIL
  inspect esmtp TLS_OK
policy-map UNUSED_POLICY
 class inspection_default
  inspect esmtp
!
service-policy global_policy global
service-policy DMZ_POLICY interface dmz
prompt hostname context
Cryptochecksum:00000000000000000000000000000000
: end
`
