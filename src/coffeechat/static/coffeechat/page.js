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
    // <input data-guess-time-zone list=…>: start from this browser's time zone while the choice is still the default
    // (when the list offers it: the server accepts exactly those names).
    each("[data-guess-time-zone]", function (field) {
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      var offered = field.list ? field.list.options : field.options || [];
      var known = Array.prototype.some.call(offered, function (option) { return option.value === zone; });
      if (zone && field.value === "UTC" && known) { field.value = zone; }
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

// A form sent back with errors: open what hides it, bring the first error into view and put the cursor there.
// After "load": the browser's own scroll to a #fragment comes first, then this.
window.addEventListener("load", function () {
  var bad = document.querySelector('main [aria-invalid="true"], main .errorlist');
  if (!bad) { return; }
  for (var box = bad.closest("details"); box; box = box.parentElement.closest("details")) { box.open = true; }
  bad.scrollIntoView({block: "center"});
  var field = bad.matches("input, select, textarea") ? bad : bad.closest("form") && bad.closest("form").querySelector('[aria-invalid="true"]');
  if (field) { field.focus({preventScroll: true}); }
});

// A draft with [bracketed prompts] left (the composer lists them): select the first, so typing replaces it.
document.addEventListener("DOMContentLoaded", function () {
  if (!document.querySelector(".prompts-left")) { return; }
  var subject = document.getElementById("id_subject"), body = document.getElementById("id_body");
  var pattern = /\[[^\]\n]{2,200}\]/;
  [subject, body].some(function (field) {
    var match = field && pattern.exec(field.value);
    if (!match) { return false; }
    field.focus();
    field.setSelectionRange(match.index, match.index + match[0].length);
    if (field === body) {  // bring the selected line into view
      var lineHeight = parseFloat(getComputedStyle(body).lineHeight) || 20;
      body.scrollTop = Math.max(0, (field.value.slice(0, match.index).split("\n").length - 3) * lineHeight);
    }
    return true;
  });
});
