/* Handbook search: works offline and from disk. The index (search-index.js, written by
   `handbook build`) is loaded only when the box is first used, by adding a script tag,
   since a page opened from disk may not fetch files. Words match by prefix; title hits
   rank first. The box follows the ARIA combobox pattern: focus stays in the input, the
   arrow keys move through the options, Enter opens one, Escape closes the list. */
(function () {
  "use strict";
  var box = document.querySelector("[data-search]");
  if (!box || !("normalize" in String.prototype)) return;
  var input = box.querySelector("input");
  var list = box.querySelector("[role=listbox]");
  var status = box.querySelector("[role=status]");
  var home = new URL(box.getAttribute("data-home"), location.href);
  // Must match SearchIndex.stopWords in the Swift code that writes the index.
  var stopWords = new Set(("a an and are as at be but by can do for from has have how i if in into is it its " +
    "may me my no not of on or so than that the their them then there these they this " +
    "to up was we were what when which who will with you your").split(" "));
  var pages = null, loading = false, results = [], active = -1, timer = 0;
  var maxResults = 8;

  // Same steps as SearchIndex.words: accents off, lower case, apostrophes out, split.
  function words(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/['\u2019]/g, "").split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function load() {
    if (pages || loading) return;
    loading = true;
    say("Loading search…");
    var script = document.createElement("script");
    script.src = box.getAttribute("data-index");
    script.onload = function () {
      var index = window.handbookSearchIndex || { pages: [] };
      pages = index.pages.map(function (page) {
        return { href: page[0], title: page[1], summary: page[2],
          fields: [words(page[1]), words(page[3]), words(page[2]), words(page[4])]
            .map(function (field) { return " " + field.join(" "); }) };
      });
      update();
    };
    script.onerror = function () { loading = false; say("Search could not load. Try the exercise list instead."); };
    document.head.appendChild(script);
  }

  // Title, headings, summary, body: a prefix hit in an earlier field counts more.
  var weights = [16, 4, 2, 1];
  function score(page, term) {
    for (var i = 0; i < weights.length; i++) {
      if (page.fields[i].indexOf(" " + term) !== -1) return weights[i];
    }
    return 0;
  }

  function find(query) {
    var terms = words(query);
    var required = terms.filter(function (t) { return t.length > 1 && !stopWords.has(t); });
    if (!required.length) return [];
    var found = [];
    pages.forEach(function (page, order) {
      var total = 0;
      for (var i = 0; i < terms.length; i++) {
        var points = score(page, terms[i]);
        if (!points && required.indexOf(terms[i]) !== -1) return;
        total += points;
      }
      found.push({ page: page, score: total, order: order });
    });
    found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return found.slice(0, maxResults).map(function (hit) { return hit.page; });
  }

  function say(text) {
    // A short pause lets screen readers finish the letter just typed before the count.
    clearTimeout(timer);
    timer = setTimeout(function () { status.textContent = text; }, 400);
  }

  function option(page, i) {
    var item = document.createElement("li");
    item.id = "search-option-" + i;
    item.className = "search-option";
    item.setAttribute("role", "option");
    item.setAttribute("aria-selected", "false");
    var title = document.createElement("span");
    title.className = "search-option-title";
    title.textContent = page.title;
    var summary = document.createElement("span");
    summary.className = "search-option-summary";
    summary.textContent = page.summary;
    item.append(title, summary);
    item.addEventListener("click", function () { go(i); });
    return item;
  }

  function update() {
    if (!pages) { load(); return; }
    var query = input.value.trim();
    results = query ? find(query) : [];
    active = -1;
    input.removeAttribute("aria-activedescendant");
    list.replaceChildren.apply(list, results.map(option));
    setOpen(results.length > 0);
    if (!query) say("");
    else if (!results.length) say("No pages found. Try another word.");
    else say(results.length + (results.length === 1 ? " page found." : " pages found.") + " Use the arrow keys to choose.");
  }

  function setOpen(open) {
    list.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function highlight(i) {
    if (!results.length) return;
    active = (i + results.length) % results.length;
    Array.prototype.forEach.call(list.children, function (item, n) {
      item.setAttribute("aria-selected", n === active ? "true" : "false");
    });
    var current = list.children[active];
    input.setAttribute("aria-activedescendant", current.id);
    current.scrollIntoView({ block: "nearest" });
  }

  function go(i) {
    var page = results[i];
    if (page) location.href = new URL(page.href, home).href;
  }

  input.addEventListener("focus", load);
  input.addEventListener("input", update);
  input.addEventListener("keydown", function (event) {
    var open = !list.hidden;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open && results.length) setOpen(true);
      highlight(active === -1 && event.key === "ArrowUp" ? -1 : active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (open && results.length) go(active === -1 ? 0 : active);
    } else if (event.key === "Escape") {
      if (open) { setOpen(false); active = -1; input.removeAttribute("aria-activedescendant"); }
      else { input.value = ""; update(); }
    }
  });
  box.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); });
  // Keep the focus in the box while an option is clicked; close the list when it leaves.
  list.addEventListener("mousedown", function (event) { event.preventDefault(); });
  box.addEventListener("focusout", function (event) {
    if (!box.contains(event.relatedTarget)) setOpen(false);
  });
  box.hidden = false;
})();
