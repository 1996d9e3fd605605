/* My exercise plan: the ticked exercises are the plan. The choice is kept in the page's
   address (#plan=a,b, so a clinician can bookmark or send it) and on this device
   (localStorage), and shown as the sheet: only ticked exercises are shown and printed.
   With nothing ticked, or without JavaScript, the sheet holds every exercise. */
(function () {
  "use strict";
  var picker = document.querySelector("[data-plan-picker]");
  if (!picker) return;
  var boxes = Array.prototype.slice.call(picker.querySelectorAll("[data-plan-pick]"));
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-plan-item]"));
  var status = picker.querySelector("[data-plan-status]");
  var storageKey = "handbook-exercise-plan";
  var known = new Set(boxes.map(function (box) { return box.value; }));

  function fromHash() {
    var match = /(?:^#|[#&])plan=([^&]*)/.exec(location.hash);
    return match ? decodeURIComponent(match[1]).split(",") : null;
  }

  function fromStorage() {
    try { return (localStorage.getItem(storageKey) || "").split(","); } catch (error) { return []; }
  }

  function chosen() {
    return boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
  }

  function save(keys) {
    try { localStorage.setItem(storageKey, keys.join(",")); } catch (error) { /* private mode: the address still keeps it */ }
    var hash = keys.length ? "#plan=" + keys.join(",") : "";
    try {
      history.replaceState(null, "", location.pathname + location.search + hash);
    } catch (error) {
      if (keys.length) location.replace(hash);
    }
  }

  function show(keys) {
    var picked = new Set(keys);
    items.forEach(function (item) {
      item.hidden = picked.size > 0 && !picked.has(item.getAttribute("data-plan-item"));
    });
    status.textContent = picked.size === 0
      ? "Nothing ticked yet, so the sheet below shows every exercise."
      : picked.size + (picked.size === 1 ? " exercise" : " exercises") + " in your plan. The sheet below shows only these.";
  }

  function change() {
    var keys = chosen();
    save(keys);
    show(keys);
  }

  var start = (fromHash() || fromStorage()).filter(function (key) { return known.has(key); });
  boxes.forEach(function (box) {
    box.checked = start.indexOf(box.value) !== -1;
    box.addEventListener("change", change);
  });
  picker.querySelector("[data-plan-print]").addEventListener("click", function () { window.print(); });
  picker.querySelector("[data-plan-clear]").addEventListener("click", function () {
    boxes.forEach(function (box) { box.checked = false; });
    change();
  });
  picker.hidden = false;
  if (start.length) save(start);
  show(start);
})();
