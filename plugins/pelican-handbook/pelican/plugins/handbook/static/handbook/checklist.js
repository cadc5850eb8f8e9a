// Checklists: ticks kept per page in localStorage, with the time of each tick,
// progress, the next step, reset, starting over and a copyable timeline; and
// the service worker's registration, where the site turns offline use on,
// with the line that says a page is a saved copy.
// The HTML works alone (real checkboxes in labels); this only enhances it,
// following GOV.UK Frontend: opt in with data-module, one delegated listener.

// The wording: the page's HANDBOOK_WORDS (handbook/words.html) over this
// English, so a page without them still speaks. "{name}" is filled in.
const ENGLISH = {
  reset: "Reset",
  reset_which: "“{title}”",
  untitled_checklist: "this checklist",
  confirm_reset: "Clear the ticks of “{title}”?",
  progress: "{done} of {total} done",
  incident_panel: "Checklist run",
  start_incident: "Start over",
  copy_timeline: "Copy timeline",
  no_incident: "No start time on this device.",
  incident_started: "Started {day} at {time}.",
  confirm_start: "Start over? This clears every tick on this page.",
  timeline_start: "Started: {start}",
  timeline_not_recorded: "not recorded",
  timeline_label: "Timeline (select it and copy it)",
  timeline_copied: "Timeline copied.",
  timeline_copy_by_hand: "Select the timeline below and copy it.",
  not_saving: "This browser is not saving ticks: keep this page open.",
  timeline_zone: "Times in {zone}",
  saved_offline: "Saved copy of {date}: you are offline.",
  saved_slow: "Saved copy of {date}: the network is too slow.",
  saved_unreachable: "Saved copy of {date}: the site cannot be reached.",
};

// A JSON block of the page (data, never run), or null.
function block(id) {
  try {
    return JSON.parse(document.getElementById(id)?.textContent || "null");
  } catch {
    return null;
  }
}

const WORDS = Object(block("handbook-words"));
// The site's time zone (handbook/words.html) and, with offline use on, which
// build this page is of and its date (handbook/offline.html; a theme's older
// copy of it gives the service worker's address alone).
const SITE = Object(block("handbook-site"));
const OFFLINE = block("handbook-service-worker");
const BUILD = typeof OFFLINE === "string" ? { url: OFFLINE } : Object(OFFLINE);

// A count word may be its forms by CLDR plural category ({one, few, many,
// other}): the number in its counting placeholder picks one, by the rules of
// the page's language. The counting placeholders are plurals.py's COUNT_WORDS.
const COUNTED_BY = { progress: "done" };
let plurals = null;

function pluralForm(forms, count) {
  if (!plurals) {
    try {
      plurals = new Intl.PluralRules(document.documentElement.lang || undefined);
    } catch {
      // A language tag the browser does not know: its own language's rules.
      plurals = new Intl.PluralRules();
    }
  }
  const form = forms[plurals.select(Number(count))];
  return typeof form === "string" && form ? form : forms.other;
}

// Also used by report-form.js, with its own English.
export function word(name, values = {}, english = ENGLISH) {
  let text = WORDS[name];
  if (text && typeof text === "object") text = pluralForm(text, values[COUNTED_BY[name]]);
  text = typeof text === "string" && text ? text : english[name];
  const fill = (all, key) => (Object.hasOwn(values, key) ? String(values[key]) : all);
  return text.replace(/\{(\w+)\}/g, fill);
}


const lists = [...document.querySelectorAll('[data-module="checklist"]')];
const key = `handbook-checklists:${document.body.dataset.page || location.pathname}`;

// One class per part of an item (GOV.UK's BEM): .checklist__item >
// .checklist__label > .checklist__box + .checklist__text.
const BOX = '[data-module="checklist"] .checklist__box';

function boxes(scope = document) {
  return [...scope.querySelectorAll(BOX)];
}

function isTime(value) {
  return typeof value === "string" && !Number.isNaN(Date.parse(value));
}

const ms = Date.parse;
const iso = (time) => new Date(time).toISOString();
// The later of two times, either of which may be missing.
const later = (a, b) => (!a || (b && ms(b) > ms(a)) ? b : a);
// When this page was built, if the build says (handbook/offline.html).
const BUILT = isTime(BUILD.built) ? BUILD.built : null;

