// The incident report form: keeps what is typed in this tab only
// (sessionStorage), and lets it leave the device only when staff copy it or
// email it. The form itself works and prints without this script.

const KEY = "handbook-report-form";

function load() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY)) || {};
  } catch {
    // Storage disabled or corrupt: the form still works, it just forgets.
    return {};
  }
}

function save(state) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    // Full or disabled: keep working without saving.
  }
}

function forget() {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was saved.
  }
}

function values(form) {
  const found = {};
  for (const field of form.elements) {
    if (!field.name || field.type === "button" || field.type === "reset") continue;
    if (field.type === "radio") {
      if (field.checked) found[field.name] = field.value;
    } else if (field.value.trim()) {
      found[field.name] = field.value;
    }
  }
  return found;
}

function restore(form, saved) {
  for (const [name, value] of Object.entries(saved)) {
    const field = form.elements.namedItem(name);
    if (field instanceof RadioNodeList) field.value = value;
    else if (field) field.value = value;
  }
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
  const lines = [form.dataset.title || "Incident report", ""];
  const seen = new Set();
  for (const field of form.elements) {
    if (!field.name || seen.has(field.name) || field.type === "button" || field.type === "reset") continue;
    seen.add(field.name);
    lines.push(`${questionOf(form, field.name)}:`, answers[field.name] || "", "");
  }
  return lines.join("\n").trim() + "\n";
}

function setUp(form) {
  const status = form.querySelector(".report-form__status");
  const email = form.querySelector('[data-action="email"]');
  const copy = form.querySelector('[data-action="copy"]');
  let state = load();
  restore(form, state.values || {});

  const say = (text) => {
    status.textContent = text;
  };
  const refreshEmail = () => {
    const subject = encodeURIComponent(form.dataset.title || "Incident report");
    const body = encodeURIComponent(asText(form));
    email.href = `mailto:${form.dataset.email}?subject=${subject}&body=${body}`;
  };
  const update = () => {
    const filled = values(form);
    state = { values: filled, unsent: Object.keys(filled).length > 0 };
    save(state);
    refreshEmail();
  };
  const sent = (message) => {
    state.unsent = false;
    save(state);
    say(message);
  };

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  // There is nowhere to submit to: Enter in a field must not leave the page.
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", (event) => {
    if (Object.keys(values(form)).length && !window.confirm("Wipe everything typed on this form?")) {
      event.preventDefault();
      return;
    }
    forget();
    state = {};
    // The browser clears the fields after this event; update then.
    setTimeout(() => {
      refreshEmail();
      say("The form is empty.");
    });
  });
  email.addEventListener("click", () => sent("Your email app has the report. Send it from there."));
  copy.hidden = false;
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(asText(form));
      sent("Copied. Paste it into a message to the lead responders.");
    } catch {
      say("Could not copy here. Use “Email the lead responders” instead.");
    }
  });
  window.addEventListener("beforeunload", (event) => {
    if (!state.unsent) return;
    // Browsers show their own wording; returnValue is what asks for it.
    event.preventDefault();
    event.returnValue = "";
  });
  refreshEmail();
}

for (const form of document.querySelectorAll('[data-module="report-form"]')) {
  setUp(form);
}
