// Confirms a completed task. Tasklist closes the form after "Complete" without a word, so a
// caseworker cannot tell a completed task from one that vanished. This plugin sits in the navbar
// and watches the engine calls Tasklist itself makes: when a task's form submission (or a plain
// completion) succeeds, it shows "Task completed: <name>" for a few seconds in a status region
// that screen readers announce too. It changes nothing Tasklist sends.
const COMPLETION = /\/task\/([^/?#]+)\/(submit-form|complete)(\?|$)/;
const SHOWN_FOR_MS = 6000;

function noticeRegion() {
  let region = document.getElementById('esp-completion-notice');
  if (!region) {
    region = document.createElement('div');
    region.id = 'esp-completion-notice';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    document.body.appendChild(region);
  }
  return region;
}

function announce(text) {
  const region = noticeRegion();
  region.textContent = text;
  region.classList.add('esp-visible');
  clearTimeout(region.hideTimer);
  region.hideTimer = setTimeout(() => region.classList.remove('esp-visible'), SHOWN_FOR_MS);
}

// the task's name as the open task card shows it, read before Tasklist closes the form
function openTaskName() {
  const title = document.querySelector('.names h2.task');
  return title ? title.textContent.trim() : '';
}

function watchCompletions() {
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.espCompletion = method === 'POST' && COMPLETION.test(String(url));
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (this.espCompletion) {
      const name = openTaskName();
      this.addEventListener('load', () => {
        if (this.status >= 200 && this.status < 300) {
          announce(name ? 'Task completed: ' + name : 'Task completed');
        }
      });
    }
    return send.apply(this, args);
  };
}

let watching = false;

export default {
  id: 'esp-completion-notice',
  pluginPoint: 'tasklist.navbar.action',
  priority: 0,
  render: () => {
    if (!watching) {
      watching = true;
      watchCompletions();
    }
  }
};
