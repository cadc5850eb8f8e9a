// Checklists: ticks kept per page in localStorage, with the time of each tick,
// progress, the next step, reset, starting over and a copyable timeline; and
// the service worker's registration, where the site turns offline use on.
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
};

function pageWords() {
  try {
    const words = JSON.parse(document.getElementById("handbook-words")?.textContent || "{}");
    return words && typeof words === "object" ? words : {};
  } catch {
    return {};
  }
}

const WORDS = pageWords();

// Also used by report-form.js, with its own English.
export function word(name, values = {}, english = ENGLISH) {
  const text = typeof WORDS[name] === "string" && WORDS[name] ? WORDS[name] : english[name];
  const fill = (all, key) => (Object.hasOwn(values, key) ? String(values[key]) : all);
  return text.replace(/\{(\w+)\}/g, fill);
}

const lists = [...document.querySelectorAll('[data-module="checklist"]')];
const key = `handbook-checklists:${document.body.dataset.page || location.pathname}`;
let state = { started: null, ticks: {} };

// One class per part of an item (GOV.UK's BEM): .checklist__item >
// .checklist__label > .checklist__box + .checklist__text.
const BOX = '[data-module="checklist"] .checklist__box';

function boxes(scope = document) {
  return [...scope.querySelectorAll(BOX)];
}

// The item's id names its tick in storage.
const idOf = (box) => box.closest(".checklist__item").id;

function isTime(value) {
  return typeof value === "string" && !Number.isNaN(Date.parse(value));
}

// Only ids, ticks and ISO times are kept, never text; ids no longer in the
// content are dropped. Anything malformed counts as nothing saved.
function clean(data) {
  const known = new Set(boxes().map(idOf));
  const ticks = {};
  for (const [id, time] of Object.entries(data?.ticks || {})) {
    if (known.has(id) && isTime(time)) ticks[id] = time;
  }
  return { started: isTime(data?.started) ? data.started : null, ticks };
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

let warned = false;

function save() {
  try {
    window.localStorage.setItem(key, JSON.stringify(state));
  } catch {
    // Ticks stay on screen until the page is left; say so, once.
    if (!warned) say(word("not_saving"));
    warned = true;
  }
}

const two = (n) => String(n).padStart(2, "0");

function clock(iso) {
  const date = new Date(iso);
  return `${two(date.getHours())}:${two(date.getMinutes())}`;
}

function day(iso) {
  const date = new Date(iso);
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
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
  panel.append(started, actions, message, fallback);
  (lists[0].closest(".prose") || lists[0]).before(panel);
}

// Live regions speak whenever their text is replaced: touch them only on change.
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
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
  for (const box of boxes()) {
    const time = state.ticks[idOf(box)];
    box.checked = Boolean(time);
    const stamp = box.closest(".checklist__label").querySelector(".checklist__time");
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
    ? `${day(state.started)} ${clock(state.started)}`
    : word("timeline_not_recorded");
  const lines = [word("timeline_start", { start })];
  for (const box of boxes()) {
    const time = state.ticks[idOf(box)];
    const text = box.closest(".checklist__item").querySelector(".checklist__text").textContent;
    if (time) lines.push(`${clock(time)} ${text.replace(/\s+/g, " ").trim()}`);
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
    for (const box of boxes(list)) delete state.ticks[idOf(box)];
  } else if (action === "start") {
    if (!window.confirm(word("confirm_start"))) return;
    state = { started: new Date().toISOString(), ticks: {} };
  }
  save();
  render();
}

function onEvent(event) {
  const target = event.target;
  if (event.type === "change" && target.matches?.(BOX)) {
    if (target.checked) state.ticks[idOf(target)] = new Date().toISOString();
    else delete state.ticks[idOf(target)];
    save();
    render();
  } else if (event.type === "click") {
    const control = target.closest?.("[data-checklist-action]");
    if (control) act(control.dataset.checklistAction, control.closest('[data-module="checklist"]'));
  }
}

function sync() {
  const text = stored();
  state = parse(text);
  // Write back only a cleaned copy (dropped ids, corrupt JSON), never on a first visit.
  if (text !== null && text !== JSON.stringify(state)) save();
  render();
}

if (lists.length) {
  lists.forEach(enhanceList);
  enhancePage();
  document.addEventListener("change", onEvent);
  document.addEventListener("click", onEvent);
  // Back/forward cache and other tabs: show what storage holds now.
  window.addEventListener("pageshow", (event) => event.persisted && sync());
  window.addEventListener("storage", (event) => event.key === key && sync());
  sync();
}

// --- offline: service worker registration ---
// Only where the site turns HANDBOOK["offline"] on: handbook/offline.html
// then names the service worker (sw.js, at the site's root) in a JSON block.
// Registered after load, so the precache never competes with the page.
function serviceWorker() {
  try {
    const block = document.getElementById("handbook-service-worker");
    const url = JSON.parse(block?.textContent || "null");
    return typeof url === "string" ? url : null;
  } catch {
    return null;
  }
}

const worker = serviceWorker();
if (worker && "serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    // Opened from disk or in a browser that refuses: the site works online.
    navigator.serviceWorker.register(new URL(worker, document.baseURI)).catch(() => {});
  });
}
