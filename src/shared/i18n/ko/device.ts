/** 장비 세션: 전송 계층, 호스트 키, 드라이버, `unmask collect`. */
export const device = {
  platforms: {
    asa: 'Cisco ASA',
    pix6: 'Cisco PIX 6.x',
    pix7: 'Cisco PIX 7.x',
    ftd: 'Cisco Firepower Threat Defense',
  },
  errors: {
    connectFailed: '{{peer}}에 연결할 수 없습니다: {{reason}}',
    timeout: '{{peer}}이(가) 제한 시간 안에 응답하지 않았습니다.',
    sshVersion1:
      '{{peer}}은(는) SSH 버전 1만 지원합니다({{banner}}). 현재 SSH 라이브러리는 이를 지원하지 않습니다. PIX 6.x가 이런 경우이니 텔넷(telnet://HOST)이나 시리얼 콘솔로 연결하십시오.',
    noMatchingAlgorithm:
      '{{peer}}이(가) Unmask가 기본으로 허용하는 SSH 알고리즘을 제공하지 않습니다({{reason}}). 구형 PIX/ASA 이미지는 레거시 알고리즘이 필요합니다. --legacy 옵션으로 다시 시도하십시오.',
    authFailed: '{{peer}}이(가) 사용자 이름 또는 비밀번호를 거부했습니다.',
    hostKeyUnknown:
      '{{host}} 포트 {{port}}의 호스트 키를 아직 모릅니다: {{keyType}} {{fingerprint}}. 신뢰할 수 있는 기록(장비 콘솔이나 관리자에게서 받은 값)과 비교한 뒤 --accept-new-host-key 옵션으로 다시 실행하십시오.',
    hostKeyRejected: '{{host}} 포트 {{port}}의 호스트 키 {{keyType}} {{fingerprint}}을(를) 수락하지 않았습니다.',
    hostKeyChanged:
      '경고: {{host}} 포트 {{port}}의 호스트 키가 바뀌었습니다. 기존 키: {{previous}} ({{origin}}). 현재 키: {{keyType}} {{fingerprint}}. 누군가 연결을 가로채고 있거나, 장비가 교체되었거나 키가 다시 생성되었을 수 있습니다. 연결을 중단했습니다. 키가 바뀐 이유를 확인한 후에만 기존 항목을 지우십시오.',
    hostKeyRevoked:
      '{{host}} 포트 {{port}}의 호스트 키 {{fingerprint}}은(는) 폐기된 키로 표시되어 있습니다({{origin}}). 연결을 중단했습니다.',
    closed: '{{peer}}과(와)의 세션이 종료되었습니다.',
    serialOpenFailed: '시리얼 포트 {{path}}을(를) 열 수 없습니다: {{reason}}',
    badTarget:
      "'{{target}}'은(는) 사용할 수 없는 대상입니다({{reason}}). ssh://USER@HOST[:PORT], telnet://HOST[:PORT] 또는 serial:///dev/ttyUSB0?baud=9600 형식을 사용하십시오.",
    promptTimeout: '장비가 제한 시간 안에 프롬프트를 보여 주지 않았습니다(마지막 텍스트: {{seen}}).',
    usernameRequired: '장비가 사용자 이름을 묻습니다. --username 옵션으로 지정하십시오.',
    passwordRequired: '장비가 비밀번호를 묻습니다. --password-env 옵션이나 입력 프롬프트로 지정하십시오.',
    loginFailed: '{{peer}}이(가) 로그인을 거부했습니다.',
    enableFailed: '{{peer}}에서 특권 모드로 들어갈 수 없습니다. enable 비밀번호가 거부되었습니다.',
    desynchronised: '명령이 시간 초과된 뒤 {{peer}}의 프롬프트를 다시 찾지 못했습니다.',
    generic: '{{message}}',
  },
  secrets: {
    telnetNotRemembered: '텔넷은 비밀번호를 평문으로 보내므로 기억하지 않습니다. 매번 입력하십시오.',
  },
  links: {
    title: '웹 링크 열기',
    message: '이 주소를 웹 브라우저에서 여시겠습니까?',
    open: '브라우저에서 열기',
    cancel: '취소',
  },
  collect: {
    description: '방화벽에 접속해 증거 수집 스크립트를 실행하고 SMTP 검사를 진단합니다',
    target: 'ssh://USER@HOST[:PORT], telnet://HOST[:PORT] 또는 serial:///dev/ttyUSB0?baud=9600',
    legacy: '구형 PIX/ASA 이미지를 위해 레거시 SSH 알고리즘(SHA-1 키 교환, ssh-rsa, CBC 암호)도 제안합니다',
    case: '세션과 증거를 기록할 케이스 폴더(또는 ID)',
    acceptNewHostKey: '처음 보는 SSH 호스트 키를 수락하고 기억합니다(바뀐 키는 절대 수락하지 않음)',
    passwordEnv: '로그인 비밀번호가 들어 있는 환경 변수 이름',
    secretEnv: 'enable 비밀번호가 들어 있는 환경 변수 이름',
    username: '사용자 이름을 묻는 텔넷 또는 콘솔 로그인에 쓸 사용자 이름',
    identity: 'SSH 공개 키 인증에 쓸 개인 키 파일',
    platform: '플랫폼 감지를 건너뜁니다: asa, pix6, pix7 또는 ftd',
    timeout: '명령마다 기다릴 시간(초, 기본 60)',
    envMissing: "환경 변수 '{{name}}'이(가) 설정되어 있지 않습니다.",
    passwordPrompt: '{{peer}}의 비밀번호: ',
    secretPrompt: 'enable 비밀번호(없으면 비워 두십시오): ',
    noPassword: '비밀번호가 없습니다. --password-env NAME 옵션을 사용하십시오(비밀번호는 명령줄로 받지 않습니다).',
    badPlatform: "알 수 없는 플랫폼 '{{value}}'입니다. asa, pix6, pix7 또는 ftd를 사용하십시오.",
    badTimeout: "'{{value}}'은(는) 1에서 3600 사이의 초 단위 숫자가 아닙니다.",
    keyUnreadable: '키 파일 {{file}}을(를) 읽을 수 없습니다: {{reason}}',
    hostKeyAccepted: '{{host}} 포트 {{port}}의 새 호스트 키 {{keyType}} {{fingerprint}}을(를) 수락했습니다.',
    connected: '{{peer}}에 연결했습니다.',
    stepDone: '  {{prompt}} {{command}}  ({{ms}} ms)',
    stepFailed: '  {{prompt}} {{command}}  실패: {{failure}}',
    stepUnavailable: '  {{prompt}} {{command}}  (이 장비에서는 쓸 수 없음: {{failure}})',
    notEnabled: '경고: 특권 모드가 거부되어 비특권 명령만 실행했습니다.',
    platformFound: '플랫폼: {{platform}}',
    failed: '수집 실패: {{message}}',
    logSaved: '세션 로그를 케이스에 저장했습니다: {{cleaned}} (원본: {{raw}})',
  },
}
