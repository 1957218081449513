// Grästorp Intake: progressive enhancement of the tip form. The form works without this file; with it the resident
// gets a live character count, the server's own messages on leaving a field and before sending, and the receipt
// without a page load. Every message comes from the page's data-* attributes (rendered from the same resource files
// as the server's validation), every text goes in with textContent, and nothing runs inline (the CSP forbids it).
(function () {
  'use strict';

  var form = document.getElementById('tip-form');
  var summaryOnLoad = document.querySelector('[data-error-summary]');
  if (summaryOnLoad) {
    // GOV.UK: move focus to the summary after a server-side round trip, so it is read out first.
    summaryOnLoad.focus();
    wireSummaryLinks(summaryOnLoad);
  }
  if (!form) { return; }

  var data = form.dataset;
  var button = form.querySelector('button[type="submit"]');
  var maxText = parseInt(data.maxText, 10);
  var minText = parseInt(data.minText, 10);

  function length(value) {
    // The server counts Unicode scalar values of the NFC form: so does this.
    return Array.from(value.normalize('NFC')).length;
  }

  function format(template) {
    var args = Array.prototype.slice.call(arguments, 1);
    return template.replace(/\{(\d+)\}/g, function (_, i) { return String(args[Number(i)]); });
  }

  // --- Character count (polite, debounced, so a screen reader is not interrupted on every key) ---
  var text = document.getElementById('text');
  var count = document.createElement('div');
  count.id = 'text-count';
  count.className = 'char-count';
  var liveCount = document.createElement('div');
  liveCount.className = 'visually-hidden';
  liveCount.setAttribute('aria-live', 'polite');
  text.insertAdjacentElement('afterend', count);
  count.insertAdjacentElement('afterend', liveCount);
  var countTimer = null;
  function updateCount() {
    var n = length(text.value.trim());
    var message = n > maxText ? format(data.countOver, n, n - maxText) : format(data.count, n);
    count.textContent = message;
    count.classList.toggle('char-count-over', n > maxText);
    window.clearTimeout(countTimer);
    countTimer = window.setTimeout(function () { liveCount.textContent = message; }, 1000);
  }
  text.addEventListener('input', updateCount);
  updateCount();

  // --- Nudge and 112 cue while writing: the server's own check (one rule set with the submission's answer), asked
  // when the resident pauses, never more than one question at a time; it never blocks sending ---
  var place = document.getElementById('place');
  var cue = document.getElementById('emergency-now');
  var nudge = document.getElementById('personal-data-nudge');
  var checkTimer = null;
  var lastAsked = null;
  var pending = null;

  function say(region, message) {
    // Only a change is written, so a screen reader hears the region once, not on every check.
    var now = region.textContent;
    if (now === (message || '')) { return; }
    region.replaceChildren();
    if (message) {
      var p = document.createElement('p');
      if (region === cue) { p.className = 'cue-112-text'; }
      p.textContent = message;
      region.appendChild(p);
    }
  }

  function showCheck(answer) {
    say(cue, answer.emergency === true ? data.emergencyNow : null);
    say(nudge, answer.personalData && answer.personalData.length ? data.nudge : null);
  }

  function askCheck() {
    var body = JSON.stringify({ text: text.value, place: place.value });
    if (body === lastAsked) { return; }
    lastAsked = body;
    if (pending) { pending.abort(); }
    if (!text.value.trim() && !place.value.trim()) {
      showCheck({ emergency: false, personalData: [] });
      return;
    }
    pending = window.AbortController ? new AbortController() : null;
    fetch(data.checkPath, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body,
      credentials: 'omit',
      signal: pending ? pending.signal : undefined
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (answer) {
      if (answer) { showCheck(answer); }
    }).catch(function () {
      // Aborted by a newer question, or the check is unavailable: the nudge is a help, never a gate.
    });
  }

  function scheduleCheck() {
    window.clearTimeout(checkTimer);
    checkTimer = window.setTimeout(askCheck, 500);
  }
  if (data.checkPath && window.fetch && cue && nudge) {
    text.addEventListener('input', scheduleCheck);
    place.addEventListener('input', scheduleCheck);
    // The form came back from the server with text in it (or the browser restored it): check it once.
    if (text.value.trim() || place.value.trim()) { askCheck(); }
  }

  // --- Validation: the same rules and messages as the server ---
  var rules = {
    municipality: function () {
      return form.querySelector('input[name="municipality"]:checked') ? null : data.msgMunicipality;
    },
    text: function () {
      var n = length(text.value.trim());
      if (n === 0) { return data.msgTextMissing; }
      if (n < minText) { return data.msgTextTooShort; }
      if (n > maxText) { return data.msgTextTooLong; }
      return null;
    },
    place: function () {
      return length(document.getElementById('place').value.trim()) > parseInt(data.maxPlace, 10) ? data.msgPlaceTooLong : null;
    },
    observedAt: function () {
      var date = document.getElementById('observedDate');
      var time = document.getElementById('observedTime');
      if (!date.value && date.validity && date.validity.badInput) { return data.msgDateFormat; }
      if (!date.value && time.value) { return data.msgTimeWithoutDate; }
      if (date.value) {
        var when = new Date(date.value + 'T' + (time.value || '00:00'));
        if (isNaN(when.getTime())) { return data.msgDateFormat; }
        if (when.getTime() > Date.now() + 5 * 60 * 1000) { return data.msgFuture; }
      }
      return null;
    },
    contact: function () {
      return length(document.getElementById('contact').value.trim()) > parseInt(data.maxContact, 10) ? data.msgContactTooLong : null;
    }
  };
  var firstInput = { municipality: 'municipality', text: 'text', place: 'place', observedAt: 'observedDate', contact: 'contact', kind: 'kind', consent: 'consent', notify: 'notify', body: 'text' };

  function groupOf(field) {
    return document.getElementById(firstInput[field] || field).closest('.form-group');
  }

  function describedTarget(field) {
    var input = document.getElementById(firstInput[field] || field);
    return input.closest('fieldset') && field !== 'text' && field !== 'place' && field !== 'contact' && field !== 'consent' && field !== 'notify' ? input.closest('fieldset') : input;
  }

  function setError(field, message) {
    var group = groupOf(field);
    var id = field + '-error';
    var existing = document.getElementById(id);
    var target = describedTarget(field);
    var ids = (target.getAttribute('aria-describedby') || '').split(' ').filter(function (x) { return x && x !== id; });
    if (message) {
      if (!existing) {
        existing = document.createElement('p');
        existing.id = id;
        existing.className = 'error-message';
        var anchor = group.querySelector('.hint:not(.radio-hint)') || group.querySelector('legend') || group.querySelector('label');
        anchor.insertAdjacentElement('afterend', existing);
      }
      existing.textContent = '';
      var prefix = document.createElement('span');
      prefix.className = 'visually-hidden';
      prefix.textContent = data.errorPrefix + ': ';
      existing.appendChild(prefix);
      existing.appendChild(document.createTextNode(message));
      ids.push(id);
      group.classList.add('form-group-error');
    } else {
      if (existing) { existing.remove(); }
      if (!group.querySelector('.error-message')) { group.classList.remove('form-group-error'); }
    }
    if (ids.length) { target.setAttribute('aria-describedby', ids.join(' ')); } else { target.removeAttribute('aria-describedby'); }
    var input = document.getElementById(firstInput[field] || field);
    if (input.classList.contains('input') || input.classList.contains('textarea')) {
      input.classList.toggle('input-error', !!message);
    }
  }

  function validateAll() {
    var errors = [];
    Object.keys(rules).forEach(function (field) {
      var message = rules[field]();
      setError(field, message);
      if (message) { errors.push([field, message]); }
    });
    return errors;
  }

  Object.keys(rules).forEach(function (field) {
    var ids = field === 'observedAt' ? ['observedDate', 'observedTime'] : field === 'municipality' ? [] : [firstInput[field]];
    ids.forEach(function (id) {
      document.getElementById(id).addEventListener('blur', function (event) {
        // Leaving for the send button: the submit check follows at once, and a message appearing now would move the
        // button away from under the pointer before the click lands.
        if (event.relatedTarget === button) { return; }
        // Only correct on blur once something was typed, so tabbing past an empty field scolds no one.
        if (document.getElementById(id).value || document.getElementById(field + '-error')) { setError(field, rules[field]()); }
      });
    });
  });
  form.querySelectorAll('input[name="municipality"]').forEach(function (radio) {
    radio.addEventListener('change', function () { setError('municipality', null); });
  });

  // --- Error summary, as the server renders it ---
  var baseTitle = document.title.indexOf(data.titleErrorPrefix) === 0 ? document.title.slice(data.titleErrorPrefix.length) : document.title;

  function wireSummaryLinks(summary) {
    summary.querySelectorAll('a[href^="#"]').forEach(function (link) {
      link.addEventListener('click', function (event) {
        var input = document.getElementById(link.getAttribute('href').slice(1));
        if (!input) { return; }
        event.preventDefault();
        var legendOrLabel = (input.closest('fieldset') && input.closest('fieldset').querySelector('legend')) || document.querySelector('label[for="' + input.id + '"]');
        (legendOrLabel || input).scrollIntoView();
        input.focus({ preventScroll: true });
      });
    });
  }

  function showSummary(errors) {
    var old = document.querySelector('[data-error-summary]');
    if (old) { old.remove(); }
    if (!errors.length) {
      document.title = baseTitle;
      return;
    }
    var summary = document.createElement('div');
    summary.className = 'error-summary';
    summary.setAttribute('data-error-summary', '');
    summary.setAttribute('tabindex', '-1');
    summary.setAttribute('aria-labelledby', 'error-summary-title');
    var alert = document.createElement('div');
    alert.setAttribute('role', 'alert');
    var heading = document.createElement('h2');
    heading.id = 'error-summary-title';
    heading.className = 'error-summary-title';
    heading.textContent = data.summaryTitle;
    var list = document.createElement('ul');
    list.className = 'error-summary-list';
    errors.forEach(function (error) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = '#' + (firstInput[error[0]] || error[0]);
      link.textContent = error[1];
      item.appendChild(link);
      list.appendChild(item);
    });
    alert.appendChild(heading);
    alert.appendChild(list);
    summary.appendChild(alert);
    var h1 = document.querySelector('main h1');
    h1.parentNode.insertBefore(summary, h1);
    document.title = data.titleErrorPrefix + baseTitle;
    wireSummaryLinks(summary);
    summary.focus();
  }

  // --- Sending with fetch; the receipt is the server's own page, swapped in without a page load ---
  var status = document.getElementById('send-status');

  function showReceipt(reference, answer) {
    // The receipt says what the check found at submit, as the server's redirect does for a plain post.
    var flags = [];
    if (answer.personalData && answer.personalData.length) { flags.push(data.flagPersonalData + '=1'); }
    if (answer.emergency === true) { flags.push(data.flagEmergency + '=1'); }
    var path = data.receiptPath + encodeURIComponent(reference) + (flags.length ? '?' + flags.join('&') : '');
    return fetch(path, { headers: { Accept: 'text/html' }, credentials: 'omit' }).then(function (response) {
      if (!response.ok) { throw new Error('receipt ' + response.status); }
      return response.text();
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, 'text/html');
      var main = document.querySelector('main');
      main.replaceChildren.apply(main, Array.from(page.querySelector('main').childNodes).map(function (node) { return document.importNode(node, true); }));
      document.title = page.title;
      // The other language's link follows to the receipt, as on the server-rendered page.
      var otherLanguage = page.querySelector('.language-link');
      var ourLink = document.querySelector('.language-link');
      if (otherLanguage && ourLink) { ourLink.setAttribute('href', otherLanguage.getAttribute('href')); }
      window.history.pushState({}, '', path);
      var h1 = main.querySelector('h1');
      if (h1) { h1.focus(); }
      window.scrollTo(0, 0);
    });
  }

  form.addEventListener('submit', function (event) {
    var errors = validateAll();
    showSummary(errors);
    if (errors.length) {
      event.preventDefault();
      return;
    }
    if (!window.fetch || !window.URLSearchParams) { return; }
    event.preventDefault();
    window.clearTimeout(checkTimer);
    button.disabled = true;
    status.textContent = data.sending;
    fetch(form.action, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: new URLSearchParams(new FormData(form)).toString(),
      credentials: 'omit'
    }).then(function (response) {
      return response.json().then(function (body) { return { status: response.status, body: body }; });
    }).then(function (answer) {
      if (answer.status === 202 && answer.body.reference) {
        return showReceipt(answer.body.reference, answer.body);
      }
      if (answer.status === 400 && answer.body.errors) {
        var serverErrors = [];
        Object.keys(answer.body.errors).forEach(function (field) {
          var message = answer.body.errors[field].join(' ');
          setError(field === 'body' ? 'text' : field, message);
          serverErrors.push([field, message]);
        });
        status.textContent = '';
        showSummary(serverErrors);
        return null;
      }
      if ((answer.status === 429 || answer.status === 503) && answer.body.title) {
        // Too many tips, or the service is down: the server's own words, in the form's language. Nothing was kept.
        status.textContent = answer.body.title;
        return null;
      }
      throw new Error('status ' + answer.status);
    }).catch(function () {
      status.textContent = data.sendFailed;
    }).then(function () {
      button.disabled = false;
      if (status.textContent === data.sending) { status.textContent = ''; }
    });
  });
}());
