// The incident report form: what is typed stays in the page's memory only,
// never in any storage the browser writes to disk (a report may name a
// victim), and leaves the device only when staff copy it or email it. A
// reload or a closed tab loses it: the browser asks first. The fields carry
// autocomplete="off", which also keeps them out of the session the browser
// saves to restore tabs. The form itself works and prints without this script.

import { word as pageWord } from "./checklist.js";

// The wording: the page's HANDBOOK_WORDS (handbook/words.html) over this
// English, so a page without them still speaks. "{name}" is filled in.
const ENGLISH = {
  form_title: "Incident report",
  form_confirm_wipe: "Wipe everything typed on this form?",
  form_wiped: "The form is empty.",
  form_emailed: "Your email app has the report. Send it from there.",
  form_copied: "Copied. Paste it into a message to the lead responders.",
  form_clipboard: "The report stays on this device's clipboard until something else is copied.",
  form_clipboard_cleared: "The form is empty, and so is the clipboard.",
  form_clipboard_kept: "The form is empty, but the report is still on the clipboard: copy something else over it.",
  form_copy_failed: "Could not copy here. Use “{email}” instead.",
};

// The page loads checklist.js already (the theme's base or handbook/assets.html):
// importing it costs no request, and its `word` reads the page's words.
function word(name, values = {}) {
  return pageWord(name, values, ENGLISH);
}

function values(form) {
  const found = {};
  for (const field of form.elements) {
    if (!field.name || field.type === "button" || field.type === "reset") continue;
    if (field.type === "radio") {
      // Copied as its label says it, in the site's words: its value is a name.
      if (field.checked) found[field.name] = field.closest("label")?.textContent.trim() || field.value;
    } else if (field.value.trim()) {
      found[field.name] = field.value;
    }
  }
  return found;
}

function questionOf(form, name) {
  const field = form.elements.namedItem(name);
  const first = field instanceof RadioNodeList ? field[0] : field;
  const holder = first.closest("fieldset.field") || first.closest(".field");
  const label = holder && holder.querySelector(".field__label");
  return label ? label.textContent.trim() : name;
}

function asText(form) {
  const answers = values(form);
  const lines = [form.dataset.title || word("form_title"), ""];
  const seen = new Set();
  for (const field of form.elements) {
    if (!field.name || seen.has(field.name) || field.type === "button" || field.type === "reset") continue;
    seen.add(field.name);
    lines.push(`${questionOf(form, field.name)}:`, answers[field.name] || "", "");
  }
  return lines.join("\n").trim() + "\n";
}

// A text box prints only the lines it shows, so each field's text is copied
// into a print-only block after it, which grows with the text (form.css
// prints it instead of the box once the field holds something).
function mirror(field) {
  let copy = field.nextElementSibling;
  if (!copy || !copy.classList.contains("field__printed")) {
    copy = document.createElement("div");
    copy.className = "field__printed";
    // The field itself is what assistive technology reads.
    copy.setAttribute("aria-hidden", "true");
    field.after(copy);
  }
  copy.textContent = field.value;
  field.closest(".field")?.classList.toggle("field--filled", field.value.trim() !== "");
}

function mirrorAll(form) {
  for (const field of form.querySelectorAll("input.field__input, textarea.field__input")) {
    mirror(field);
  }
}

function setUp(form) {
  const status = form.querySelector(".report-form__status");
  const email = form.querySelector('[data-action="email"]');
  const copy = form.querySelector('[data-action="copy"]');
  // Whether the text has left by neither email nor clipboard, and whether
  // the clipboard may hold it.
  let unsent = false;
  let copied = false;

  const say = (text) => {
    status.textContent = text;
  };
  const refreshEmail = () => {
    const subject = encodeURIComponent(form.dataset.title || word("form_title"));
    const body = encodeURIComponent(asText(form));
    email.href = `mailto:${form.dataset.email}?subject=${subject}&body=${body}`;
  };
  const update = () => {
    mirrorAll(form);
    unsent = Object.keys(values(form)).length > 0;
    refreshEmail();
  };
  const sent = (message) => {
    unsent = false;
    say(message);
  };
  // Written over with nothing where the browser lets the page; else said.
  const wipeClipboard = async () => {
    try {
      await navigator.clipboard.writeText("");
      copied = false;
      say(word("form_clipboard_cleared"));
    } catch {
      say(word("form_clipboard_kept"));
    }
  };

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  // There is nowhere to submit to: Enter in a field must not leave the page.
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", (event) => {
    if (Object.keys(values(form)).length && !window.confirm(word("form_confirm_wipe"))) {
      event.preventDefault();
      return;
    }
    unsent = false;
    // The browser clears the fields after this event; update then.
    setTimeout(() => {
      mirrorAll(form);
      refreshEmail();
      if (copied) wipeClipboard();
      else say(word("form_wiped"));
    });
  });
  email.addEventListener("click", () => sent(word("form_emailed")));
  copy.hidden = false;
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(asText(form));
      copied = true;
      sent(`${word("form_copied")} ${word("form_clipboard")}`);
    } catch {
      say(word("form_copy_failed", { email: email.textContent.trim() }));
    }
  });
  window.addEventListener("beforeunload", (event) => {
    if (!unsent) return;
    // Browsers show their own wording; returnValue is what asks for it.
    event.preventDefault();
    event.returnValue = "";
  });
  // Whatever changed the fields (autofill), print what they hold.
  window.addEventListener("beforeprint", () => mirrorAll(form));
  mirrorAll(form);
  refreshEmail();
}

for (const form of document.querySelectorAll('[data-module="report-form"]')) {
  setUp(form);
}
