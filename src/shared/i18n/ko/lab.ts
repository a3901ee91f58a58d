// Texts for the lab namespace; keep keys identical in en and ko (tests/shared/i18n checks).
export const lab = {
  description: '실습 랩 시작: 127.0.0.1에 가상 방화벽과 검사되는 메일 경로를 띄웁니다',
  options: {
    scenario: '시작할 시나리오 (--list 참고)',
    list: '시나리오 목록을 보여 주고 끝냅니다',
    ports: '고정 포트: smtp,direct,management,standby (예: 2525,2526,2222 또는 smtp=2525,management=2222)',
    stateDir: '랩 인증서, SSH 호스트 키, 받은 메일, 저장된 설정을 두는 폴더',
    persist: '이전에 write memory로 저장한 startup-config로 시작합니다',
  },
  started: '랩 시나리오 {{name}} 실행 중입니다.',
  table: { endpoint: '엔드포인트', protocol: '프로토콜', address: '주소', notes: '설명' },
  notes: {
    smtp: '가상 방화벽을 거치는 SMTP',
    smtpClean: 'SMTP 중계 (이 시나리오에는 방화벽이 없음)',
    direct: '방화벽을 거치지 않고 메일 서버로 바로 가는 SMTP',
    management: '{{device}} 관리 접속, 호스트 키 {{fingerprint}}',
    standby: '{{device}} 대기(standby) 장비 (페일오버), 호스트 키 {{fingerprint}}',
    provider: '방화벽 송신 경로를 거친 원격 MX {{hostname}}',
    providerDirect: '외부에서 본 원격 MX {{hostname}} (방화벽 없음)',
    managementTelnet: '{{device}} 관리 접속 (텔넷)',
  },
  mailHost: '메일 서버: {{hostname}} ({{persona}}), {{domain}} 도메인 메일을 받습니다',
  credentials: '로그인: 사용자 {{username}}, 비밀번호 {{password}}; enable 비밀번호 {{enable}}',
  telnetCredentials: '텔넷 비밀번호 {{password}}; enable 비밀번호 {{enable}}',
  noManagement: '이 시나리오에서는 방화벽 관리 접속이 불가능합니다 (상대 기관의 장비입니다).',
  stateDir: '상태 폴더: {{dir}}',
  hint: '멈추려면 Ctrl-C를 누르세요.',
  stopped: '랩을 멈췄습니다.',
  listHeader: '시나리오:',
  scenarios: {
    'asa9-default':
      'ASA 9.8, Cisco ESA 앞에서 기본 맵으로 inspect esmtp 적용: STARTTLS가 XXXXXXXA로 가려지고, STARTTLS 명령에는 500 #5.5.1 응답, 배너는 별표로 바뀝니다.',
    'asa9-failover':
      '액티브/스탠바이 페일오버 쌍의 ASA 9.8: 스탠바이는 액티브 설정을 그대로 받고, 트래픽을 처리하지 않으며, 직접 설정하면 경고합니다.',
    'asa9-multicontext':
      '다중 컨텍스트 모드의 ASA 9.8: SSH는 admin 컨텍스트로 들어가고, inspect esmtp는 mail 컨텍스트에 있습니다 (changeto context mail).',
    'asa9-allow-tls': 'allow-tls가 있는 맵으로 ESMTP를 검사하는 ASA 9.8: STARTTLS가 통과하고 TLS는 그대로 중계됩니다.',
    'asa8-custom-class':
      '사용자 정의 클래스(액세스 리스트를 매치하는 class-map ESMTP)에 inspect esmtp가 걸린 ASA 8.2(5).',
    'asa8-legacy-ssh':
      '구식 SSH 알고리즘(diffie-hellman-group1-sha1, ssh-rsa, CBC)만 제공하는 ASA 8.2(5), 기본 ESMTP 검사 적용.',
    'pix6-mailguard':
      'fixup protocol smtp 25(MailGuard)가 켜진 PIX 6.3(5), 텔넷으로 관리: 배너가 별표로 바뀌고 EHLO가 NOOP으로 바뀌어 서버가 단순 OK로 답합니다.',
    'pix7-old':
      'inspect esmtp와 7.2(3) 이전 버그가 있는 PIX 7.2(1): DKIM 또는 DomainKeys 서명이 있는 메일은 연결이 리셋됩니다.',
    ftd7: 'FTD 7.2: > 셸에서 inspect esmtp가 있는 running-config는 보이지만 설정 명령은 거부됩니다.',
    'clean-path': '검사하는 방화벽 없음: SMTP 엔드포인트가 메일 서버로 그대로 중계합니다.',
    'asa9-postfix-notls':
      'ASA 9.8 기본 ESMTP 검사 뒤에 TLS가 없는 Postfix: 8글자 마스크 XXXXXXXB와 XXXXXXXC는 STARTTLS가 아니라 SMTPUTF8과 CHUNKING입니다.',
    'egress-providers':
      '사이트 자체 ASA가 127.0.0.1의 원격 MX 호스트 세 곳 앞 송신 경로에 있음: 내부에서 보면 모든 공급자가 같은 마스킹을 보입니다.',
    'gateway-strip':
      'Cisco 방화벽 없음: 메일 게이트웨이가 EHLO 응답에서 CHUNKING, BINARYMIME, PIPELINING, STARTTLS 줄을 삭제합니다 (F-Secure Internet Gatekeeper 방식).',
    'remote-side':
      '상대 기관의 ASA가 Exchange 서버 앞에서 ESMTP를 검사합니다. 여기서는 그 장비에 관리 접속할 수 없습니다.',
  },
  errors: {
    unknownScenario: "알 수 없는 랩 시나리오 '{{name}}'. 사용 가능: {{known}}",
    badPorts: "--ports에는 smtp, direct, management, standby 순서로 포트 번호를 최대 네 개까지 줍니다: '{{value}}'",
    portInUse: '127.0.0.1의 {{port}}번 포트는 이미 사용 중입니다.',
  },
}
