// Texts for the remedies namespace; keep keys identical in en and ko (tests/shared/i18n checks).
export const remedies = {
  asa: {
    'allow-tls-map': {
      title: 'ESMTP 검사는 유지하고 TLS만 허용',
      summary:
        '{{places}}에서 쓰는 ESMTP 검사 맵({{maps}})에 "allow-tls action log"를 추가해, 다른 SMTP 검사는 유지하면서 STARTTLS를 통과시킵니다.',
      impact:
        '세션이 TLS로 전환되면 방화벽은 그 세션을 더 이상 검사하지 않습니다(108007 기록). 새 맵은 명령 길이, 수신자 수, 헤더 길이 제한은 유지하지만 배너는 가리지 않습니다. Postfix는 가려진 배너를 PIX로 보고 STARTTLS를 끄기 때문입니다. 이미 열린 연결은 닫힐 때까지 이전 동작을 유지합니다.',
    },
    'no-inspect-esmtp': {
      title: 'ESMTP 검사 끄기',
      summary: '{{places}}에서 "inspect esmtp"를 제거합니다.',
      impact:
        '이 방화벽을 지나는 SMTP는 더 이상 검사되지 않습니다. STARTTLS와 모든 ESMTP 확장이 그대로 통과하고, 방화벽은 배너 가리기와 SMTP 명령 제한을 멈춥니다(Cisco ESA처럼 메일 서버가 스스로 보호해야 합니다). 이미 열린 연결은 닫힐 때까지 이전 동작을 유지합니다.',
    },
  },
  pix: {
    'no-fixup-smtp': {
      title: 'PIX MailGuard 끄기',
      summary:
        '포트 {{ports}}에 대해 포트 번호를 명시해 "no fixup protocol smtp"를 입력합니다(포트를 빼면 25번이 다시 켜집니다).',
      impact:
        'EHLO와 STARTTLS를 포함한 모든 SMTP 명령이 메일 서버로 전달되므로 서버가 스스로 보호해야 합니다. 새 연결부터 적용되며, 열린 연결은 닫힐 때까지 MailGuard가 유지됩니다.',
    },
  },
  advice: {
    'local-egress': {
      title: '먼저 우리 쪽 외부 방향 방화벽을 확인하십시오',
      summary:
        '{{destinations}}(으)로 보낼 때 가려짐이 나타납니다. 검사하는 방화벽은 우리 쪽 나가는 경로에 있을 가능성이 큽니다.',
      impact: '결정하기 전에는 아무것도 바뀌지 않으며, 설정 수집은 읽기 전용입니다.',
      steps: {
        collectEgress:
          '메일이 나가는 방화벽에서 "show version", "show running-config", "show service-policy inspect esmtp"를 수집해 이 증거와 함께 분석하십시오.',
        probeEgress:
          '내부에서 대형 사업자 MX 두세 곳을 프로브하십시오(unmask probe --egress). 모두 가려짐이 보이면 로컬 경로가 STARTTLS를 가리는 것입니다.',
        fixThere:
          '그 방화벽에서 고치십시오(자체 ESMTP 맵에 allow-tls, 또는 no inspect esmtp). 우리 경로가 깨끗할 때만 다음 줄과 함께 상대 기관에 연락하십시오:\n{{evidence}}',
      },
    },
    'exchange-auth-path': {
      title: '우리 Exchange 서버 사이의 EHLO 응답을 확인하십시오',
      summary: '우리 서버끼리 Exchange Server 인증이 실패합니다. 커넥터보다 먼저 그 사이의 방화벽을 확인하십시오.',
      impact: '결정하기 전에는 아무것도 바뀌지 않으며, telnet 시험과 설정 수집은 읽기 전용입니다.',
      steps: {
        telnetEhlo:
          '보내는 서버에서 받는 서버의 25번 포트를 열고 EHLO를 한 줄로 보내십시오. 별표 배너, X로 바뀐 줄(XXXXXXXA), 또는 응답에 X-EXPS / X-ANONYMOUSTLS가 없으면 그 사이의 방화벽이 SMTP를 고쳐 쓰는 것입니다. 증거:\n{{evidence}}',
        collectFirewall:
          '그 방화벽에서 "show running-config"와 "show service-policy inspect esmtp"를 수집해 여기서 분석하고, Exchange 서버 사이의 트래픽을 ESMTP 검사에서 제외하십시오.',
        checkConnector:
          'EHLO 응답이 깨끗하면 받는 서버의 수신 커넥터에 Exchange Server 인증(과 TLS)이 꺼져 있는 것입니다. 둘 다 켜십시오(Microsoft KB 979175).',
      },
    },
    'inbound-path': {
      title: '{{mx}} 앞에서 STARTTLS를 가리는 장비 찾기',
      summary:
        '발신자들이 {{mx}}({{domain}})에서 STARTTLS가 없다고 보고합니다. 외부에서 그 MX를 프로브하고 그 앞의 방화벽을 살펴보십시오.',
      impact: '결정하기 전에는 아무것도 바뀌지 않습니다. 프로브와 설정 수집은 읽기 전용입니다.',
      steps: {
        probeMx:
          '네트워크 밖에서 MX를 프로브하십시오: "unmask probe {{domain}}". EHLO가 가려져 있거나(XXXXXXXA) STARTTLS에 "500 command not recognized"가 오면 경로에 방화벽이 있습니다. STARTTLS가 없고 가려짐도 없으면 MX 자체의 TLS가 꺼져 있습니다.',
        collectInbound:
          '{{mx}} 앞 방화벽에서 "show version", "show running-config", "show service-policy inspect esmtp"(또는 "show fixup")를 수집하고 이 보고서와 함께 분석하십시오.',
        fixThere: '그 방화벽 설정에 대한 조치대로 고친 뒤 {{mx}}를 다시 프로브하십시오.',
      },
    },
    'prevent-silent': {
      title: '다시 조용히 일어나지 않게 하기(TLS-RPT, 그다음 MTA-STS)',
      summary:
        '{{domain}}에 대한 일일 TLS 보고서를 발신자들에게 요청하고, 이어서 평문 전달을 거부하게 하십시오. 그러면 다음에 STARTTLS를 가리는 방화벽이 생겨도 몇 달 뒤가 아니라 그날 알 수 있습니다.',
      impact:
        'TLS-RPT는 전달에 아무 영향이 없습니다. MTA-STS "testing"도 영향이 없습니다(발신자는 보고만 합니다). MTA-STS "enforce"에서는 준수하는 발신자(Google, Microsoft 등)가 STARTTLS나 인증서가 실패하면 평문으로 보내지 않고 메일을 보류합니다. 조치 후, 모든 MX에 유효한 인증서가 있고 몇 주간 보고서가 깨끗할 때만 켜십시오.',
      steps: {
        replaceDomain: '아래의 example.com을 메일 도메인으로, mail.example.com을 MX 호스트 이름으로 바꾸십시오.',
        tlsrpt:
          'TLS-RPT 게시(RFC 8460): _smtp._tls.{{domain}}. IN TXT "v=TLSRPTv1; rua=mailto:tls-reports@{{domain}}". 보고서는 매일 gzip JSON으로 옵니다. "unmask analyze 폴더"로 읽으십시오.',
        stsTesting:
          'MTA-STS를 testing 모드로 게시(RFC 8461): _mta-sts.{{domain}}. IN TXT "v=STSv1; id=1" (id는 영문자나 숫자 1~32자이며 정책 파일을 바꿀 때마다 바꿉니다).',
        stsPolicyTesting:
          '호스트 mta-sts.{{domain}}에서 HTTPS로(그 이름에 유효한 인증서로) 파일 /.well-known/mta-sts.txt 를 다음 내용으로 제공하십시오:\nversion: STSv1\nmode: testing\n{{mxLines}}\nmax_age: 86400',
        stsEnforce:
          '몇 주간 보고서에 실패가 없으면 파일을 "mode: enforce", "max_age: 604800"으로 바꾸고 새 id를 게시하십시오(_mta-sts.{{domain}}. IN TXT "v=STSv1; id=2").',
        watch:
          '보고서를 계속 읽으십시오. "starttls-not-supported" 줄은 STARTTLS가 사라진 MX와 날짜를 알려 줍니다("unmask analyze"가 방화벽 변경과 맞춰 봅니다).',
      },
    },
    'replace-pix': {
      title: '{{model}}을(를) 교체하십시오',
      summary:
        '{{model}}은(는) 7.x를 실행할 수 없어 릴리스 {{version}}을(를) 7.2(3)으로 올릴 수 없습니다. allow-tls도 중복 헤더 수정도 쓸 수 없습니다.',
      impact: '교체는 계획된 작업이 필요합니다. 그때까지 이 장비의 SMTP 검사를 끄십시오.',
      steps: {
        replace: '장비 소유자와 함께 지원되는 방화벽으로 교체를 계획하십시오(PIX는 지원이 종료되었습니다).',
        meanwhile:
          '그때까지 이 장비의 SMTP 검사를 끄거나, 이 목적지에 대해 발신자에게 DK/DKIM 서명을 멈추도록 요청하십시오.',
      },
    },
    'failover-active': {
      title: '활성 장비에서 변경하십시오',
      summary: '이 출력은 failover 쌍의 대기 장비에서 나왔습니다. 설정 변경은 활성 장비에서 해야 합니다.',
      impact: '그 자체로는 영향이 없습니다.',
      steps: {
        connectActive: '활성 장비에 접속하여(또는 "failover exec active" 명령으로) 그곳에서 변경을 적용하십시오.',
        checkRole: '명령을 보내기 전에 "show failover"에서 "This host"가 Active인지 확인하십시오.',
      },
    },
    upgrade: {
      title: '방화벽 소프트웨어 업그레이드',
      summary:
        '{{version}} 릴리스는 7.2(3)보다 이전이라 중복 헤더 버그가 있고 ESMTP 검사에서 TLS를 허용할 수 없습니다.',
      impact: '업그레이드는 작업 시간을 잡아 계획해야 하는 일입니다. 그때까지는 SMTP 검사를 꺼 두십시오.',
      steps: {
        plan: '장비 관리자와 함께 7.2(3) 이상(8.0 계열은 8.0(3) 이상)으로의 업그레이드를 계획하십시오.',
        meanwhile:
          '그때까지 이 장비의 SMTP 검사를 끄거나, 발신자에게 이 목적지로 보내는 메일의 DK/DKIM 서명을 끄도록 요청하십시오.',
      },
    },
    'remote-side': {
      title: '상대 기관에 방화벽 수정을 요청',
      summary:
        'STARTTLS를 가리는 방화벽은 우리 장비가 아닙니다. 장비 관리자에게 증거를 보내고, 그동안 메일 흐름을 유지하십시오.',
      summaryPath:
        '메일 경로의 방화벽이 STARTTLS를 가리고 있지만, 증거만으로는 어느 쪽 장비인지 알 수 없습니다. 먼저 확인하고, 상대 기관의 장비라면 관리자에게 증거를 보내십시오.',
      impact:
        '결정하기 전까지 우리 장비에는 아무 변화도 없습니다. TLS를 Preferred로 두면 상대가 고칠 때까지 그 도메인으로 가는 메일은 암호화 없이 전달됩니다.',
      steps: {
        collectDevice:
          '메일 경로에 있는 우리 방화벽에서 "show version", "show running-config", "show service-policy inspect esmtp"(PIX 6.x는 "show fixup")를 수집해 이 증거와 함께 분석하십시오. 그중 하나에 SMTP 검사가 보이면 그 장비에서 고치십시오.',
        tellPartner:
          '상대 기관에 아래 줄들을 보내고, 메일 서버에 대한 ESMTP 검사를 끄거나 검사에서 TLS를 허용하도록(allow-tls, ASA/PIX 7.2(3) 이상) 요청하십시오:\n{{evidence}}',
        tlsPreferred:
          '우리 메일 게이트웨이에서 해당 목적지의 TLS 설정을 Required가 아니라 Preferred로 두어, 메일이 대기열에 쌓이거나 반송되지 않고 (평문으로) 전달되게 하십시오.',
        dkimOff:
          '오래된 PIX(7.2(3) 이전)가 의심되는 동안에는 해당 목적지에 대한 DK/DKIM 서명을 끄십시오. 서명 헤더가 중복 헤더 버그를 일으킵니다.',
        recheck:
          '상대가 변경을 알려 오면 상대 메일 서버를 다시 프로브해 STARTTLS가 제공되고 TLS가 연결되는지 확인하십시오.',
      },
    },
    'ftd-flexconfig': {
      title: 'FlexConfig(FMC/FDM)로 ESMTP 검사 변경',
      summary: 'FTD는 CLI에서 바꾸면 안 됩니다. 아래 줄을 FlexConfig 개체로 배포하십시오({{places}}).',
      impact:
        '변경은 다음 배포 때 장비에 적용됩니다. 다른 FTD 배포와 마찬가지로 배포 중 잠시 트래픽에 영향이 있을 수 있습니다.',
      steps: {
        findPlaces:
          '장비에서 "show running-config policy-map"을 실행해 inspect esmtp를 적용한 policy-map과 class를 확인하십시오. FlexConfig 줄에는 정확히 그 이름을 써야 합니다.',
        object: 'FMC(Objects > FlexConfig) 또는 FDM에서 표시된 줄로 FlexConfig 개체를 만드십시오.',
        assign: '그 개체를 장비의 FlexConfig 정책에 추가하십시오.',
        deploy: '배포한 뒤 "show service-policy inspect esmtp"로 확인하고 메일 서버를 다시 프로브하십시오.',
      },
    },
  },
  verify: {
    noInspectLine: 'policy-map {{policy}}의 class {{class}}에 "inspect esmtp" 줄이 더 이상 없음',
    servicePolicyEmpty: 'ESMTP 검사가 더 이상 표시되지 않음',
    probeTls: '방화벽을 거쳐 메일 서버를 다시 프로브: STARTTLS가 제공되고 TLS가 연결됨',
    allowTlsLine: '맵 {{map}}의 parameters 아래에 "allow-tls action log"가 있음',
    serviceTlsMap: 'ESMTP 검사가 TLS를 허용하는 맵으로 표시됨',
    syslog108007: '새 메일 세션마다 %ASA-6-108007 "TLS started on ESMTP session"이 기록됨',
    noFixup: '포트 {{ports}}에 켜진 "fixup protocol smtp" 줄이 없음',
    newConnections: '변경은 새 연결에만 적용되므로 열린 SMTP 연결이 닫힐 때까지 기다림',
    probeBanner: '메일 서버를 다시 프로브: 배너가 읽히고 EHLO가 STARTTLS를 포함한 확장 목록을 보여 줌',
  },
  skipped: {
    allowTlsFwsm:
      'FWSM은 별도의 릴리스 계열이며 ESMTP 맵에서 allow-tls를 쓸 수 있는지 확인되지 않았습니다. 대신 inspect esmtp 끄기를 제안합니다.',
    noPlaces:
      'policy-map과 class 이름이 있는 설정(또는 "show service-policy")이 없습니다. 명령을 만들려면 "show running-config policy-map"을 수집하십시오.',
    versionUnknown:
      '소프트웨어 버전을 알 수 없고, allow-tls에는 7.2(3) 이상이 필요합니다. "show version"을 추가하십시오.',
    allowTlsVersion: '{{version}} 버전은 allow-tls를 지원하지 않습니다(7.2(3) 이상 또는 8.0(3) 이상 필요).',
    mapNotInConfig: '사용자 정의 ESMTP 검사 맵이 주어진 설정에 없습니다. 전체 설정을 수집하십시오.',
    noFixupSeen: '"fixup protocol smtp" 줄이 보이지 않아 끌 포트를 알 수 없습니다. "show fixup"을 수집하십시오.',
  },
}
