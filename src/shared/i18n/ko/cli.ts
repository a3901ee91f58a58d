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
    show: {
      description: '케이스와 저널 보기',
      notFound: "{{home}}에 케이스 '{{id}}'가 없습니다.",
      torn: '경고: 저널 {{line}}번째 줄이 불완전하여(쓰기 중단) 무시했습니다.',
      corrupt: '경고: 저널 {{line}}번째 줄을 읽을 수 없어 무시했습니다.',
    },
    invalidField: '{{field}}은(는) 1~{{max}}자여야 합니다.',
  },
}
