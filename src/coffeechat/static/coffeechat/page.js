// Small behaviours shared by every page. Pages carry no inline script (the Content-Security-Policy
// forbids it): templates mark elements with data attributes and this file gives them life.
(function () {
  "use strict";

  function each(selector, fn) { document.querySelectorAll(selector).forEach(fn); }

  function ready() {
    // <button data-copy="#field">: copy the field's text, saying whether it worked.
    each("[data-copy]", function (button) {
      button.addEventListener("click", function () {
        var source = document.querySelector(button.dataset.copy), status = button.parentElement.querySelector(".copy-status");
        navigator.clipboard.writeText(source.value).then(function () { status.textContent = "Copied."; },
          function () { source.select(); status.textContent = "Press Ctrl+C (⌘C) to copy."; });
      });
    });
    // <button data-print>: the browser's print dialog.
    each("[data-print]", function (button) { button.addEventListener("click", function () { window.print(); }); });
    // <input data-select-on-click>: one click selects the whole value, ready to copy.
    each("[data-select-on-click]", function (input) { input.addEventListener("click", function () { input.select(); }); });
    // <select data-guess-time-zone>: start from this browser's time zone while the choice is still the default.
    each("select[data-guess-time-zone]", function (select) {
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (zone && select.value === "UTC" && select.querySelector('option[value="' + CSS.escape(zone) + '"]')) { select.value = zone; }
    });
    // <form data-progress="#id">: on submit (not by a button with its own formaction), show the
    // progress element and stop a second click.
    each("form[data-progress]", function (form) {
      form.addEventListener("submit", function (event) {
        if (event.submitter && event.submitter.getAttribute("formaction")) { return; }
        var progress = document.querySelector(form.dataset.progress);
        if (progress) { progress.hidden = false; }
        form.querySelectorAll("button").forEach(function (b) { b.setAttribute("aria-disabled", "true"); b.style.pointerEvents = "none"; });
      });
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", ready); } else { ready(); }
})();
