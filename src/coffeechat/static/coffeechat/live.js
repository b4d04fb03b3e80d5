// Live mode: the countdown, and notes that are never lost.
//
// Every field with data-save-url is saved by this script (not htmx): each change is mirrored in
// localStorage at once, sent after a short pause, and resent every few seconds until the server
// confirms it — so text typed while the connection is down arrives when it is back. "End call"
// waits until every field's latest text is confirmed.
(function () {
  "use strict";
  var endForm = document.getElementById("end-call");
  if (!endForm) { return; }
  var prefix = "coffeechat-live-" + endForm.dataset.conversation + "-";
  var csrf = endForm.querySelector("[name=csrfmiddlewaretoken]").value;
  var banner = document.getElementById("connection");
  var RETRY_MS = 3000, PAUSE_MS = 500;

  // The timer: counts down the agreed length; a calm colour at 5 minutes left, another at the end.
  var timer = document.getElementById("timer");
  var started = timer.dataset.started ? new Date(timer.dataset.started).getTime() : null, total = parseInt(timer.dataset.minutes, 10) * 60;
  function tick() {
    var left = total - Math.floor((Date.now() - started) / 1000), abs = Math.abs(left);
    timer.textContent = (left < 0 ? "+" : "") + Math.floor(abs / 60) + ":" + String(abs % 60).padStart(2, "0");
    timer.classList.toggle("soon", left <= 300 && left > 0);
    timer.classList.toggle("over", left <= 0);
    timer.title = left > 0 ? Math.ceil(left / 60) + " minutes left" : "Time is up: wrap up and thank them";
  }
  // Opening the page early starts nothing: the timer runs once "Start" has been pressed.
  if (started !== null) { tick(); setInterval(tick, 1000); } else { timer.title = "Starts when you press Start"; }

  var fields = Array.prototype.slice.call(document.querySelectorAll("[data-save-url]"));
  var state = new Map();

  function valueOf(field) { return field.type === "checkbox" ? (field.checked ? "1" : "0") : field.value; }
  function statusOf(field) {
    var el = field.closest("label") || field;
    while ((el = el.nextElementSibling)) { if (el.classList.contains("status")) { return el; } }
    return null;
  }
  function show(field, html, text) {
    var status = statusOf(field);
    if (!status) { return; }
    if (html !== null) { status.innerHTML = html; } else { status.textContent = text; }
  }
  function pending(field) {
    var s = state.get(field);
    return !s.refused && valueOf(field) !== s.confirmed;
  }

  function schedule(field, delay) {
    var s = state.get(field);
    clearTimeout(s.timer);
    s.timer = setTimeout(function () { send(field); }, delay);
  }

  function send(field) {
    var s = state.get(field);
    clearTimeout(s.timer);
    if (s.sending) { s.again = true; return; }
    if (!pending(field)) { return; }
    var value = valueOf(field), body = new URLSearchParams();
    body.append(field.dataset.param || field.name, value);
    s.sending = true;
    fetch(field.dataset.saveUrl, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": csrf, "Content-Type": "application/x-www-form-urlencoded" },
    }).then(function (response) {
      return response.text().then(function (text) { return { response: response, text: text }; });
    }).then(function (result) {
      s.sending = false;
      banner.hidden = true;
      if (result.response.ok) {
        s.confirmed = value;
        if (field.dataset.autosave && localStorage.getItem(prefix + field.dataset.autosave) === value) {
          localStorage.removeItem(prefix + field.dataset.autosave);
        }
        show(field, result.text, null);
      } else if (result.response.status >= 400 && result.response.status < 500) {
        // The server will not take this text (too long…): say so; resending cannot help.
        s.refused = value;
        show(field, null, result.text.length < 200 ? result.text : "Not saved");
      } else {
        throw new Error("server error " + result.response.status);
      }
      if (s.again || pending(field)) { s.again = false; send(field); }
    }).catch(function () {
      s.sending = false;
      s.again = false;
      banner.hidden = false;
      show(field, null, "Not saved yet");
      schedule(field, RETRY_MS);
    });
  }

  fields.forEach(function (field) {
    state.set(field, { confirmed: valueOf(field), sending: false, again: false, refused: null, timer: null });
    var mirrored = field.dataset.autosave;
    field.addEventListener(field.type === "checkbox" ? "change" : "input", function () {
      var s = state.get(field);
      if (s.refused !== null && valueOf(field) !== s.refused) { s.refused = null; }
      if (mirrored) { localStorage.setItem(prefix + mirrored, field.value); }
      schedule(field, field.type === "checkbox" ? 0 : PAUSE_MS);
    });
    if (field.type !== "checkbox") { field.addEventListener("blur", function () { send(field); }); }
    // Text kept from a lost connection or a closed tab goes back in, and to the server.
    var kept = mirrored ? localStorage.getItem(prefix + mirrored) : null;
    if (kept !== null && kept !== field.value) { field.value = kept; schedule(field, 0); }
  });

  // End call only once every field's latest text is on the server.
  var ending = false;
  endForm.addEventListener("submit", function (event) {
    if (!fields.some(pending)) { return; }
    event.preventDefault();
    if (ending) { return; }
    ending = true;
    var button = endForm.querySelector("button[type=submit]"), label = button.textContent;
    button.disabled = true;
    button.textContent = "Saving your notes…";
    fields.filter(pending).forEach(send);
    (function wait() {
      if (fields.some(pending)) { setTimeout(wait, 200); return; }
      button.textContent = label;
      endForm.submit();
    })();
  });
  window.addEventListener("beforeunload", function (event) {
    if (!ending && fields.some(pending)) { event.preventDefault(); event.returnValue = ""; }
  });
})();
