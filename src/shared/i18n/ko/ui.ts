export const ui = {
  terminal: '터미널',
  diagnosis: '진단',
  noSession: '장비 세션이 없습니다. 방화벽에 연결해 시작하세요.',
  noFindings: '아직 발견 사항이 없습니다. 메일 경로를 점검하거나 장비 출력을 붙여 넣으세요.',
  noCase: '열린 케이스 없음',
  newCase: '새 케이스',
  cases: '케이스',
  language: '언어',
  createCase: '만들기',
  search: '터미널 검색',
  findNext: '다음 찾기',
  cancel: '취소',
}
