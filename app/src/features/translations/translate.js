// Mizon: what the translation page adds when scripts run (it works without).
// - The Tajik letters a Russian keyboard lacks, inserted at the caret.
// - Russian-only letters and Latin look-alikes flagged as one types Tajik.
// - The item's preview follows the wording as one types.
// - Keys: N (outside a field, any keyboard layout) goes to the next text
//   that needs work;
//   Ctrl+Enter in a field saves its text.
"use strict";
(function () {
  var russian = /[цщыьЦЩЫЬ]|[ъЪ](?=[еёЕЁ])/g;
  var word = /[A-Za-z\u0400-\u052F]+/g;
  function slips(text) {
    var found = text.match(russian) || [];
    (text.match(word) || []).forEach(function (w) {
      if (/[\u0400-\u052F]/.test(w) && /[A-Za-z]/.test(w)) found.push(w);
    });
    return found;
  }
  var last = null;
  document.addEventListener("focusin", function (e) {
    if (e.target.matches && e.target.matches("textarea[data-tr-field]")) last = e.target;
  });
  function refresh(form) {
    var warning = form.querySelector("[data-tajik-warning]");
    if (warning) {
      var found = [];
      form.querySelectorAll("textarea[data-tr-field]").forEach(function (t) {
        found = found.concat(slips(t.value));
      });
      warning.hidden = found.length === 0;
      warning.querySelector(".tr-found").textContent = found.join(", ");
    }
  }
  document.querySelectorAll(".tr-letters").forEach(function (row) {
    row.hidden = false;
    row.addEventListener("click", function (e) {
      var letter = e.target.getAttribute && e.target.getAttribute("data-letter");
      var form = row.closest("form");
      var field = last && form.contains(last) ? last : form.querySelector("textarea[data-tr-field]");
      if (!letter || !field) return;
      var start = field.selectionStart, end = field.selectionEnd;
      field.setRangeText(letter, start, end, "end");
      field.dispatchEvent(new Event("input", { bubbles: true }));
      field.focus();
    });
  });
  document.addEventListener("input", function (e) {
    var t = e.target;
    if (!t.matches || !t.matches("textarea[data-tr-field]")) return;
    refresh(t.form);
    // The label as the assessor will read it: the wording for the
    // preview's gender if there is one, else the one for everybody.
    var base = t.id.replace(/-(one|male|female)$/, "");
    var preview = document.querySelector('[data-preview-of="' + base + '"]');
    if (!preview) return;
    var own = document.getElementById(base + "-" + preview.getAttribute("data-gender"));
    var one = document.getElementById(base + "-one");
    var text = (own && own.value.trim()) ? own.value : (one ? one.value : "");
    if (text.trim()) preview.textContent = text;
  });
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    var inField = t.matches && t.matches("input, textarea, select");
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && t.form && t.matches("textarea")) {
      e.preventDefault();
      t.form.requestSubmit();
      return;
    }
    // By the key's place, not its letter: on a Russian or Tajik layout the
    // same key types "т".
    if (!inField && !e.ctrlKey && !e.metaKey && !e.altKey && e.code === "KeyN") {
      var next = document.getElementById("next-missing");
      if (!next) return;
      var target = document.querySelector(next.getAttribute("href"));
      var rows = Array.prototype.slice.call(document.querySelectorAll(".tr-row"));
      var here = rows.indexOf(t.closest ? t.closest(".tr-row") : null);
      var later = rows.slice(here + 1).filter(function (r) {
        return /missing|stale/.test(r.getAttribute("data-status"));
      })[0];
      target = later || target;
      if (!target) return;
      e.preventDefault();
      target.scrollIntoView({ block: "center" });
      var field = target.querySelector("textarea");
      (field || target).focus();
    }
  });
})();
