// ESP Hub's Tasklist configuration (served in place of Camunda's default config.js).
// Dates as the rest of the hub writes them (ISO 8601 order, 24-hour clock) instead of the
// browser-locale "December 6, 2026 6:30 AM" style; and one small script of the hub's own.
export default {
  dateFormat: {
    monthName: 'MMM',
    day: 'DD',
    abbr: 'YYYY-MM-DD HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'dddd YYYY-MM-DD HH:mm:ss',
    short: 'YYYY-MM-DD'
  },
  // relative to app/tasklist/; see esp/completion-notice.js
  customScripts: ['esp/completion-notice'],
  // Camunda's default keyboard shortcuts, kept
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
