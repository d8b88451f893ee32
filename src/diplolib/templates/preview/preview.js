/* diplolib preview: the article toolbar and the World Cities clock. No network needed.
 *
 * Without JavaScript the toolbar's links still work through CSS :target (see style.css);
 * with it, "Font size" and "Line spacing" change the article text and the choice is kept
 * in localStorage, and "Print" opens the browser's print dialog (print stylesheet).
 */
(function () {
  "use strict";
  var root = document.documentElement;
  var FONT_KEY = "diplolib.preview.font-step";
  var SPACING_KEY = "diplolib.preview.spacing";
  var MIN_STEP = -2;
  var MAX_STEP = 4;

  function load(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return null; // storage can be disabled; the controls still work for this page
    }
  }

  function save(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch (error) {
      /* not remembered, but applied */
    }
  }

  var step = parseInt(load(FONT_KEY) || "0", 10);
  if (!(step >= MIN_STEP && step <= MAX_STEP)) {
    step = 0;
  }
  var wide = load(SPACING_KEY) === "wide";

  function apply() {
    root.style.setProperty("--text-scale", String(1 + step * 0.125));
    root.setAttribute("data-font-step", String(step));
    root.classList.toggle("spacing-wide", wide);
  }

  apply();
  root.classList.add("tools-ready");

  document.addEventListener("click", function (event) {
    var target = event.target;
    var link = target && target.closest ? target.closest("[data-tool]") : null;
    if (!link) {
      return;
    }
    event.preventDefault();
    var tool = link.getAttribute("data-tool");
    if (tool === "print") {
      window.print();
      return;
    }
    if (tool === "larger") {
      step = Math.min(MAX_STEP, step + 1);
    } else if (tool === "smaller") {
      step = Math.max(MIN_STEP, step - 1);
    } else if (tool === "spacing") {
      wide = !wide;
    }
    save(FONT_KEY, String(step));
    save(SPACING_KEY, wide ? "wide" : "normal");
    apply();
  });

  function offsetLabel(zone, now) {
    var parts = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(now);
    for (var i = 0; i < parts.length; i += 1) {
      if (parts[i].type === "timeZoneName") {
        var value = parts[i].value.replace("GMT", "");
        return "UTC" + (value ? value.replace("-", "\u2212") : "+00:00");
      }
    }
    return null;
  }

  function tick() {
    var now = new Date();
    var cities = document.querySelectorAll("[data-zone]");
    for (var i = 0; i < cities.length; i += 1) {
      var city = cities[i];
      var zone = city.getAttribute("data-zone");
      var time = city.querySelector("time");
      var offset = city.querySelector(".offset");
      try {
        time.textContent = new Intl.DateTimeFormat("en-GB", {
          timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23"
        }).format(now);
        time.setAttribute("datetime", now.toISOString());
        var label = offsetLabel(zone, now);
        if (label && offset) {
          offset.textContent = label;
        }
      } catch (error) {
        /* an engine without this zone keeps the time of the build */
      }
    }
  }

  function start() {
    if (document.querySelector("[data-zone]")) {
      tick();
      window.setInterval(tick, 30000);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
