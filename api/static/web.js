/* Progressive enhancement of the server-rendered pages (they all work without this file):
   live suggestions in the search box (ARIA 1.2 combobox with a listbox popup), tagging
   without a page reload, a copy button for citations, dismissible mention tooltips.
   Text from the server is inserted with textContent, never as HTML, except the tagging
   fragment, which our own server renders and escapes. */
(function () {
  "use strict";

  var SUGGEST_LIMIT = 8;
  var DEBOUNCE_MS = 120;

  /* A language tag naming only the script, so the right font is used when the language is unknown. */
  function scriptLang(text) {
    if (/[\u0530-\u058F]/.test(text)) return "und-Armn";
    if (/[\u0400-\u04FF]/.test(text)) return "und-Cyrl";
    if (/[\u10A0-\u10FF]/.test(text)) return "und-Geor";
    if (/[\u0600-\u06FF]/.test(text)) return "und-Arab";
    return "und-Latn";
  }

  /* Both suggest services, as one shape: {id, text, lang, detail}. */
  function normalize(body) {
    if (body.suggestions) {  // GET /v1/suggest
      return body.suggestions.map(function (s) {
        var m = s.matched || {};
        var detail = (s.kind || "").replace(/_/g, " ");
        if (s.name && s.name !== m.text) detail += " · " + s.name;
        return { id: s.id, text: m.text || s.name, lang: m.lang || scriptLang(s.name || ""), detail: detail };
      });
    }
    return (body.result || []).map(function (s) {  // the reconciliation suggest service
      return { id: s.id, text: s.name, lang: scriptLang(s.name || ""), detail: s.description || "" };
    });
  }

  function placeUrl(id) {
    return "/place/" + encodeURIComponent(id);
  }

  function setupCombobox(input) {
    var listbox = document.getElementById(input.getAttribute("aria-controls"));
    var status = document.getElementById("q-status");
    var url = input.getAttribute("data-suggest");
    var param = url.indexOf("/reconcile/") >= 0 ? "prefix" : "q";
    var items = [];
    var active = -1;
    var timer = null;
    var seq = 0;
    var controller = null;

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function open() {
      if (!items.length) return;
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function highlight(i) {
      var options = listbox.querySelectorAll("[role=option]");
      active = i;
      options.forEach(function (li, j) { li.setAttribute("aria-selected", j === i ? "true" : "false"); });
      if (i >= 0 && options[i]) {
        input.setAttribute("aria-activedescendant", options[i].id);
        options[i].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function render() {
      listbox.textContent = "";
      items.forEach(function (item, i) {
        var li = document.createElement("li");
        li.id = input.id + "-opt-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        var main = document.createElement("span");
        main.className = "name";
        main.lang = item.lang;
        main.textContent = item.text;
        var sub = document.createElement("span");
        sub.className = "sub";
        sub.textContent = item.detail;
        li.appendChild(main);
        li.appendChild(sub);
        li.addEventListener("mousedown", function (e) { e.preventDefault(); });  // keep focus in the input
        li.addEventListener("click", function () { choose(i); });
        listbox.appendChild(li);
      });
      active = -1;
      status.textContent = items.length ? items.length + " suggestions; arrow keys to choose" : "no suggestions";
      if (items.length) open(); else close();
    }

    function choose(i) {
      if (items[i]) window.location.assign(placeUrl(items[i].id));
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      var mine = ++seq;
      if (controller) controller.abort();
      if (!q) { items = []; close(); status.textContent = ""; return; }
      controller = new AbortController();
      fetch(url + "?" + param + "=" + encodeURIComponent(q) + "&limit=" + SUGGEST_LIMIT,
            { signal: controller.signal, headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { result: [] }; })
        .then(function (body) {
          if (mine !== seq) return;  // a newer keystroke has its own request
          items = normalize(body);
          render();
        })
        .catch(function () { /* aborted or offline: the form still submits to /search */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DEBOUNCE_MS);
    });

    input.addEventListener("keydown", function (e) {
      var expanded = !listbox.hidden;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (!items.length) return;
        e.preventDefault();
        if (!expanded) open();
        var step = e.key === "ArrowDown" ? 1 : -1;
        highlight((active + step + items.length + (active < 0 && step < 0 ? 1 : 0)) % items.length);
      } else if (e.key === "Enter") {
        if (expanded && active >= 0) {
          e.preventDefault();
          choose(active);
        }  // otherwise the form submits to the results page
      } else if (e.key === "Escape") {
        if (expanded) { e.preventDefault(); close(); } else if (input.value) { e.preventDefault(); input.value = ""; items = []; }
      } else if (e.key === "Tab") {
        close();
      }
    });

    input.addEventListener("blur", function () { setTimeout(close, 150); });
    input.addEventListener("focus", function () { if (items.length && input.value.trim()) open(); });
  }

  function setupTagForm(form) {
    var result = document.getElementById("tag-result");
    var convention = form.querySelector("select[name=convention]");
    var asOf = form.querySelector(".as-of");

    function toggleAsOf() { asOf.hidden = convention.value !== "as-of"; }
    convention.addEventListener("change", toggleAsOf);
    toggleAsOf();

    form.addEventListener("submit", function (e) {
      if (e.submitter && e.submitter.hasAttribute("formaction")) return;  // downloads go through
      e.preventDefault();
      var button = e.submitter || form.querySelector("button[type=submit]");
      button.disabled = true;
      fetch(form.action, { method: "POST", body: new FormData(form), headers: { "X-Fragment": "result" } })
        .then(function (r) { return r.text(); })
        .then(function (html) {
          result.innerHTML = html;  // rendered and escaped by our own server (templates/_tag_result.html)
          var heading = result.querySelector("h2, .error");
          if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
        })
        .catch(function () { form.submit(); })
        .finally(function () { button.disabled = false; });
    });
  }

  function setupCopy(button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = button.nextElementSibling;
    button.hidden = false;
    button.addEventListener("click", function () {
      var done = function () { status.textContent = "Copied."; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(source.value).then(done, function () { source.select(); });
      } else {
        source.select();
        try { if (document.execCommand("copy")) done(); } catch (err) { /* selected: the reader copies */ }
      }
    });
  }

  /* Escape hides the tooltip of the focused mention (WCAG 1.4.13: dismissible). */
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.key === "Escape" && t.classList && t.classList.contains("mention")) t.classList.add("tip-hidden");
  });
  document.addEventListener("focusout", function (e) {
    if (e.target.classList && e.target.classList.contains("mention")) e.target.classList.remove("tip-hidden");
  });

  var q = document.querySelector("input[role=combobox][data-suggest]");
  if (q) setupCombobox(q);
  var tagForm = document.getElementById("tag-form");
  if (tagForm) setupTagForm(tagForm);
  document.querySelectorAll("button[data-copy]").forEach(setupCopy);
})();
