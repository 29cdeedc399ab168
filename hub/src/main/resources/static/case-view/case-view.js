// The integrated case view: reads /api/cases/{personId} with the caseworker's Tasklist login (the session
// cookie, with the header that tells the hub this page asks) and shows what the hub released to the
// caseworker's agency. Nothing is filtered here: the hub leaves out what the agency may not see.
(function () {
  'use strict';
  var HEADER = { 'X-ESP-Case-View': '1', 'Accept': 'application/json' };
  var personId = decodeURIComponent(location.pathname.replace(/\/+$/, '').split('/').pop());
  var api = '/api/cases/' + encodeURIComponent(personId);

  function el(id) { return document.getElementById(id); }
  function text(id, value) { el(id).textContent = value == null ? '' : String(value); }
  function say(message) { text('message', message); }
  function firstError(body) { return body && body.errors && body.errors.length ? body.errors[0].message : null; }

  function rows(id, items, cells, attributes) {
    var body = el(id);
    body.textContent = '';
    items.forEach(function (item) {
      var row = document.createElement('tr');
      Object.keys(attributes ? attributes(item) : {}).forEach(function (name) {
        row.setAttribute(name, attributes(item)[name]);
      });
      cells(item).forEach(function (value) {
        var cell = document.createElement('td');
        cell.textContent = value == null ? '' : String(value);
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
  }

  function show(view) {
    var theCase = view['case'] || {};
    text('case-reference', theCase.reference_id);
    text('case-summary', [theCase.given_name, theCase.family_name].join(' ') + ' — ' + theCase.state
      + ', opened ' + theCase.opened_at + (theCase.closed_at ? ', closed ' + theCase.closed_at
      + ' (' + theCase.closed_how + ')' : '') + '; linked processes: ' + theCase.linked_processes);
    text('viewer-user', view.viewer && view.viewer.user);
    text('viewer-agency', view.viewer && view.viewer.agency);
    var plan = view.plan || {};
    text('plan-version', plan.version ? 'version ' + plan.version : '(none agreed yet)');
    text('plan-goal', plan.goal);
    text('plan-sa-action', plan.sa_action ? plan.sa_action + ' (due ' + plan.sa_action_due_date + ')' : '');
    text('plan-pes-action', plan.pes_action ? plan.pes_action + ' (due ' + plan.pes_action_due_date + ')' : '');
    text('plan-agreed', plan.agreed_at ? plan.agreed_at + ': proposed by ' + plan.proposed_by + ', agreed by '
      + plan.agreed_by : '');
    // the field is there only for PES: the hub removed it for SA
    var notesReleased = Object.prototype.hasOwnProperty.call(plan, 'pes_case_notes');
    Array.prototype.forEach.call(document.querySelectorAll('.pes-only'), function (node) {
      node.hidden = !notesReleased;
    });
    text('plan-pes-notes', plan.pes_case_notes);
    text('plan-versions', 'Versions agreed so far: ' + (plan.versions_agreed || []).length);
    el('request-conference').hidden = theCase.state !== 'OPEN';
    rows('open-tasks', view.open_tasks || [], function (task) {
      return [task.name, task.agency, (task.candidate_groups || []).join(', '), task.process, task.due];
    }, function (task) { return { 'data-agency': task.agency || '' }; });
    rows('timeline', view.timeline || [], function (step) {
      return [step.at, step.process + ' ' + (step.reference_id || ''), step.step, step.state];
    });
    rows('exchanges', view.exchanges || [], function (exchange) {
      return [exchange.at, exchange.from, exchange.to, exchange.exchange, exchange.purpose, exchange.legal_basis,
        exchange.outcome];
    });
    el('case').hidden = false;
  }

  function load() {
    fetch(api, { headers: HEADER, credentials: 'same-origin' }).then(function (response) {
      if (response.status === 401) {
        say('Log in to Tasklist first (/camunda/app/tasklist/), then open this page again.');
        return null;
      }
      return response.json().then(function (body) {
        if (!response.ok) {
          say(firstError(body) || 'The case could not be read (' + response.status + ').');
          return null;
        }
        say('');
        show(body);
        return body;
      });
    }).catch(function () { say('The hub cannot be reached.'); });
  }

  el('request-conference').addEventListener('click', function () {
    fetch(api + '/conference-requests', { method: 'POST', headers: HEADER, credentials: 'same-origin' })
      .then(function (response) {
        return response.json().then(function (body) {
          say(response.ok ? 'Conference requested: both agencies have a conference task.'
            : firstError(body) || 'Not requested (' + response.status + ').');
          load();
        });
      });
  });

  load();
}());