// Each step's place, which its tick is saved under: its checklist's id and
// its own id without the "_1" that tells items of the same words apart, then
// its rank among such twins in its checklist, if it has any there. Twins'
// ids depend on their order in the page, places do not: a twin added or
// removed elsewhere moves no tick.
function placeSteps() {
  const found = boxes().map((box) => {
    const item = box.closest(".checklist__item");
    const list = item.closest("[data-checklist]")?.dataset.checklist || "";
    return { box, item, list, base: item.id.replace(/_\d+$/, "") };
  });
  const count = {};
  const rank = {};
  for (const step of found) count[step.base] = (count[step.base] || 0) + 1;
  for (const step of found) {
    const place = `${step.list} ${step.base}`;
    rank[place] = (rank[place] ?? -1) + 1;
    step.key = rank[place] ? `${place} ${rank[place]}` : place;
    step.twin = count[step.base] > 1;
  }
  return found;
}

const steps = placeSteps();
const byKey = new Map(steps.map((step) => [step.key, step]));
const stepOfBox = new Map(steps.map((step) => [step.box, step]));

// The step a saved tick is of on this page, or null. A tick made beside a
// twin is only ever its own place's; one made on a step without twins
// follows it into a renamed checklist while its words are still unique.
function stepOf(place, tick) {
  const step = byKey.get(place);
  if (step || tick.twin) return step || null;
  const [, base, rank] = place.split(" ");
  const same = rank ? [] : steps.filter((other) => other.base === base);
  return same.length === 1 ? same[0] : null;
}

// A tick is {at}; an untick {at, off}, so that another tab's older tick does
// not bring it back; `twin` when its step had twins.
function mark(at, step, off = false) {
  return { at, ...(off && { off: true }), ...(step.twin && { twin: true }) };
}

// What storage may hold: places, times and flags, never text. Anything
// malformed counts as nothing saved.
function clean(data) {
  const ticks = {};
  for (const [place, tick] of Object.entries(Object(data?.ticks))) {
    if (typeof tick === "string") {
      // Saved before places, by the item's id.
      const step = steps.find((other) => other.item.id === place);
      if (step && isTime(tick)) ticks[step.key] = mark(tick, step);
    } else if (isTime(tick?.at)) {
      ticks[place] = { at: tick.at, ...(tick.off === true && { off: true }) };
      if (tick.twin === true) ticks[place].twin = true;
    }
  }
  const started = isTime(data?.started) ? data.started : null;
  return { started, built: isTime(data?.built) ? data.built : null, ticks };
}

let state = clean(null);

// Is this page of the newest build that saved ticks (or of no known build)?
function newest(built) {
  return !BUILT || !built || ms(BUILT) >= ms(built);
}

// This state and another version of it as one: the later change of each
// step wins, so tabs that save at the same moment keep each other's ticks.
// What this page cannot place is as storage has it (another build's steps).
// With `prune`, the newest build's page drops what it cannot place (steps
// removed from the content) and keeps one tick per step; never on another
// tab's news, so that tabs of two builds do not undo each other for ever.
function merge(mine, theirs, prune) {
  const started = later(mine.started, theirs.started);
  const ticks = {};
  for (const place of new Set([...Object.keys(theirs.ticks), ...Object.keys(mine.ticks)])) {
    const [a, b] = [mine.ticks[place], theirs.ticks[place]];
    const ours = a && stepOf(place, a) && (!b || ms(a.at) >= ms(b.at));
    const tick = ours ? a : b;
    if (tick && (!started || ms(tick.at) >= ms(started))) ticks[place] = tick;
  }
  const merged = { started, built: later(mine.built, theirs.built), ticks };
  return prune && newest(merged.built) ? tidy(merged) : merged;
}

function tidy(data) {
  const ticks = {};
  for (const [step, tick] of shownTicks(data)) ticks[step.key] = tick;
  return { ...data, ticks };
}

// The tick each step shows: the latest saved for it.
function shownTicks(data = state) {
  const found = new Map();
  for (const [place, tick] of Object.entries(data.ticks)) {
    const step = stepOf(place, tick);
    const known = step && found.get(step);
    if (step && (!known || ms(tick.at) > ms(known.at))) found.set(step, tick);
  }
  return found;
}

