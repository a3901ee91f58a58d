export const cli = {
  description: 'Unmask: Cisco PIX/ASA 방화벽의 SMTP 검사가 STARTTLS를 깨뜨리는 문제를 찾아 고칩니다.',
  options: {
    lang: '출력 언어 (en 또는 ko)',
    json: '텍스트 대신 JSON으로 출력',
    version: '버전 출력',
    help: '명령 도움말 보기',
  },
  errors: {
    unknownCommand: "알 수 없는 명령 '{{command}}'입니다. 명령 목록은 'unmask --help'로 확인하세요.",
    unknownOption: "알 수 없는 옵션 '{{option}}'입니다. 'unmask {{command}} --help'를 실행하세요.",
    missingArgument: "인자 '{{argument}}'가 없습니다. 'unmask {{command}} --help'를 실행하세요.",
    missingOption: "필수 옵션 '{{option}}'이 없습니다. 'unmask {{command}} --help'를 실행하세요.",
    invalidArgument: '잘못된 값: {{message}}',
    excessArguments: "'unmask {{command}}'에 인자가 너무 많습니다.",
    badLanguage: "지원하지 않는 언어 '{{value}}': en 또는 ko를 사용하세요.",
    generic: '오류: {{message}}',
  },
  case: {
    description: '케이스 생성, 목록, 조회',
    new: {
      description: '새 케이스 열기',
      customer: '고객사(기관) 이름',
      site: '현장 또는 위치',
      engineer: '담당 엔지니어',
      created: '케이스 {{id}}를 {{dir}}에 만들었습니다',
    },
    list: { description: '케이스 목록', none: '케이스가 아직 없습니다. 만들기: unmask case new --customer 이름' },
    caseArg: '케이스 ID 또는 폴더',
    show: {
      description: '케이스와 증거 목록 보기 (수집, 프로브, 첨부, 변경한 내용과 시각)',
      raw: '--json과 함께: 비밀 정보를 포함해 기록된 그대로의 저널(기본값은 가림)',
      since: '그 시점 이후 항목만: 30m, 2h, 7d 또는 날짜/시각 (2026-12-05, 2026-12-05T09:30:00Z)',
      type: '이 종류만 (case, probe, device, file, diagnosis, change, report) 또는 저널 유형, 쉼표로 구분',
      evidence: '증거 (저널 항목 {{total}}개 중 {{shown}}개):',
      badSince: "--since에는 30m, 2h, 7d 또는 2026-12-05T09:30:00Z 같은 날짜/시각을 쓰세요: '{{value}}'",
      badType: "알 수 없는 --type '{{value}}': {{kinds}} 또는 probe.result 같은 저널 유형을 쓰세요.",
      notFound: "{{home}}에 케이스 '{{id}}'가 없습니다.",
      torn: '경고: 저널 {{line}}번째 줄이 불완전하여(쓰기 중단) 무시했습니다.',
      corrupt: '경고: 저널 {{line}}번째 줄을 읽을 수 없어 무시했습니다.',
    },
    invalidField: '{{field}}은(는) 1~{{max}}자여야 합니다.',
    attach: {
      description: '파일을 그대로 케이스에 보관하고 각각 SHA-256과 함께 기록',
      files: '보관할 파일 (- = 표준 입력)',
      done: '{{source}}을(를) {{name}}(으)로 케이스 {{id}}에 보관했습니다 ({{bytes}}바이트, SHA-256 {{sha256}}).',
    },
    kinds: {
      case: '케이스',
      probe: '프로브',
      device: '장비',
      file: '파일',
      diagnosis: '진단',
      change: '변경',
      report: '보고서',
    },
    summary: {
      masked: 'STARTTLS 가려짐',
      tls: 'TLS {{protocol}}',
      noTls: 'TLS 없음',
      failed: '{{phase}} 단계에서 멈춤',
      file: '{{name}} ({{bytes}}바이트, SHA-256 {{sha256}}…)',
      evidence: '{{peer}} {{platform}}, 발견 사항 {{count}}개',
      diagnosis: '발견 사항 {{findings}}개; 원인: {{causes}}',
      notSaved: '저장 안 함',
    },
  },
  analyze: {
    case: '입력과 분석 결과를 이 케이스에도 보관 (ID 또는 폴더)',
    recorded: '입력 {{count}}개와 분석 결과를 케이스 {{id}}에 보관했습니다.',
  },
  completion: {
    description: '셸 자동 완성 스크립트 출력 (bash, zsh, powershell)',
    shell: 'bash, zsh 또는 powershell',
    badShell: "알 수 없는 셸 '{{shell}}': {{shells}} 중 하나를 쓰세요.",
  },
  progress: {
    report: '보고서를 {{file}}(으)로 인쇄하는 중',
    probing: '호스트 {{count}}개 프로브 중',
  },
  help: {
    examplesTitle: '예:',
    exitCodes: `종료 코드 (모든 명령에서 같음):
  0  완료, 문제 없음
  1  완료, 문제 발견 (경고 또는 심각 발견 사항, 원인, STARTTLS 가려짐)
  2  잘못된 사용: 알 수 없는 명령이나 옵션, 잘못된 값, 읽을 수 없는 파일, 없는 케이스
  3  연결하거나 끝낼 수 없음: 거부, 시간 초과, 신뢰하지 않는 호스트 키, 로그인 실패
  4  변경을 했거나 했을 수 있으나 확인되지 않았거나 저장되지 않음: 장비를 확인하세요
  5  그 밖의 이유로 실패 (메시지에 이유가 있음)`,
    exitCodesShort:
      "종료 코드: 0 문제 없음, 1 문제 발견, 2 잘못된 사용, 3 연결 실패, 4 변경 미확인, 5 기타 실패 ('unmask --help').",
  },
  examples: {
    unmask: `  unmask case new --customer "에이크미 메일" --site 서울
  unmask analyze show-run.txt bounce.eml --case CASE_ID
  unmask --lang ko help probe`,
    case: `  unmask case new --customer "에이크미 메일"
  unmask case list
  unmask case show CASE_ID --type probe,change`,
    case_new: `  unmask case new --customer "에이크미 메일" --site 서울 --engineer "김정우"
  unmask case new --customer "에이크미 메일" --json`,
    case_list: `  unmask case list
  unmask case list --json`,
    case_show: `  unmask case show CASE_ID
  unmask case show CASE_ID --since 2h --type probe,file
  unmask case show CASE_ID --type fix.applied,fix.verified --json`,
    case_attach: `  unmask case attach CASE_ID bounce.eml maillog.txt
  cat ndr.txt | unmask case attach CASE_ID -`,
    report: `  unmask report --case CASE_ID --out acme.pdf
  unmask --lang ko report --case CASE_ID --out acme-ko.pdf --html acme-ko.html`,
    probe: `  unmask probe mail.example.com:25
  unmask probe example.com --case CASE_ID
  unmask probe 127.0.0.1:2525 --compare 127.0.0.1:2526 --compare-vantage direct --json`,
    analyze: `  unmask analyze show-run.txt
  unmask analyze show-run.txt bounce.eml --case CASE_ID
  cat transcript.txt | unmask analyze - --json`,
    lab: `  unmask lab --list
  unmask lab --scenario asa9-default
  unmask lab --scenario pix6-mailguard --ports 2525,2526,2222`,
    collect: `  FW_PASS=... unmask collect ssh://admin@127.0.0.1:2222 --password-env FW_PASS --case CASE_ID
  unmask collect telnet://127.0.0.1:2323 --password-env FW_PASS --secret-env FW_ENABLE --json`,
    diagnose: `  unmask diagnose --device ssh://admin@127.0.0.1:2222 --probe 127.0.0.1:2525 --password-env FW_PASS --case CASE_ID
  unmask diagnose --device ssh://admin@127.0.0.1:2222 --probe 127.0.0.1:2525 --password-env FW_PASS \\
    --fix asa.no-inspect-esmtp --confirm ciscoasa --save --report acme.pdf`,
    capture: `  unmask capture --device ssh://admin@127.0.0.1:2222 --mail-host 192.168.10.25 --probe 198.51.100.25 --password-env FW_PASS
  unmask capture --device ssh://admin@127.0.0.1:2222 --mail-host 127.0.0.1 --server-interface inside \\
    --client-interface outside --probe 127.0.0.1:2525 --password-env FW_PASS --yes --case CASE_ID`,
    audit: `  unmask audit /srv/oxidized/configs
  unmask audit /srv/rancid/*/configs --only-affected --csv > affected.csv
  unmask audit backups/ --json | jq 'select(.type == "row")'`,
    completion: `  source <(unmask completion bash)
  source <(unmask completion zsh)
  unmask completion powershell | Out-String | Invoke-Expression`,
  },
}
