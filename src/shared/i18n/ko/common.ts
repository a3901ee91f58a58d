export const common = {
  appName: 'Unmask',
  tagline: '메일에서 STARTTLS를 지우는 방화벽을 찾아내고, 고치고, 문서로 남깁니다.',
  customer: '고객사',
  site: '현장',
  engineer: '엔지니어',
  created: '생성',
  caseId: '케이스',
  entries: '저널 항목',
  attachments: '첨부 파일',
}
