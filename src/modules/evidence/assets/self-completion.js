// Small helps for self-completion links. Every page works without this script.
// 1. "Copy the link" on the page a worker sees once: the button appears only when copying works.
// 2. A participant's answers are kept on their own device while they fill in the questionnaire,
//    so if the connection drops as they send it, opening the link again brings them back. They
//    are removed once the answers have been sent, and after 7 days in any case.
(function () {
  'use strict';
  var copy = document.querySelector('[data-copy-target]');
  var said = document.querySelector('[data-copy-status]');
  if (copy && navigator.clipboard && window.isSecureContext) {
    copy.hidden = false;
    copy.addEventListener('click', function () {
      var source = document.getElementById(copy.getAttribute('data-copy-target'));
      navigator.clipboard.writeText(source.textContent.trim()).then(
        function () {
          if (said) said.textContent = 'The link is copied. Paste it into a message to them.';
        },
        function () {
          if (said) said.textContent = 'It could not be copied here: select the link and copy it.';
        },
      );
    });
  }

  var store;
  try {
    store = window.localStorage;
  } catch (e) {
    return;
  }
  var WEEK = 7 * 24 * 3600 * 1000;
  var done = document.querySelector('[data-clear-answers]');
  if (done) store.removeItem('rc-answers:' + done.getAttribute('data-clear-answers'));
  var form = document.querySelector('form[data-keep-answers]');
  if (!form) return;
  var key = 'rc-answers:' + form.getAttribute('data-keep-answers');
  var saved = null;
  try {
    saved = JSON.parse(store.getItem(key) || 'null');
  } catch (e) {
    saved = null;
  }
  if (saved && saved.at > Date.now() - WEEK && saved.answers) {
    Object.keys(saved.answers).forEach(function (name) {
      var group = form.querySelectorAll('input[type="radio"][name="' + CSS.escape(name) + '"]');
      var answered = Array.prototype.some.call(group, function (r) {
        return r.checked;
      });
      if (answered) return; // what the server sent back wins
      Array.prototype.forEach.call(group, function (r) {
        if (r.value === saved.answers[name]) r.checked = true;
      });
    });
  } else if (saved) {
    store.removeItem(key);
  }
  form.addEventListener('change', function () {
    var answers = {};
    Array.prototype.forEach.call(form.querySelectorAll('input[type="radio"]:checked'), function (r) {
      answers[r.name] = r.value;
    });
    try {
      store.setItem(key, JSON.stringify({ at: Date.now(), answers: answers }));
    } catch (e) {
      /* storage full or refused: the form still works */
    }
  });
})();
