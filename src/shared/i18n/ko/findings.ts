// Texts for the findings namespace; keep keys identical in en and ko (tests/shared/i18n checks).
export const findings = {
  smtp: {
    'keyword-masked': {
      title: '가려진 EHLO 줄이 다른 키워드를 숨깁니다 ({{keywords}})',
      explanation:
        '가려진 줄은 {{keywords}}입니다(판단 근거: {{basis}}). 검사하는 방화벽은 이 기능들도 가리지만 STARTTLS는 아닙니다. 서버가 STARTTLS를 제공하지 않으면 검사를 꺼도 TLS는 생기지 않습니다.',
    },
    'starttls-deleted': {
      title: '직접 연결하면 STARTTLS가 보이지만 경로를 거치면 없습니다 ({{right}})',
      explanation:
        '서버에 직접 연결하면({{left}}) STARTTLS가 제공되는데, 경로를 거치면 그 줄이 가려진 것이 아니라 아예 없습니다(함께 사라진 것: {{removed}}). EHLO 키워드를 지우는 게이트웨이가 중간에 있습니다(예: F-Secure Internet Gatekeeper는 STARTTLS, CHUNKING, BINARYMIME, PIPELINING을 지웁니다).',
    },
    'starttls-masked': {
      title: 'EHLO 응답에서 STARTTLS가 가려졌습니다 ({{masked}})',
      explanation:
        '서버의 EHLO 응답에서 STARTTLS가 있어야 할 자리에 같은 길이의 "{{masked}}"가 보입니다. PIX/ASA의 ESMTP 검사가 전송 중에 키워드를 X로 덮어써서, 클라이언트는 서버가 TLS를 지원한다는 사실을 모른 채 메일을 평문으로 보냅니다. 판단 근거: {{basis}}; 같은 길이로 들어맞는 키워드: {{candidates}}.',
    },
    'starttls-rejected': {
      title: 'STARTTLS에 "command not recognized" 응답이 왔습니다',
      explanation:
        'STARTTLS에 대한 응답은 "{{reply}}"였습니다. TLS를 지원하는 메일 서버는 이렇게 답하지 않습니다. 검사 기능이 켜진 방화벽이 명령을 X로 덮어써서 서버가 알 수 없는 명령을 받은 것입니다.',
    },
    'command-masked': {
      title: '명령이 X로 바뀌어 서버에 도착했습니다 ({{masked}})',
      explanation:
        '서버가 받은 명령을 "{{masked}}"로 인용하고 있습니다. SMTP 검사를 하는 방화벽은 허용하지 않는 명령(STARTTLS 포함)을 같은 길이의 X로 바꿉니다.',
    },
    'banner-masked': {
      title: '220 인사 배너가 별표(*)로 가려졌습니다',
      explanation:
        '서버의 인사말이 별표로 바뀌어 도착합니다. PIX MailGuard는 숫자 2와 0, 공백만 남기고, ASA의 mask-banner와 PIX 4.x는 별표만 남깁니다. 이 경우 Postfix는 PIX로 판단하고 해당 세션에서 ESMTP(와 STARTTLS)를 끕니다.',
    },
    'ehlo-rejected': {
      title: 'EHLO가 거부되었습니다',
      explanation:
        'EHLO에 대한 응답은 "{{reply}}"였습니다. PIX MailGuard는 일반 SMTP만 통과시키려고 EHLO를 거부하며, EHLO 응답이 없으면 클라이언트는 STARTTLS를 볼 수 없습니다. 아주 오래된 서버도 EHLO를 거부할 수 있으니 장비를 확인한 뒤 판단하십시오.',
    },
    'starttls-missing': {
      title: 'EHLO 응답에 STARTTLS가 없습니다',
      explanation:
        '응답은 온전하고 가려진 항목도 없지만 STARTTLS가 목록에 없습니다. 서버(또는 이 리스너)가 TLS를 제공하지 않는 것일 수 있으므로, 이것만으로는 방화벽 문제라고 단정할 수 없습니다. 서버와 같은 네트워크에서 시험한 결과와 비교하십시오.',
    },
    'starttls-before-greeting': {
      title: 'EHLO 인사 줄보다 먼저 {{keyword}}가 나옵니다',
      explanation:
        'EHLO 응답의 첫 줄은 인사(서버 이름)여야 하는데 여기서는 {{keyword}}입니다. RFC 5321을 따르는 클라이언트(Cisco ESA 포함)는 그 줄을 무시하고 "STARTTLS not supported"로 기록합니다. 방화벽 문제처럼 보이는 서버 버그이므로 방화벽이 아니라 서버를 고쳐야 합니다.',
    },
    'tls-ok': {
      title: 'STARTTLS가 수락되고 TLS가 연결되었습니다 (포트 {{port}})',
      explanation:
        '서버가 STARTTLS에 220으로 응답했고 포트 {{port}}에서 TLS 핸드셰이크가 완료되었습니다. 이 포트에서는 경로가 STARTTLS를 가리지 않습니다. 검사는 포트별이므로 587이나 465가 정상이어도 25에 대해서는 알 수 없습니다.',
    },
    'path-differs': {
      title: '{{left}}와 {{right}}에서 메일 경로의 응답이 다릅니다',
      explanation:
        '같은 SMTP 프로브인데 두 지점에서 받은 응답이 다릅니다({{differences}}). 서버는 클라이언트 위치에 따라 응답을 바꾸지 않으므로, 두 지점 사이의 장비가 대화를 고쳐 쓰고 있습니다. 대개 STARTTLS를 지우는 방화벽의 SMTP 검사(inspection)입니다.',
    },
  },
  asa: {
    'esmtp-map-unknown': {
      title: 'ESMTP 검사가 맵 {{map}}을(를) 쓰지만 그 정의가 없습니다',
      explanation:
        '{{places}}(포트 {{ports}})에 "inspect esmtp {{map}}"이 적용되어 있지만 맵 자체는 증거에 없습니다. 이미 TLS를 허용할 수도 있으므로 "show running-config policy-map type inspect esmtp {{map}}"을 추가하기 전까지 판정은 알 수 없음입니다.',
    },
    'esmtp-inspection-active': {
      title: 'allow-tls 없이 ESMTP 검사가 켜져 있습니다 ({{places}})',
      explanation:
        '"inspect esmtp"가 TLS를 허용하지 않는 맵 {{map}}으로 적용되어 있습니다. 방화벽이 EHLO 응답에서 STARTTLS를 지우고(250 XXXXXXXA) STARTTLS 명령을 X로 바꾸므로, 이 방화벽을 지나는 메일은 암호화될 수 없습니다.',
    },
    'esmtp-inspection-allow-tls': {
      title: 'ESMTP 검사가 TLS를 허용합니다',
      explanation:
        'ESMTP 검사가 allow-tls가 있는 맵으로 적용되어 있습니다(또는 방화벽이 108007 "TLS started"를 기록했습니다). STARTTLS가 이 검사를 통과하므로, TLS 문제의 원인은 이 검사가 아닙니다.',
    },
  },
  pix: {
    'no-7x-hardware': {
      title: '{{model}}은(는) PIX 7.x를 실행할 수 없습니다',
      explanation:
        'PIX 501과 506E는 6.x에 머뭅니다(7.x에는 515/515E/525/535가 필요). allow-tls도 중복 헤더 수정도 이 장비에는 적용할 수 없으므로 교체가 근본적인 해결책입니다.',
    },
    'mailguard-active': {
      title: 'PIX MailGuard가 켜져 있습니다 (fixup protocol smtp {{ports}})',
      explanation:
        '"fixup protocol smtp"가 켜져 있으면 RFC 821의 일곱 개 명령만 통과합니다. EHLO는 거부되고 배너는 별표로 가려지므로, 이 방화벽을 거쳐서는 서버가 STARTTLS를 제공할 수 없습니다.',
    },
    'duplicate-header-bug': {
      title: '소프트웨어 {{version}}에는 중복 헤더 버그가 있습니다',
      explanation:
        '7.2(3)보다 이전의 PIX/ASA는 SMTP/ESMTP 검사가 켜져 있으면 중복 헤더를 잘못 해석해 연결을 끊습니다. DomainKeys/DKIM 서명 헤더가 알려진 원인입니다(Cisco 118550). 검사를 끄거나 업그레이드하기 전까지 서명된 메일 일부가 실패할 수 있습니다.',
    },
  },
  ftd: {
    'managed-device': {
      title: 'Firepower Threat Defense 장비입니다',
      explanation:
        'FTD는 FMC 또는 FDM에서 설정합니다. CLI에서 입력한 명령은 지원되지 않으며 다음 배포 때 덮어써지므로, 검사 설정 변경은 FlexConfig 개체로 해야 합니다.',
    },
  },
  device: {
    'failover-standby': {
      title: '이 출력은 failover 쌍의 대기(standby) 장비에서 나왔습니다',
      explanation:
        '설정은 활성(active) 장비에서 하고 대기 장비로 복제됩니다. 변경은 활성 장비에서 적용하십시오. 대기 장비에서 입력한 명령은 복제되지 않습니다.',
    },
    'no-smtp-inspection': {
      title: '이 장비 출력에는 SMTP 검사가 없습니다 ({{what}})',
      explanation:
        '주어진 출력에서 "inspect esmtp"도 "fixup protocol smtp"도 켜져 있지 않습니다. 그런데도 STARTTLS가 가려진다면 검사하는 방화벽이 경로의 다른 곳에 있거나, 출력이 불완전한 것입니다(policy-map 부분이 포함되었는지 확인하십시오).',
    },
  },
  log: {
    'postfix-pix-workaround': {
      title: 'Postfix가 PIX 우회 기능을 켰습니다 ({{hosts}})',
      explanation:
        'Postfix가 별표로 된 배너를 보고 "{{workarounds}}"를 켰습니다. disable_esmtp가 켜지면 STARTTLS를 시도조차 하지 않습니다. 해당 호스트 앞에 배너를 가리는 PIX/ASA가 있습니다.',
    },
    'asa-esmtp-inspection': {
      title: '방화벽이 ESMTP 검사 동작을 기록했습니다 ({{messageIds}})',
      explanation:
        'SMTP 포트에 대한 syslog 108002–108006과 507003은 ESMTP 검사 엔진이 남기는 메시지입니다. 이를 기록한 방화벽에서 검사가 동작 중입니다({{count}}줄).',
    },
    'esa-starttls-not-supported': {
      title: 'ESA가 STARTTLS 실패 또는 미지원을 기록했습니다',
      explanation:
        '"STARTTLS command not supported"나 "TLS failed" 같은 줄은 방화벽이 STARTTLS를 가리는 상황과 들어맞지만 증거는 아닙니다. 상대 서버가 TLS를 제공하지 않거나 순서를 잘못 나열했을 수도 있습니다.',
    },
    'exchange-auth-blocked': {
      title: 'Exchange가 다른 Exchange 서버에 인증하지 못했습니다(451 5.7.3)',
      explanation:
        '"Cannot achieve Exchange Server authentication"({{count}}줄)은 받는 Exchange 서버가 X-EXPS를 제공하지 않았거나 받아들이지 않았다는 뜻입니다. 두 서버 사이에서 SMTP를 검사하는 방화벽은 모르는 EHLO 키워드(X-EXPS, X-ANONYMOUSTLS, 따라서 서버 간 TLS도)를 가립니다. Exchange Server 인증이 꺼진 수신 커넥터도 같은 오류를 냅니다.',
    },
  },
  tlsrpt: {
    'starttls-not-supported': {
      title: '발신 서버들이 {{mx}}에서 STARTTLS를 찾지 못했습니다({{sessions}}개 세션, {{first}} ~ {{last}})',
      explanation:
        '{{reporters}}의 TLS-RPT 보고서에 따르면 {{mx}}(도메인 {{domain}})로의 전달 세션 {{sessions}}개가 STARTTLS를 찾지 못했습니다(결과 "starttls-not-supported", RFC 8460). 기간: {{first}} ~ {{last}}, 보낸 MTA: {{senders}}. 그 MX 앞에서 STARTTLS를 가리는 방화벽이 있으면 모든 발신자가 정확히 이렇게 봅니다. TLS를 끈 MX도 마찬가지입니다. 어느 쪽인지 외부에서 {{mx}}를 프로브(unmask probe)하십시오.',
    },
    'failures-started': {
      title: '{{mx}}의 STARTTLS가 {{started}}부터 사라졌습니다',
      explanation:
        '{{lastClean}} 보고서에는 {{domain}}의 성공 세션이 있고 {{mx}}의 "starttls-not-supported"가 없습니다. 실패는 {{started}} 보고서부터 나타납니다. 이 날짜를 {{mx}} 앞 방화벽의 변경(설정 저장, 업그레이드, 새 검사 정책)과 맞춰 보십시오.',
    },
    'all-mx-failing': {
      title: '{{domain}}로 보고된 세션이 모두 실패했습니다: 모든 MX 경로에서 STARTTLS가 사라집니다',
      explanation:
        '"starttls-not-supported"가 있는 날({{failing}})에 보고서는 {{domain}}에 대해 실패 {{failed}}개, 성공 0개를 셉니다. 가리는 장비는 모든 MX 경로가 만나는 곳, 보통 메일 서버 앞의 경계 방화벽 하나에 있습니다.',
    },
    'some-mx-failing': {
      title: '{{failing}}로 가는 경로에서만 STARTTLS가 사라집니다',
      explanation:
        '같은 날 {{domain}}로의 세션 {{successes}}개는 TLS로 성공했고 {{failed}}개는 실패했습니다. 실패는 {{failing}}만 가리킵니다(알려진 다른 MX: {{others}}). {{failing}}로 가는 경로에서 무엇이 다른지 보십시오: 다른 방화벽, 다른 사이트, 오래된 장비 뒤의 백업 MX.',
    },
    'other-failures': {
      title: '다른 종류의 TLS-RPT 실패: {{type}}({{sessions}}개 세션)',
      explanation:
        '발신자들이 {{mx}}에서 "{{type}}"를 보고합니다. STARTTLS는 제공되었고 다른 것이 실패했습니다(인증서, DANE TLSA 레코드 또는 MTA-STS 정책, RFC 8460 4.3.2절). 방화벽의 SMTP 검사가 원인이 아닙니다.',
    },
    'all-successful': {
      title: 'TLS-RPT: {{domain}}로의 {{sessions}}개 세션이 TLS로 성공, 실패 없음',
      explanation:
        '{{reporters}}의 보고서는 {{domain}}로의 성공한 TLS 세션만 셉니다. 이 기간에 이 발신자들에게는 경로의 어떤 장비도 STARTTLS를 가리지 않았습니다.',
    },
    unreadable: {
      title: 'TLS-RPT 보고서를 읽을 수 없습니다({{source}})',
      explanation: '입력이 TLS-RPT 보고서(RFC 8460 JSON)처럼 보이지만 읽을 수 없습니다: {{detail}}.',
    },
  },
  capture: {
    'firewall-rewrote': {
      title:
        '방화벽이 "{{original}}"을(를) "{{changed}}"(으)로 바꿨습니다 ({{originalCapture}} {{originalLine}}행, {{changedCapture}} {{changedLine}}행)',
      explanation:
        '같은 SMTP 연결을 방화벽 양쪽에서 캡처했습니다. {{originalCapture}}의 {{originalLine}}행은 보낸 쪽이 쓴 그대로이고, {{changedCapture}}의 {{changedLine}}행은 반대쪽이 받은 내용입니다(다른 행은 모두 {{changes}}개). 두 캡처 지점 사이의 장비만 SMTP를 이렇게 고쳐 쓸 수 있습니다. 방화벽의 SMTP 검사(inspection)가 현장에서 확인된 것입니다. "바뀐" 값이 비어 있으면 그 행이 삭제된 것입니다.',
    },
    errors: {
      'not-a-capture': '{{file}}은(는) pcap 또는 pcapng 캡처가 아닙니다.',
      truncated: '{{file}}이(가) 레코드 중간({{offset}}바이트)에서 끝납니다. 그 앞의 프레임은 읽었습니다.',
      'too-large': '{{file}}이(가) {{limit}}바이트보다 큽니다. 먼저 메일 호스트와 25번 포트로 캡처를 줄이세요.',
      'unsupported-link': '{{file}}에 읽을 수 없는 링크 유형 {{linkType}}의 프레임이 있어 건너뛰었습니다.',
      'no-tcp': '{{file}}에 TCP 트래픽이 없습니다.',
      'no-smtp': '{{file}}에 TCP 연결이 {{connections}}개 있지만 SMTP 연결은 없습니다.',
      encrypted:
        '{{file}}: SMTP 연결 {{connections}}개가 모두 처음부터 TLS(465번 포트)라서 비교할 수 있는 내용이 없습니다.',
      gaps: '{{file}}: 연결 {{connection}}에서 캡처가 놓친 {{bytes}}바이트가 있습니다. 빈 곳 주변의 행은 불완전할 수 있습니다.',
      'stream-capped': '{{file}}: 연결 {{connection}}의 데이터가 읽는 한도보다 많아 나머지는 건너뛰었습니다.',
      onlyOneSide:
        '캡처가 하나뿐입니다. 방화벽이 바꾼 내용은 양쪽(inside와 outside) 캡처가 모두 있어야 보여 줄 수 있습니다.',
    },
  },
  mailPolicy: {
    heading: '{{domain}}의 메일 정책(MTA-STS, TLS-RPT, DANE)',
    cli: {
      ca: 'MTA-STS 정책 호스트에 대해 신뢰할 CA의 PEM 파일(랩 전용, 기본값: 시스템 루트)',
      port: 'MTA-STS 정책 호스트의 포트(랩 전용, 기본값 443)',
      badCa: '{{file}}에 PEM 인증서(-----BEGIN CERTIFICATE-----)가 없습니다.',
    },
    sts: {
      policy: 'MTA-STS: 모드 {{mode}} (id {{id}}, max_age {{maxAge}}, mx: {{mx}})',
      fetchFailed:
        'MTA-STS: 레코드 id {{id}}가 있지만 정책 {{url}}을 쓸 수 없습니다: {{message}} (발신자는 정책이 없는 것처럼 동작)',
      lookupFailed: 'MTA-STS: _mta-sts 레코드를 조회할 수 없습니다: {{message}}',
      record: {
        none: 'MTA-STS: 없음(_mta-sts TXT 레코드 없음)',
        several: 'MTA-STS: _mta-sts 레코드가 여러 개라 발신자는 정책을 쓰지 않습니다(RFC 8461 3.1절)',
        syntax: 'MTA-STS: _mta-sts 레코드가 올바르지 않아 발신자는 정책을 쓰지 않습니다: {{text}}',
      },
    },
    tlsrpt: {
      published: 'TLS-RPT: 보고서 수신처 {{rua}}',
      none: 'TLS-RPT: 없음(_smtp._tls TXT 레코드 없음): 발신자가 TLS 실패 보고서를 보내지 않습니다',
      several: 'TLS-RPT: _smtp._tls 레코드가 여러 개라 발신자는 보고서를 보내지 않습니다',
      syntax: 'TLS-RPT: _smtp._tls 레코드에 쓸 수 있는 rua가 없습니다: {{text}}',
      lookupFailed: 'TLS-RPT: _smtp._tls 레코드를 조회할 수 없습니다: {{message}}',
    },
    dane: {
      none: 'DANE: TLSA 없음',
      match: 'DANE: TLSA {{count}}개, 인증서와 일치({{dnssec}})',
      'no-match': 'DANE: TLSA {{count}}개, 인증서와 일치하는 것 없음({{dnssec}})',
      'no-tls': 'DANE: TLSA {{count}}개, 인증서를 보지 못함({{dnssec}})',
      unusable: 'DANE: TLSA {{count}}개, 모두 SMTP가 쓰지 않는 PKIX 용도 0/1({{dnssec}})',
      'not-checked': 'DANE: TLSA {{count}}개, 여기서는 확인할 수 없음(SHA-512 또는 전체 데이터)({{dnssec}})',
      error: 'DANE: TLSA 조회 실패',
      validated: '리졸버가 DNSSEC 검증함',
      notValidated: 'DNSSEC 검증 안 됨: DANE 발신자는 무시함',
    },
    mx: {
      line: '{{host}}: MTA-STS {{sts}} · {{dane}} → {{level}} 판정: {{verdict}}',
      listed: '(목록에 있음)',
      notListed: '(목록에 없음)',
    },
    verdict: {
      noDeliveryDane:
        '준수하는 발신자는 전달하지 않습니다: DANE 때문에 {{host}}에는 TLS가 필수인데 STARTTLS가 통과하지 못해 메일이 보류되었다가 반송됩니다',
      noDeliverySts:
        '준수하는 발신자는 전달하지 않습니다: MTA-STS가 enforce 모드인데 STARTTLS가 {{host}}까지 통과하지 못해 메일이 보류되었다가 반송됩니다',
      inClear:
        '메일이 평문으로 갑니다: STARTTLS가 {{host}}까지 통과하지 못하고, 발신자가 TLS를 고집하게 하는 정책도 없습니다(MTA-STS {{mode}})',
      daneMismatch: 'DANE 발신자는 전달하지 않습니다: {{host}}의 인증서와 일치하는 TLSA 레코드가 없습니다',
      stsNotListed: 'MTA-STS 발신자는 전달하지 않습니다: {{host}}가 {{domain}}의 enforce 정책 목록에 없습니다',
      stsUntrusted: 'MTA-STS 발신자는 전달하지 않습니다: {{host}}의 인증서를 신뢰할 수 없고 정책이 enforce입니다',
      protected: 'TLS가 동작하고 정책이 발신자에게 TLS를 요구합니다',
      unprotected:
        'TLS는 동작하지만 발신자에게 TLS를 요구하는 정책이 없습니다: STARTTLS를 가리는 방화벽이 생겨도 알아채지 못합니다',
      unknown: '프로브가 정책을 판단할 만큼 진행되지 않았습니다',
    },
  },
  causes: {
    'local-esmtp-map-unknown': {
      title: '맵 {{map}}으로 ESMTP 검사 중: STARTTLS를 가리는지는 알 수 없습니다',
      explanation:
        '방화벽이 증거에 정의가 없는 사용자 정의 맵으로 ESMTP 검사를 적용합니다({{places}}, 포트 {{ports}}). 그 맵에 allow-tls가 없으면 STARTTLS를 가립니다. 무엇이든 바꾸기 전에 맵 정의를 수집하십시오.',
    },
    'local-egress-inspection': {
      title: '우리 쪽 외부 방향(egress) 방화벽이 보내는 메일의 STARTTLS를 가립니다',
      explanation:
        '{{count}}개 목적지({{destinations}}; 그중 대형 사업자: {{providers}})로 보낼 때 모두 가려짐이 나타납니다. 대형 메일 사업자는 MX 앞에 PIX/ASA를 두지 않고, 서로 무관한 기관들이 같은 문제를 갖는 일도 드뭅니다. 기본 global_policy는 나가는 TCP/25도 검사하므로 검사하는 방화벽은 우리 쪽에 있습니다. 상대 기관에 연락하기 전에 그 방화벽 설정을 수집하십시오.',
    },
    'exchange-auth-path': {
      title: '우리 Exchange 서버 사이의 방화벽이 SMTP를 검사하고 있을 가능성이 큽니다',
      explanation:
        '한 조직의 Exchange 서버들은 X-EXPS로 서로 인증하고 X-ANONYMOUSTLS로 연결을 보호합니다. 그 사이에서 SMTP를 검사하는 방화벽(서버가 우리 것이므로 우리 쪽)은 둘 다 가리고, 큐에는 451 5.7.3이 쌓입니다. 문서화된 다른 원인은 Exchange Server 인증이 꺼진 수신 커넥터이므로, 바꾸기 전에 그 방화벽 너머에서 본 EHLO 응답으로 확인하십시오.',
    },
    'inbound-path-inspection': {
      title: '{{mx}}로 들어오는 메일이 도중에 STARTTLS를 잃습니다',
      explanation:
        '외부 발신자({{reporters}})가 {{domain}}의 {{mx}}에서 STARTTLS가 없다고 보고합니다(처음 보고: {{first}}). 그 MX 앞의 방화벽이 STARTTLS를 가리고 있을 가능성이 큽니다(ESMTP 검사 또는 fixup smtp). TLS를 끈 MX도 보고서에서는 같게 보이므로, 무엇이든 바꾸기 전에 외부에서 프로브하고 그 방화벽 설정을 수집하십시오.',
    },
    'gateway-deletes-starttls': {
      title: '경로의 게이트웨이가 EHLO 응답에서 STARTTLS를 지웁니다',
      explanation:
        '직접 연결에서는 STARTTLS가 제공되는데, 경로를 거치면 그 자리에 가려진 줄도 없이 줄이 사라집니다. PIX/ASA의 가림이 아니라 키워드를 지우는 메일 게이트웨이나 프록시입니다. 경로에서 그런 장비를 찾으십시오.',
    },
    'local-esmtp-inspection': {
      title: '이 PIX/ASA의 ESMTP 검사가 STARTTLS를 가립니다 (포트 {{ports}})',
      explanation:
        '방화벽 자체의 설정, 카운터 또는 로그에 allow-tls 없는 ESMTP 검사가 보입니다. EHLO 응답에서 STARTTLS를 지우고 STARTTLS 명령을 X로 바꾸므로, 이 방화벽을 지나는 메일은 암호화될 수 없습니다.',
    },
    'ftd-esmtp-inspection': {
      title: '이 FTD의 ESMTP 검사가 STARTTLS를 가립니다',
      explanation:
        'FTD가 allow-tls 없이 ESMTP 검사를 적용하고 있습니다. 수정은 장비 CLI가 아니라 FMC/FDM(FlexConfig)에서 해야 합니다.',
    },
    'pix-mailguard': {
      title: 'PIX MailGuard(fixup protocol smtp)가 ESMTP와 STARTTLS를 막습니다',
      explanation:
        'MailGuard는 일반 SMTP만 통과시킵니다. EHLO는 거부되고 배너는 별표로 가려져 STARTTLS가 제공되지 않습니다.',
    },
    'old-pix-duplicate-header': {
      title: 'PIX/ASA {{version}}에서 DKIM 서명 메일이 끊길 수 있습니다',
      explanation:
        '7.2(3) 이전 릴리스는 SMTP 검사가 켜져 있으면 중복 헤더 때문에 연결을 끊으며, DK/DKIM 서명이 알려진 원인입니다.',
    },
    'remote-inspection': {
      title: '상대 기관 쪽의 SMTP 검사',
      explanation:
        '증상이 다른 기관으로 메일을 보낼 때 나타납니다(또는 로컬 장비에는 SMTP 검사가 없습니다). 상대 쪽 방화벽이 STARTTLS를 가리고 있습니다(확인된 목적지: {{destinations}}; 서로 무관한 목적지 한두 곳이면 상대 쪽, 여러 곳이나 대형 사업자면 우리 쪽입니다). 바꿀 수 있는 것은 상대 기관뿐입니다. 그동안 로컬 메일 게이트웨이에서 메일 흐름을 유지할 수 있습니다.',
    },
    'path-inspection': {
      title: '메일 경로의 PIX/ASA SMTP 검사가 STARTTLS를 가립니다',
      explanation:
        'SMTP 대화에 검사하는 방화벽만이 만드는 흔적(가려진 STARTTLS, X로 바뀐 명령, 별표 배너)이 있습니다. 어느 장비인지 확인하고 수정안을 만들려면 방화벽 설정을 수집하십시오. 확인된 목적지: {{destinations}}.',
    },
    'server-lookalike': {
      title: '방화벽 문제처럼 보이는 서버 버그',
      explanation:
        '서버가 인사 줄보다 먼저 STARTTLS를 나열해서 엄격한 클라이언트가 이를 무시합니다. 방화벽 검사를 꺼도 소용없으며, 서버의 EHLO 응답을 고쳐야 합니다.',
    },
    'server-no-starttls': {
      title: '서버가 STARTTLS를 제공하지 않습니다',
      explanation:
        '가려진 것은 없고, 서버가 STARTTLS를 나열하지 않을 뿐입니다. 서버나 리스너에서 TLS를 켜거나, 서버와 같은 네트워크에서 시험해 방화벽 가능성을 배제하십시오.',
    },
  },
  severity: { critical: '심각', warning: '주의', info: '정보' },
  kinds: {
    'smtp-transcript': 'SMTP 대화 기록',
    ndr: '반송 메일(NDR)',
    'show-version': 'show version',
    'running-config': '설정',
    'show-fixup': 'show fixup',
    'show-service-policy': 'show service-policy',
    'show-context': 'show context',
    'show-failover': 'show failover',
    log: '로그',
    tlsrpt: 'TLS-RPT 보고서',
    unknown: '인식하지 못함',
  },
  facts: {
    platform: '플랫폼',
    version: '버전',
    hostname: '호스트 이름',
    model: '모델',
    contextMode: '컨텍스트 모드',
    failover: '페일오버',
    failoverUnit: '페일오버 장치',
    failoverRole: '페일오버 역할',
    asaVersion: 'ASA 엔진 버전',
    context: '보안 컨텍스트',
    configStructure: '설정 구조 (들여쓰기 손실)',
  },
  report: {
    inputs: '입력',
    facts: '장비 정보',
    noFacts: '찾지 못함',
    findings: '발견 사항',
    noFindings: 'SMTP 검사와 관련된 내용을 찾지 못했습니다.',
    causes: '근본 원인',
    noCauses: '근본 원인 없음: STARTTLS가 가려졌다는 흔적이 없습니다.',
    basedOn: '근거:',
    remedies: '조치',
    noRemedies: '없음.',
    commands: '명령:',
    undo: '되돌리기:',
    verify: '확인:',
    impact: '영향:',
    skipped: '제안하지 않음: {{id}}.',
    yes: '예',
    no: '아니요',
    singleContext: '단일',
    multipleContext: '다중',
    side: {
      local: '위치: 우리 쪽 네트워크(로컬 방화벽 또는 나가는 경로).',
      remote: '위치: 상대 기관 쪽 네트워크.',
      unknown: '위치: 이 증거로는 알 수 없습니다. 먼저 우리 쪽 경로의 방화벽을 수집하십시오.',
    },
  },
  analyze: {
    description: '장비 출력, SMTP 대화 기록, 반송 메일, 로그를 분석해 발견 사항, 원인, 조치를 출력합니다',
    files: '분석할 파일 (- 는 표준 입력; gzip 파일과 TLS-RPT 보고서 폴더도 가능)',
    direct: '메일 서버에 직접 연결해 얻은 SMTP 기록(--through와 비교)',
    through: '같은 SMTP 대화를 경로(방화벽, 게이트웨이)를 거쳐 얻은 기록',
    vantagePair: '--direct와 --through는 함께 써야 합니다. 두 기록을 모두 주십시오.',
    unreadable: '{{file}}을(를) 읽을 수 없습니다: {{reason}}.',
    isDirectory: '{{file}}은(는) 파일이 아니라 디렉터리입니다.',
    notText: '{{file}}은(는) 텍스트 파일이 아닙니다.',
    tooLarge: '{{file}}이(가) {{max}}바이트보다 큽니다.',
    badGzip: '{{file}}은(는) 읽을 수 있는 gzip 파일이 아닙니다: {{reason}}.',
    noReports: '{{file}}은(는) 보고서(.json, .json.gz, .gz 파일)가 없는 폴더입니다.',
    tooManyFiles: '{{file}}에 보고서 파일이 {{max}}개보다 많습니다. 더 작은 폴더를 주십시오.',
  },
}