function timeOf(tick) {
  return tick && !tick.off ? tick.at : null;
}

// Storage can be disabled, full or corrupt: the page then works unsaved.
function stored() {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function parse(text) {
  try {
    return clean(JSON.parse(text));
  } catch {
    return clean(null);
  }
}

// Saved over what storage holds now (another tab may have saved since),
// unless starting over, which replaces it.
function save(prune = true, replace = false) {
  if (!replace) state = merge(state, parse(stored()), prune);
  state.built = later(state.built, BUILT);
  try {
    window.localStorage.setItem(key, JSON.stringify(state));
    warn(false);
  } catch {
    // Ticks stay on screen until the page is left: say so until one is saved.
    warn(true);
  }
}

// Show what storage holds, with what this page has not saved yet; write it
// back only if that changes it, never on a first visit.
function sync(prune = true) {
  const text = stored();
  state = merge(state, parse(text), prune);
  if (text !== null && text !== JSON.stringify(state)) save(prune);
  render();
}

// A step ticked or unticked now, never at or before its last change, even
// with a clock that stands still: the later change is the one that counts.
function change(step, on) {
  const last = shownTicks().get(step);
  const at = iso(Math.max(Date.now(), last ? ms(last.at) + 1 : 0));
  for (const [place, tick] of Object.entries(state.ticks)) {
    if (stepOf(place, tick) === step) delete state.ticks[place];
  }
  state.ticks[step.key] = mark(at, step, !on);
}

// Times show in the phone's zone; where the site's TIMEZONE
// (handbook/words.html) has another hour, each time says its zone.
const LANG = document.documentElement.lang || undefined;
const formats = new Map();

function format(options) {
  const name = JSON.stringify(options);
  if (!formats.has(name)) formats.set(name, new Intl.DateTimeFormat(LANG, options));
  return formats.get(name);
}

function wallClock(date, timeZone) {
  const parts = { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit" };
  return format({ timeZone, ...parts, minute: "2-digit", hourCycle: "h23" }).format(date);
}

function elsewhere(date) {
  try {
    return Boolean(SITE.timezone) && wallClock(date) !== wallClock(date, SITE.timezone);
  } catch {
    // A zone this browser does not know: nothing to compare with.
    return false;
  }
}

// The phone's zone as people write it at that date: "CST", "GMT+1".
function zoneOf(date) {
  const parts = format({ timeZoneName: "short" }).formatToParts(date);
  return parts.find((part) => part.type === "timeZoneName")?.value || "";
}

function zoneLabel(date) {
  const name = format({}).resolvedOptions().timeZone;
  const short = zoneOf(date);
  return name && name !== short ? `${short} (${name})` : short;
}

// Hours and minutes on a 24-hour clock, in the page's language's digits:
// a report's times, read by someone else, are never am or pm.
function clock(time, zoned = true) {
  const date = new Date(time);
  const shown = format({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date);
  return zoned && elsewhere(date) ? `${shown} ${zoneOf(date)}` : shown;
}

// Each strftime code of the site's date_format (handbook/words.html), as
// the page's language writes that part: "%d/%m/%Y", "%-d %B %Y".
const DATE_PARTS = {
  Y: { year: "numeric" },
  y: { year: "2-digit" },
  m: { month: "2-digit" },
  "-m": { month: "numeric" },
  B: { month: "long" },
  b: { month: "short" },
  d: { day: "2-digit" },
  "-d": { day: "numeric" },
  e: { day: "numeric" },
  A: { weekday: "long" },
  a: { weekday: "short" },
};

function day(time) {
  const date = new Date(time);
  const pattern = typeof SITE.date_format === "string" ? SITE.date_format : "%Y-%m-%d";
  return pattern.replace(/%(-?)([a-zA-Z%])/g, (code, bare, letter) => {
    if (letter === "%") return "%";
    const options = DATE_PARTS[bare + letter] || DATE_PARTS[letter];
    // One part alone: Intl writes a month's name as it stands by itself.
    return options ? format(options).format(date) : code;
  });
}

function make(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text) element.textContent = text;
  return element;
}

function button(action, text, hidden) {
  const element = make("button", `checklist-button checklist-button--${action}`, text);
  element.type = "button";
  element.dataset.checklistAction = action;
  if (hidden) element.append(make("span", "checklist-hidden", ` ${hidden}`));
  return element;
}

function title(list) {
  return list.getAttribute("aria-label") || word("untitled_checklist");
}

function enhanceList(list) {
  const tools = make("div", "checklist__tools");
  const status = make("p", "checklist__status");
  status.setAttribute("aria-live", "polite");
  tools.append(status, button("reset", word("reset"), word("reset_which", { title: title(list) })));
  list.prepend(tools);
  for (const box of boxes(list)) {
    box.closest(".checklist__label").append(make("time", "checklist__time"));
  }
  list.classList.add("js-checklist");
}

function enhancePage() {
  const panel = make("section", "incident");
  panel.setAttribute("aria-label", word("incident_panel"));
  const started = make("p", "incident__start");
  started.setAttribute("aria-live", "polite");
  // Apart from the messages, which the next one replaces: it stays while
  // ticks are not being saved.
  const warning = make("p", "incident__warning");
  warning.setAttribute("aria-live", "polite");
  warning.hidden = true;
  const actions = make("div", "incident__actions");
  actions.append(button("start", word("start_incident")), button("copy", word("copy_timeline")));
  const message = make("p", "incident__message");
  message.setAttribute("aria-live", "polite");
  const fallback = make("div", "incident__fallback");
  fallback.hidden = true;
  // The label wraps the textarea: no id that a content id could clash with.
  const label = make("label", "", word("timeline_label"));
  const area = make("textarea", "incident__timeline");
  Object.assign(area, { readOnly: true, rows: 8 });
  label.append(area);
  fallback.append(label);
  panel.append(started, warning, actions, message, fallback);
  (lists[0].closest(".prose") || lists[0]).before(panel);
}

// Live regions speak whenever their text is replaced: touch them only on change.
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

function warn(failing) {
  const warning = document.querySelector(".incident__warning");
  warning.hidden = !failing;
  setText(warning, failing ? word("not_saving") : "");
}

function showStart() {
  const line = document.querySelector(".incident__start");
  if (line.dataset.shown === String(state.started)) return;
  line.dataset.shown = String(state.started);
  line.replaceChildren();
  if (!state.started) {
    line.textContent = word("no_incident");
    return;
  }
  const time = make("time", "", clock(state.started));
  time.dateTime = state.started;
  // The time is an element: the words around "{time}" go either side of it.
  const [before, ...after] = word("incident_started", { day: day(state.started) }).split("{time}");
  line.append(before, ...(after.length ? [time, after.join("{time}")] : []));
}

function render() {
  const ticks = shownTicks();
  for (const step of steps) {
    const time = timeOf(ticks.get(step));
    step.box.checked = Boolean(time);
    const stamp = step.box.closest(".checklist__label").querySelector(".checklist__time");
    stamp.hidden = !time;
    if (time) stamp.dateTime = time;
    else stamp.removeAttribute("datetime");
    stamp.textContent = time ? clock(time) : "";
  }
  const started = lists.filter((list) => boxes(list).some((box) => box.checked));
  for (const list of lists) {
    const all = boxes(list);
    const done = all.filter((box) => box.checked).length;
    const progress = word("progress", { done, total: all.length });
    setText(list.querySelector(".checklist__status"), progress);
    // One next step per checklist under way (or the page's first), not one per list.
    const next = started.includes(list) || (!started.length && list === lists[0]);
    markNext(list, next ? all.find((box) => !box.checked) : null);
  }
  showStart();
}

function markNext(list, box) {
  for (const item of list.querySelectorAll(".checklist__item--next")) {
    item.classList.remove("checklist__item--next");
    item.removeAttribute("aria-current");
  }
  const item = box?.closest(".checklist__item");
  item?.classList.add("checklist__item--next");
  item?.setAttribute("aria-current", "step");
}

function timeline() {
  const start = state.started
    ? `${day(state.started)} ${clock(state.started, false)}`
    : word("timeline_not_recorded");
  const zone = zoneLabel(new Date(state.started || Date.now()));
  const lines = [word("timeline_start", { start }), word("timeline_zone", { zone })];
  const ticks = shownTicks();
  for (const step of steps) {
    const time = timeOf(ticks.get(step));
    const text = step.item.querySelector(".checklist__text").textContent;
    if (time) lines.push(`${clock(time, false)} ${text.replace(/\s+/g, " ").trim()}`);
  }
  return lines.join("\n");
}

function showTimeline(text) {
  const fallback = document.querySelector(".incident__fallback");
  const area = fallback.querySelector("textarea");
  area.value = text;
  fallback.hidden = false;
  area.focus();
  area.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    // Old API, may be refused; the text is on screen to copy by hand.
  }
  say(word(copied ? "timeline_copied" : "timeline_copy_by_hand"));
}

async function copyTimeline() {
  const text = timeline();
  try {
    await navigator.clipboard.writeText(text);
    document.querySelector(".incident__fallback").hidden = true;
    say(word("timeline_copied"));
  } catch {
    showTimeline(text);
  }
}

function say(text) {
  const message = document.querySelector(".incident__message");
  // Said again after a second copy: empty first so it is announced again.
  message.textContent = "";
  requestAnimationFrame(() => setText(message, text));
}

function act(action, list) {
  if (action === "copy") {
    copyTimeline();
    return;
  }
  if (action === "reset") {
    if (!window.confirm(word("confirm_reset", { title: title(list) }))) return;
    const ticks = shownTicks();
    for (const box of boxes(list)) {
      const step = stepOfBox.get(box);
      if (ticks.has(step)) change(step, false);
    }
    save();
  } else if (action === "start") {
    if (!window.confirm(word("confirm_start"))) return;
    // Every tick before this start is void, in every tab.
    state = { started: iso(Date.now()), built: state.built, ticks: {} };
    save(true, true);
  }
  render();
}

function onEvent(event) {
  const target = event.target;
  if (event.type === "change" && stepOfBox.has(target)) {
    change(stepOfBox.get(target), target.checked);
    save();
    render();
  } else if (event.type === "click") {
    const control = target.closest?.("[data-checklist-action]");
    if (control) act(control.dataset.checklistAction, control.closest('[data-module="checklist"]'));
  }
}

if (lists.length) {
  lists.forEach(enhanceList);
  enhancePage();
  document.addEventListener("change", onEvent);
  document.addEventListener("click", onEvent);
  // The page always shows what storage holds: after the back/forward cache
  // or a reload that restored the boxes as they were left (pageshow), after
  // a time in the background (focus), and as other tabs save (storage).
  window.addEventListener("pageshow", () => sync());
  window.addEventListener("focus", () => sync());
  document.addEventListener("visibilitychange", () => document.hidden || sync());
  window.addEventListener("storage", (event) => [key, null].includes(event.key) && sync(false));
  sync();
}

// --- offline: the service worker, and the line that says a page is a saved copy ---
// Only where the site turns HANDBOOK["offline"] on: handbook/offline.html
// then names the service worker (sw.js, at the site's root) in a JSON block.
// Registered after load, so the precache never competes with the page.
function savedLine(why, date) {
  if (why === "offline") return word("saved_offline", { date });
  if (why === "slow") return word("saved_slow", { date });
  return why === "unreachable" ? word("saved_unreachable", { date }) : null;
}

function showSaved(why) {
  const text = savedLine(why, BUILD.date || "");
  if (!text || document.querySelector(".handbook-saved")) return;
  const line = make("p", "handbook-saved", text);
  line.setAttribute("role", "status");
  (document.querySelector("main") || document.body).prepend(line);
}

if (typeof BUILD.url === "string" && "serviceWorker" in navigator) {
  const workers = navigator.serviceWorker;
  // Only a page the worker served can be a saved copy: it answers whether it is.
  workers.addEventListener("message", (event) => showSaved(event.data?.handbookSaved));
  workers.startMessages();
  workers.controller?.postMessage("handbook-shown");
  window.addEventListener("load", () => {
    // Opened from disk or in a browser that refuses: the site works online.
    workers.register(new URL(BUILD.url, document.baseURI)).catch(() => {});
  });
}
