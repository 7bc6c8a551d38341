// keiei-kaizen: Tasklist settings (overrides the webjar's config.js; Spring serves the application's copy first).
export default {
  app: {
    name: '経営改善計画 案件管理',
    vendor: '中小企業活性化協議会'
  },
  dateFormat: {
    normal: 'YYYY/MM/DD HH:mm',
    long: 'YYYY年M月D日 HH:mm'
  },
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'タスクを担当する' },
    focusFilter: { key: 'ctrl+shift+f', description: 'フィルターへ移動' },
    focusList: { key: 'ctrl+alt+l', description: 'タスク一覧へ移動' },
    focusForm: { key: 'ctrl+alt+f', description: 'フォームの最初の項目へ移動' },
    startProcess: { key: 'ctrl+alt+p', description: '申請を開始する' }
  }
};
