/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// keiei-kaizen: Tasklist settings (overrides the webjar's config.js; Spring serves the application's copy first).
export default {
  // one login: the webapps' login view sends the browser to the application's login page; 「タスクを作成」 only for
  // administrators (one script for the three webapps, app/keiei-sso.js)
  customScripts: ['../keiei-sso'],
  // app name and vendor (the header shows "<vendor> <name>")
  app: {
    name: '経営改善計画 案件管理',
    vendor: '中小企業活性化協議会'
  },
  // date formats (moment.js) for Japanese readers
  dateFormat: {
    monthName: 'M月',
    day: 'D',
    abbr: 'M/D HH:mm',
    normal: 'YYYY/MM/DD HH:mm',
    long: 'YYYY年M月D日 dddd HH:mm',
    short: 'YYYY/MM/DD'
  },
  // Japanese (locales/ja.json) for a browser that asks for it; any label missing there falls back to English
  locales: {
    availableLocales: ['ja', 'en'],
    fallbackLocale: 'en'
  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  disableWelcomeMessage: true,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'タスクを担当する'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'フィルターへ移動'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'タスク一覧へ移動'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'フォームの最初の項目へ移動'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '申請を開始する'
    }
  }
};
