// The workspace's form pages (a task, a new application): render the Camunda Form with form-js (FormViewer, vendored
// at build time) with Japanese validation messages, send it on the page's session (Spring's CSRF token in a header),
// and show each refusal of the server at the field it names; a refusal that names no field of the form is shown above
// it. The server's answer says where to go next (location). Optional: a preview button (data-preview) that shows the
// subsidy the values would give, before anything is stored.
(function () {
  'use strict';
  var root = document.getElementById('task-form');
  if (!root || !window.FormViewer) {
    return;
  }
  // form-js shows and reads dates in the browser's default locale (m/d/Y in an English browser). The forms are
  // Japanese, so their dates are too (yyyy/m/d, and the placeholder says so) whatever the browser's language.
  var NativeDateTimeFormat = Intl.DateTimeFormat;
  var JapaneseDateTimeFormat = function (locale, options) {
    return new NativeDateTimeFormat(locale === undefined || locale === 'default' ? 'ja-JP' : locale, options);
  };
  JapaneseDateTimeFormat.prototype = NativeDateTimeFormat.prototype;
  JapaneseDateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf;
  Intl.DateTimeFormat = JapaneseDateTimeFormat;

  var button = document.getElementById('complete');
  var previewButton = document.getElementById('preview');
  var previewResult = document.getElementById('preview-result');
  var problems = document.getElementById('form-problems');

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  // form-js's own messages are English; these are what the user reads instead
  var JAPANESE = [
    [/^Field is required\.$/, function () { return '入力してください。'; }],
    [/^Field must have minimum length of (\d+)\.$/, function (m) { return m[1] + '文字以上で入力してください。'; }],
    [/^Field must have maximum length of (\d+)\.$/, function (m) { return m[1] + '文字以内で入力してください。'; }],
    [/^Field must have minimum value of (.+)\.$/, function (m) { return m[1] + '以上の値を入力してください。'; }],
    [/^Field must have maximum value of (.+)\.$/, function (m) { return m[1] + '以下の値を入力してください。'; }],
    [/^Field must match pattern /, function () { return '入力の形式が正しくありません。'; }],
    [/^Field must be a valid email\.$/, function () { return 'メールアドレスの形式で入力してください。'; }],
    [/^Field must be a valid\s+international phone number/, function () { return '電話番号の形式で入力してください。'; }],
    [/^Value is not a number\.$/, function () { return '数値を入力してください。'; }],
    [/^Value is expected to be an integer/, function () { return '整数で入力してください。'; }],
    [/^Value is expected to have at most (\d+) decimal digit/, function (m) { return '小数点以下' + m[1] + '桁までで入力してください。'; }]
  ];

  function japanese(message) {
    for (var i = 0; i < JAPANESE.length; i++) {
      var match = JAPANESE[i][0].exec(message);
      if (match) {
        return JAPANESE[i][1](match);
      }
    }
    return message;
  }

  // form-js's own placeholders ("Select", "Search") are fixed English; the user reads Japanese. The text node is
  // changed in place, so form-js's renderer (which keeps the node) shows the chosen value over it later.
  function japaneseChrome() {
    root.querySelectorAll('input[placeholder="Search"]').forEach(function (input) {
      input.setAttribute('placeholder', '入力して絞り込み');
    });
    root.querySelectorAll('.fjs-select-display').forEach(function (display) {
      var text = display.firstChild;
      if (text && text.nodeType === 3 && text.nodeValue === 'Select') {
        text.nodeValue = '選択してください';
      }
    });
  }

  function inJapanese(validator, method) {
    var original = validator[method];
    if (typeof original === 'function') {
      validator[method] = function () {
        return original.apply(validator, arguments).map(japanese);
      };
    }
  }

  /** The form-js id of the component bound to the key, searching groups too; null when the form has none. */
  function componentId(components, key) {
    for (var i = 0; components && i < components.length; i++) {
      var c = components[i];
      if (c.key === key) {
        return c.id;
      }
      var inner = componentId(c.components, key);
      if (inner) {
        return inner;
      }
    }
    return null;
  }

  function say(text) {
    problems.textContent = text;
    problems.hidden = !text;
    if (text) {
      problems.scrollIntoView({ block: 'center' });
    }
  }

  function focusFirstError() {
    var field = root.querySelector('.fjs-has-errors input, .fjs-has-errors textarea, .fjs-has-errors select');
    if (field) {
      field.scrollIntoView({ block: 'center' });
      field.focus();
    }
  }

  function showRefusal(form, schema, problem) {
    var errors = {};
    var elsewhere = [];
    (problem.errors || []).forEach(function (e) {
      var id = componentId(schema.components, e.field);
      if (id) {
        errors[id] = (errors[id] || []).concat([e.rule]);
      } else {
        elsewhere.push(e.rule);
      }
    });
    form._setState({ errors: errors }); // form-js shows a field's errors under it, as its own
    var fields = Object.keys(errors).length;
    say((fields ? '入力内容を確認してください（赤く示した項目）。' : '') + elsewhere.join(' '));
    focusFirstError();
  }

  fetch(root.getAttribute('data-form'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('フォームを読み込めませんでした（' + response.status + '）。ページを再読み込みしてください。');
      }
      return response.json();
    })
    .then(function (loaded) {
      // the forms' link to the separate documents page (for Tasklist) is left out: the checklist is on this page
      loaded.schema.components = (loaded.schema.components || []).filter(function (c) {
        return c.id !== 'Text_documents';
      });
      // every keystroke reaches the form's state at once (form-js waits 300 ms by default, and a value typed just
      // before a quick click elsewhere could be lost to a re-render)
      var form = new window.FormViewer.Form({ container: root, debounce: false });
      return form.importSchema(loaded.schema, loaded.values).then(function () {
        japaneseChrome();
        new MutationObserver(japaneseChrome).observe(root, { subtree: true, childList: true, characterData: true });
        var validator = form.get('validator');
        inJapanese(validator, 'validateField');
        inJapanese(validator, 'validateFieldInstance');
        button.disabled = false;
        button.addEventListener('click', function () { complete(form, loaded.schema); });
        if (previewButton) {
          previewButton.disabled = false;
          previewButton.addEventListener('click', function () { preview(form, loaded.schema); });
        }
      });
    })
    .catch(function (error) { say(error.message); });

  function post(url, data) {
    var headers = { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' };
    var csrfHeader = meta('csrf-header');
    if (csrfHeader) {
      headers[csrfHeader] = meta('csrf-token');
    }
    return fetch(url, { method: 'POST', headers: headers, credentials: 'same-origin', body: JSON.stringify(data) })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          return { ok: response.ok, status: response.status, body: body };
        });
      });
  }

  function checked(form) {
    var result = form.submit();
    if (Object.keys(result.errors).length) {
      say('入力内容を確認してください（赤く示した項目）。');
      focusFirstError();
      return null;
    }
    say('');
    return result.data;
  }

  function refused(form, schema, answer) {
    if (answer.status === 400 && answer.body.errors) {
      showRefusal(form, schema, answer.body);
    } else {
      say(answer.body.detail || ('受け付けられませんでした（' + answer.status + '）。'));
    }
  }

  function offline() {
    button.disabled = false;
    say('サーバーに接続できませんでした。通信状態を確かめて、もう一度お試しください。');
  }

  function complete(form, schema) {
    var data = checked(form);
    if (!data) {
      return;
    }
    button.disabled = true;
    post(root.getAttribute('data-complete'), data).then(function (answer) {
      if (answer.ok) {
        window.location.assign(answer.body.location);
        return;
      }
      button.disabled = false;
      refused(form, schema, answer);
    }).catch(offline);
  }

  function yen(value) {
    return Number(value).toLocaleString('ja-JP') + '円';
  }

  /**
   * The subsidy the values would give, per agency and cost category, as the decision will compute it, and what the
   * eligibility check will say of the fees (shown below the table; none: a line that says so).
   */
  function preview(form, schema) {
    var data = checked(form);
    if (!data) {
      return;
    }
    post(previewButton.getAttribute('data-preview'), data).then(function (answer) {
      if (!answer.ok) {
        refused(form, schema, answer);
        return;
      }
      var body = previewResult.querySelector('tbody');
      body.textContent = '';
      answer.body.lines.forEach(function (line) {
        var row = document.createElement('tr');
        [line.agencyName, line.categoryLabel, yen(line.quotedGrossYen), yen(line.eligibleFeeYen), yen(line.capYen),
          yen(line.subsidyYen), yen(line.companyShareYen)].forEach(function (text, i) {
          var cell = document.createElement('td');
          cell.textContent = text;
          if (i >= 2) {
            cell.className = 'num';
          }
          row.appendChild(cell);
        });
        body.appendChild(row);
      });
      var findings = document.getElementById('preview-findings');
      if (findings) {
        findings.textContent = '';
        var notes = answer.body.findings.length ? answer.body.findings : ['見積について、要件確認で指摘される項目はありません。'];
        notes.forEach(function (text) {
          var item = document.createElement('li');
          item.textContent = text;
          findings.appendChild(item);
        });
        findings.className = answer.body.findings.length ? 'error' : 'info';
        findings.hidden = false;
      }
      previewResult.hidden = false;
      previewResult.scrollIntoView({ block: 'nearest' });
    }).catch(offline);
  }
}());
