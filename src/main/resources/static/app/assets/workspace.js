// The workspace's task page: renders the step's Camunda Form with form-js (FormViewer, vendored at build time),
// with Japanese validation messages, completes it on the page's session (Spring's CSRF token in a header), and shows
// each refusal of the server at the field it names; a refusal that names no field of the form is shown above it.
(function () {
  'use strict';
  var root = document.getElementById('task-form');
  if (!root || !window.FormViewer) {
    return;
  }
  var button = document.getElementById('complete');
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
      var form = new window.FormViewer.Form({ container: root });
      return form.importSchema(loaded.schema, loaded.values).then(function () {
        var validator = form.get('validator');
        inJapanese(validator, 'validateField');
        inJapanese(validator, 'validateFieldInstance');
        button.disabled = false;
        button.addEventListener('click', function () { complete(form, loaded.schema); });
      });
    })
    .catch(function (error) { say(error.message); });

  function complete(form, schema) {
    var result = form.submit();
    if (Object.keys(result.errors).length) {
      say('入力内容を確認してください（赤く示した項目）。');
      focusFirstError();
      return;
    }
    say('');
    button.disabled = true;
    var headers = { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' };
    var csrfHeader = meta('csrf-header');
    if (csrfHeader) {
      headers[csrfHeader] = meta('csrf-token');
    }
    fetch(root.getAttribute('data-complete'), {
      method: 'POST', headers: headers, credentials: 'same-origin', body: JSON.stringify(result.data)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.ok) {
          window.location.assign(body.next
            ? root.getAttribute('data-task-base') + body.next + '?done=' + encodeURIComponent(body.caseNumber)
            : root.getAttribute('data-inbox') + '?done=' + encodeURIComponent(body.caseNumber));
          return;
        }
        button.disabled = false;
        if (response.status === 400 && body.errors) {
          showRefusal(form, schema, body);
        } else {
          say(body.detail || ('完了できませんでした（' + response.status + '）。'));
        }
      });
    }).catch(function () {
      button.disabled = false;
      say('サーバーに接続できませんでした。通信状態を確かめて、もう一度お試しください。');
    });
  }
}());
