// The explorers' one view: native labelled controls, the figure and a live readout.
//
// In JupyterLab and Binder, anywidget calls render() with the model of an ExplorerView
// (widgets/explorers/view.py): a control sends its new value to the kernel, which answers
// with the figure (PNG), its alt text and the readout. On the book's static website,
// mountStatic() renders the same view over a StaticModel that answers from frames the same
// Python explorer drew when the book was built (widgets/explorers/site.py). No physics and
// no plotting happen here.

const FINE_PER_DECADE = 20; // log sliders: an arrow key moves a twentieth of a decade ...
const COARSE_DECADES = 1; // ... and a Page key a whole decade
const COARSE_FRACTION = 0.1; // linear sliders: a Page key moves a tenth of the range
// (precomputed values on the static site: an arrow moves to the next, a Page key a quarter on)
const MAX_IN_FLIGHT = 2; // values sent to the kernel and not yet answered
const STALL_MS = 5000; // an answer this late is given up (kernel restarted or busy)
const KEPT_BITMAPS = 24; // static site: decoded frames kept (0.9 MB each at 640 x 360)
const MINUS = "\u2212";
const STYLE_ID = "rp-explorer-style";

export function render({ model, el }) {
  const view = new View(model, el);
  return () => view.dispose();
}

export default { render };

// Replace the snapshot inside `root` (an explorer's static HTML) by the live view.
export function mountStatic(root) {
  if (!root || root.dataset.rpMounted) return;
  root.dataset.rpMounted = "1";
  const data = JSON.parse(root.querySelector("script.rp-explorer-data").textContent);
  const snapshot = root.querySelector(".explorer-snapshot");
  const model = new StaticModel(data);
  const frames = new FrameSource();
  const image = snapshot && snapshot.querySelector("img");
  if (image) frames.seed(model.get("image"), image); // the first frame is on the page already
  const host = document.createElement("div");
  if (snapshot) snapshot.replaceWith(host);
  else root.append(host);
  new View(model, host, frames);
}

// --- the model of the static site ----------------------------------------------------------

// Answers the view's messages from precomputed frames, like the kernel would.
// `data` (from site.py): controls (specs of the live controls and reset), rows, grid (each
// live control's values; the second control's may depend on the first's index), landing,
// start, frames keyed "i" or "i,j", and the texts shown around them.
class StaticModel {
  constructor(data) {
    this.data = data;
    this.handlers = [];
    this.names = data.live;
    this.position = data.start.slice();
    this.state = { ack: {} };
    this.show();
  }

  get(name) {
    return name in this.state ? this.state[name] : this.data[name];
  }

  on(event, handler) {
    if (event === "change") this.handlers.push(handler);
  }

  off(event, handler) {
    this.handlers = this.handlers.filter((h) => h !== handler);
  }

  send(message) {
    const { name, value } = message;
    const axis = this.names.indexOf(name);
    if (name === this.data.reset) {
      this.position = this.data.start.slice();
    } else if (axis === 0) {
      this.position[0] = value;
      if (this.names.length === 2) {
        const landing = this.data.landing[value];
        const values = this.valuesOf(1);
        this.position[1] = landing ?? nearestIndex(values, this.current(1), this.isLog(1));
      }
    } else if (axis === 1) {
      this.position[1] = value;
    }
    this.show();
    this.state.ack = { seq: message.seq };
    // Answer as a kernel does, after the sender has returned.
    queueMicrotask(() => this.handlers.forEach((handler) => handler()));
  }

  valuesOf(axis) {
    const values = this.data.grid[axis];
    return this.names.length === 2 && axis === 1 ? values[this.position[0]] : values;
  }

  isLog(axis) {
    return this.data.controls.find((c) => c.name === this.names[axis]).log;
  }

  current(axis) {
    return this.frame().values[this.names[axis]];
  }

  frame() {
    return this.data.frames[this.position.join(",")];
  }

  // The frames one or two steps away along each control: decoded ahead of a key press.
  neighbours() {
    const urls = [];
    this.names.forEach((_, axis) => {
      for (const step of [-2, -1, 1, 2]) {
        const position = this.position.slice();
        position[axis] += step;
        const frame = this.data.frames[position.join(",")];
        if (frame) urls.push(frame.src);
      }
    });
    return urls;
  }

  show() {
    const frame = this.frame();
    const controls = this.data.controls.map((spec) => {
      const axis = this.names.indexOf(spec.name);
      if (axis < 0) return spec;
      const label = frame.labels[spec.name] || spec.label;
      if (spec.kind === "choice") {
        // The choice the frame shows (a preset its values match), else the one chosen.
        const shown = spec.options.findIndex((o) => o.value === frame.values[spec.name]);
        return { ...spec, label, index: shown >= 0 ? shown : this.position[axis] };
      }
      const values = this.valuesOf(axis);
      return { ...spec, label, values, max: values.length - 1, value: this.position[axis] };
    });
    Object.assign(this.state, {
      controls,
      image: frame.src,
      alt: frame.alt,
      status: frame.status,
      invalid: frame.invalid,
      parameters: frame.parameters,
    });
  }
}

function nearestIndex(values, value, log) {
  if (typeof value !== "number") return Math.max(0, values.indexOf(value));
  const distance = (v) => (log ? Math.abs(Math.log(v / value)) : Math.abs(v - value));
  let best = 0;
  values.forEach((v, i) => {
    if (distance(v) < distance(values[best])) best = i;
  });
  return best;
}

// --- the view --------------------------------------------------------------------------------

class View {
  constructor(model, el, frames = new FrameSource()) {
    this.model = model;
    this.inFlight = new Map(); // seq -> {name, sent}: values the kernel has not answered
    this.pending = new Map(); // name -> value: the newest value of a control, not yet sent
    this.timings = []; // per answered value: when it was pressed, sent, answered, painted
    this.paintedGeneration = 0;
    this.generation = 0;
    this.lastKey = 0;
    this.frames = frames;
    injectStyle(el.ownerDocument);
    this.root = h("div", {
      class: "rp-explorer",
      role: "group",
      "aria-label": model.get("title"),
      "data-lm-suppress-shortcuts": "",
    });
    // Keys pressed here belong to the explorer: the notebook must not act on them as well
    // (its own keydown listener would move the focus). data-lm-suppress-shortcuts on every
    // focusable element keeps JupyterLab's shortcuts out; see focusable() below. Keys with
    // Ctrl, Alt or Meta go on (the site's search shortcut, for one).
    this.root.addEventListener("keydown", () => (this.lastKey = now()), true);
    this.root.addEventListener("keydown", (event) => {
      if (!(event.ctrlKey || event.altKey || event.metaKey)) event.stopPropagation();
    });
    this.root.rpView = this; // for the browser tests and benchmarks
    el.append(this.root);
    this.build();
    this.onChange = () => this.refresh();
    model.on("change", this.onChange);
    this.refresh();
  }

  // True once every value sent has been answered and its figure painted (tests, benchmarks).
  get settled() {
    const painted = this.paintedGeneration === this.generation;
    return this.inFlight.size === 0 && this.pending.size === 0 && painted;
  }

  dispose() {
    this.model.off("change", this.onChange);
    this.root.remove();
  }

  build() {
    const model = this.model;
    const title = h("p", { class: "rp-title" }, model.get("title"));
    const note = h("p", { class: "rp-note" }, model.get("note") || "");
    note.hidden = !model.get("note");
    this.controls = new Map();
    const rows = model.get("rows").map((row) => {
      const line = h("div", { class: "rp-row" });
      for (const name of row) {
        const spec = model.get("controls").find((c) => c.name === name);
        if (!spec) continue;
        const control = makeControl(spec, (value) => this.send(name, value));
        this.controls.set(name, control);
        line.append(control.el);
      }
      return line;
    });
    this.status = h("p", { class: "rp-status", role: "status", "aria-live": "polite" });
    this.canvas = h("canvas", { class: "rp-figure", role: "img", width: 640, height: 360 });
    this.description = h("p");
    const details = focusable(
      h("summary", {}, "Describe the figure in words"),
    );
    this.details = h("details", {}, details, this.description);
    this.parameters = h("ul", { class: "rp-parameters" });
    const listed = h("div", { class: "rp-listed" }, h("p", {}, "Values shown:"), this.parameters);
    listed.hidden = !model.get("parameters");
    this.root.append(title, note, ...rows, this.status, this.canvas, this.details, listed);
  }

  // The newest value of control `name`: sent at once if fewer than MAX_IN_FLIGHT values wait
  // for an answer, otherwise kept until one comes back (and replaced by any newer value).
  send(name, value) {
    this.pending.delete(name);
    this.pending.set(name, value);
    this.flush();
  }

  flush() {
    const stalled = now() - STALL_MS;
    for (const [seq, sent] of this.inFlight) if (sent.sent < stalled) this.inFlight.delete(seq);
    while (this.pending.size && this.inFlight.size < MAX_IN_FLIGHT) {
      const [name, value] = this.pending.entries().next().value;
      this.pending.delete(name);
      const seq = nextSeq();
      this.inFlight.set(seq, { name, key: this.lastKey, sent: now() });
      this.model.send({ seq, name, value });
    }
  }

  refresh() {
    const model = this.model;
    const ack = model.get("ack") || {};
    const answered = this.settle(ack);
    const settled = this.inFlight.size === 0 && this.pending.size === 0;
    for (const spec of model.get("controls")) {
      this.controls.get(spec.name)?.update(spec, settled);
    }
    const image = model.get("image");
    if (image !== this.image) {
      this.image = image;
      this.paint(image, answered);
    }
    const alt = model.get("alt");
    this.canvas.setAttribute("aria-label", alt);
    this.description.textContent = alt;
    this.status.textContent = model.get("status");
    this.status.classList.toggle("rp-invalid", Boolean(model.get("invalid")));
    const parameters = model.get("parameters");
    if (parameters) {
      this.parameters.replaceChildren(
        ...parameters.map(([name, value]) => h("li", {}, `${name}: ${value}`)),
      );
    }
    this.flush();
  }

  // Forget the values the kernel has answered (an answer covers every older value).
  settle(ack) {
    if (ack.seq === undefined) return null;
    let answered = null;
    for (const [seq, sent] of this.inFlight) {
      if (seq <= ack.seq) {
        this.inFlight.delete(seq);
        if (seq === ack.seq) answered = { ...sent, ack, answered: now() };
      }
    }
    return answered;
  }

  async paint(image, answered) {
    const generation = ++this.generation;
    const bitmap = await this.frames.bitmap(image);
    if (generation < this.paintedGeneration) return; // a newer figure is on screen already
    this.paintedGeneration = generation;
    const canvas = this.canvas;
    if (canvas.width !== bitmap.width || canvas.height !== bitmap.height) {
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
    }
    canvas.getContext("2d").drawImage(bitmap, 0, 0);
    if (typeof image !== "string") bitmap.close();
    this.frames.prefetch(this.model);
    if (answered) {
      answered.decoded = now();
      requestAnimationFrame(() => {
        answered.painted = now();
        this.timings.push(answered);
        if (this.timings.length > 500) this.timings.shift();
      });
    }
  }
}

// --- images ------------------------------------------------------------------------------

// Decodes figures: PNG bytes from the kernel, or frame URLs on the static site (kept decoded,
// the neighbours of the frame on show fetched ahead, so a key press paints at once).
class FrameSource {
  constructor() {
    this.kept = new Map(); // url -> Promise<ImageBitmap>, least recently used first
  }

  seed(url, image) {
    this.kept.set(url, image.decode().then(() => createImageBitmap(image)));
  }

  bitmap(image) {
    if (typeof image !== "string") {
      return createImageBitmap(new Blob([image], { type: "image/png" }));
    }
    let bitmap = this.kept.get(image);
    this.kept.delete(image);
    if (!bitmap) {
      const img = new Image();
      img.src = image;
      bitmap = img.decode().then(() => createImageBitmap(img));
    }
    this.kept.set(image, bitmap);
    while (this.kept.size > KEPT_BITMAPS) {
      const [oldest, dropped] = this.kept.entries().next().value;
      this.kept.delete(oldest);
      dropped.then((b) => b.close(), () => null);
    }
    return bitmap;
  }

  prefetch(model) {
    if (!model.neighbours) return;
    for (const url of model.neighbours()) {
      if (!this.kept.has(url)) this.bitmap(url).catch(() => null);
    }
  }
}

// --- controls ------------------------------------------------------------------------------

let uid = 0;

function makeControl(spec, send) {
  const make = { slider: sliderControl, choice: choiceControl, number: numberControl };
  return (make[spec.kind] || buttonControl)(spec, send);
}

// A range input (on the static site over the precomputed values) with a number box (in
// JupyterLab) or the value as text (static site). Keys: arrows fine, Page coarse, Home/End.
function sliderControl(spec, send) {
  const id = `rp-control-${++uid}`;
  const label = h("label", { for: id });
  const range = focusable(h("input", { type: "range", id }));
  const box = focusable(h("input", { type: "number", step: "any" }));
  const output = h("output", { for: id, "aria-hidden": "true", class: "rp-output" });
  const el = h("div", { class: "rp-control rp-slider" }, label, range);
  el.append(spec.scale === "grid" ? output : box);
  let current = spec;
  let value = spec.value;

  const show = (v) => {
    value = v;
    const position = positionOf(current, v);
    if (Number(range.value) !== position) range.value = position;
    const text = current.labels
      ? current.labels[position]
      : formatValue(valueAt(current, position, v), current);
    range.setAttribute("aria-valuetext", current.unit ? `${text} ${current.unit}` : text);
    range.dataset.value = JSON.stringify(valueAt(current, position, v));
    output.textContent = range.getAttribute("aria-valuetext");
    if (document.activeElement !== box) box.value = boxText(v, current);
  };
  const choose = (v) => {
    if (v === value) return;
    show(v);
    send(v);
  };

  // A slider whose every value costs a simulation (continuous: false) sends on release.
  range.addEventListener("input", () => {
    const v = fromPosition(current, Number(range.value));
    if (current.continuous === false) show(v);
    else choose(v);
  });
  range.addEventListener("change", () => {
    if (current.continuous === false) send(value); // input events showed it already
  });
  range.addEventListener("keydown", (event) => {
    const target = stepped(current, value, event.key);
    if (target === null) return;
    event.preventDefault(); // the view, not the browser, steps the value
    choose(target);
  });
  const restore = () => (box.value = boxText(value, current));
  whenTyped(box, () => [lowest(current), highest(current), current.integer], (typed) => {
    choose(typed);
    restore();
  }, restore);

  const update = (next, settled) => {
    current = next;
    label.textContent = next.label;
    range.setAttribute("aria-label", next.label);
    box.setAttribute("aria-label", `${next.label}, typed value`);
    range.dataset.scale = next.scale;
    if (next.scale === "grid") {
      Object.assign(range, { min: 0, max: next.values.length - 1, step: 1 });
    } else {
      Object.assign(range, { min: next.min, max: next.max, step: "any" });
      Object.assign(box, { min: lowest(next), max: highest(next) });
    }
    range.title = box.title = next.tooltip || "";
    range.disabled = box.disabled = Boolean(next.disabled);
    if (settled || value === undefined) show(next.value);
    else show(value);
  };
  update(spec, true);
  return { el, update };
}

// Slider positions: the value (linear), its logarithm (log) or its index (grid).
function positionOf(spec, value) {
  if (spec.scale === "log") return Math.log(value) / Math.log(spec.base);
  return value; // grid: the value is the index
}

function fromPosition(spec, position) {
  if (spec.scale === "log") return spec.base ** position;
  if (spec.scale === "grid") return Math.round(position);
  if (!spec.step) return Number(position.toFixed(spec.decimals)); // a continuous slider
  const steps = Math.round((position - spec.min) / spec.step);
  return Math.min(spec.max, roundTo(spec.min + steps * spec.step, spec.step));
}

// A linear slider's arrow-key step: its own, or a hundredth of its range if it has none.
function fineStep(spec) {
  return spec.step || (spec.max - spec.min) / 100;
}

function valueAt(spec, position, value) {
  return spec.scale === "grid" ? spec.values[position] : value;
}

function lowest(spec) {
  return spec.scale === "log" ? spec.base ** spec.min : spec.min;
}

function highest(spec) {
  return spec.scale === "log" ? spec.base ** spec.max : spec.max;
}

// The value a key moves to, or null for keys the slider leaves alone.
function stepped(spec, value, key) {
  const directions = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 };
  const pages = { PageUp: 1, PageDown: -1 };
  const position = positionOf(spec, value);
  const [low, high] = spec.scale === "grid" ? [0, spec.values.length - 1] : [spec.min, spec.max];
  let target;
  if (key === "Home") target = low;
  else if (key === "End") target = high;
  else if (key in directions || key in pages) {
    let size;
    if (spec.scale === "log") size = key in pages ? COARSE_DECADES : 1 / FINE_PER_DECADE;
    else if (spec.scale === "grid") size = key in pages ? Math.max(2, Math.round(high / 4)) : 1;
    else size = key in pages ? Math.max(fineStep(spec), (high - low) * COARSE_FRACTION) : fineStep(spec);
    size /= spec.scale === "log" ? Math.log10(spec.base) : 1;
    target = position + (directions[key] || pages[key]) * size;
  } else return null;
  target = Math.min(Math.max(target, low), high);
  if (spec.scale === "log") return spec.base ** target;
  if (spec.scale === "grid") return Math.round(target);
  return spec.step ? roundTo(target, spec.step) : Number(target.toFixed(spec.decimals));
}

// A dropdown (<select>) or, for radio and toggle buttons, a group of radio buttons.
function choiceControl(spec, send) {
  const id = `rp-control-${++uid}`;
  const el = h("div", { class: "rp-control rp-choice" });
  let update;
  if (spec.style === "radio") {
    const legend = h("legend");
    const group = h("fieldset", { class: "rp-radios" }, legend);
    const inputs = spec.options.map((option, index) => {
      const input = focusable(h("input", { type: "radio", name: id, value: index }));
      input.addEventListener("change", () => input.checked && send(index));
      group.append(h("label", {}, input, ` ${option.label}`));
      return input;
    });
    el.append(group);
    update = (next, settled) => {
      legend.textContent = next.label;
      inputs.forEach((input, index) => {
        input.disabled = Boolean(next.disabled);
        if (settled) input.checked = index === next.index;
        input.dataset.value = JSON.stringify(next.options[index].value);
      });
    };
  } else {
    const label = h("label", { for: id });
    const select = focusable(h("select", { id }));
    let current = spec;
    el.append(label, select);
    select.addEventListener("change", () => {
      select.dataset.value = JSON.stringify(current.options[select.selectedIndex].value);
      send(select.selectedIndex);
    });
    update = (next, settled) => {
      current = next;
      label.textContent = next.label;
      select.title = next.tooltip || "";
      select.disabled = Boolean(next.disabled);
      const labels = next.options.map((o) => o.label);
      if (labels.join("\n") !== [...select.options].map((o) => o.text).join("\n")) {
        select.replaceChildren(...labels.map((text, i) => h("option", { value: i }, text)));
      }
      if (settled) {
        select.selectedIndex = next.index ?? -1; // -1: no option matches (values of your own)
        select.dataset.value = JSON.stringify(next.index === null ? null : next.options[next.index].value);
      }
    };
  }
  update(spec, true);
  return { el, update };
}

// A number box of its own (a bounded or free integer or float).
function numberControl(spec, send) {
  const id = `rp-control-${++uid}`;
  const label = h("label", { for: id });
  const box = focusable(h("input", { type: "number", id }));
  let value = spec.value;
  let current = spec;
  const bounds = () => [current.min ?? -Infinity, current.max ?? Infinity, current.integer];
  const restore = () => (box.value = boxText(value, current));
  whenTyped(box, bounds, (typed) => {
    box.value = boxText(typed, current);
    if (typed === value) return; // Enter, then the change event: one value, sent once
    value = typed;
    box.dataset.value = JSON.stringify(value);
    send(value);
  }, restore);
  const update = (next, settled) => {
    label.textContent = next.label;
    box.title = next.tooltip || "";
    box.disabled = Boolean(next.disabled);
    current = next;
    box.step = next.integer ? "1" : "any";
    box.min = next.min ?? "";
    box.max = next.max ?? "";
    if (settled && document.activeElement !== box) {
      value = next.value;
      box.value = boxText(value, next);
      box.dataset.value = JSON.stringify(value);
    }
  };
  update(spec, true);
  return { el: h("div", { class: "rp-control rp-number" }, label, box), update };
}

// A push button (Reset): its name is its text, without an icon glyph.
function buttonControl(spec, send) {
  const button = focusable(h("button", { type: "button", class: "rp-button" }));
  button.addEventListener("click", () => send(true));
  const update = (next) => {
    button.textContent = next.label;
    button.title = next.tooltip || "";
    button.disabled = Boolean(next.disabled);
  };
  update(spec);
  return { el: h("div", { class: "rp-control" }, button), update };
}

// --- helpers -------------------------------------------------------------------------------

// Apply what was typed into `box` on Enter or when the focus leaves it (never shown but
// ignored): `commit` gets the number clamped to `bounds()` ([low, high, integer]) and rounded
// for an integer; anything that is not a number is undone by `restore`.
function whenTyped(box, bounds, commit, restore) {
  const typed = () => {
    const number = Number(box.value);
    if (box.value.trim() === "" || !Number.isFinite(number)) return restore();
    const [low, high, integer] = bounds();
    return commit(Math.min(Math.max(integer ? Math.round(number) : number, low), high));
  };
  box.addEventListener("change", typed);
  box.addEventListener("keydown", (event) => event.key === "Enter" && typed());
}

function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

// JupyterLab runs no shortcut for a key whose target carries this attribute (Lumino's
// CommandRegistry checks the target and its ancestors, but a ':focus' selector would match the
// focused element itself first, so the attribute must be on the element that has the focus).
function focusable(el) {
  el.setAttribute("data-lm-suppress-shortcuts", "");
  return el;
}

// Three significant digits for log-scaled values ("5", "0.0631", "1000"), else the step's decimals.
function formatValue(value, spec) {
  if (typeof value !== "number") return String(value);
  const text = spec.log ? String(Number(value.toPrecision(3))) : value.toFixed(spec.decimals ?? 0);
  return text.replace("-", MINUS);
}

// A number as a number box shows it (ASCII minus): four significant digits on a log scale,
// else the step's decimals ("37.0").
function boxText(value, spec) {
  if (spec.log || spec.decimals === undefined) return String(Number(value.toPrecision(4)));
  return value.toFixed(spec.decimals);
}

// `value` with as many decimals as `step` has (0.1 -> 1, 0.25 -> 2): no 36.900000000000006.
function roundTo(value, step) {
  const decimals = (String(step).split(".")[1] || "").length;
  return Number(value.toFixed(Math.min(decimals, 12)));
}

function now() {
  return performance.timeOrigin + performance.now();
}

// Sequence numbers that grow across every view of the page (microseconds since the epoch),
// so the kernel can drop a value older than one it has applied.
let lastSeq = 0;
function nextSeq() {
  lastSeq = Math.max(lastSeq + 1, Math.floor(now() * 1000));
  return lastSeq;
}

function injectStyle(doc) {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement("style");
  style.id = STYLE_ID;
  style.textContent = CSS;
  doc.head.append(style);
}

// Own colours (white, near-black text) so the view reads the same in light and dark themes;
// the focus ring is 3 px of #0b4f8a, 8.6:1 against the white background.
const CSS = `
.rp-explorer { background: #ffffff; color: #1a1a1a; border: 1px solid #b8b8b8;
  border-radius: 4px; padding: 0.6em 0.8em; margin: 0.8em 0; max-width: 44em;
  line-height: 1.4; font-size: 0.95rem; }
.rp-explorer * { box-sizing: border-box; }
.rp-explorer p { margin: 0.3em 0; }
.rp-explorer .rp-title { font-weight: 600; margin-top: 0; }
.rp-explorer .rp-note { font-style: italic; }
.rp-explorer .rp-row { display: flex; flex-wrap: wrap; gap: 0.4em 1.2em; align-items: center;
  margin: 0.35em 0; }
.rp-explorer .rp-control { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3em 0.6em; }
.rp-explorer .rp-slider { flex: 1 1 22em; }
.rp-explorer .rp-slider label { flex: 0 0 10.5em; }
.rp-explorer input[type=range] { flex: 1 1 9em; min-width: 8em; accent-color: #0b4f8a; }
.rp-explorer input[type=number] { width: 7.5em; }
.rp-explorer select, .rp-explorer input[type=number], .rp-explorer button {
  font: inherit; color: #1a1a1a; background: #ffffff; border: 1px solid #6b6b6b;
  border-radius: 3px; padding: 0.15em 0.4em; max-width: 100%; }
.rp-explorer button { cursor: pointer; }
.rp-explorer :disabled { color: #6b6b6b; background: #f2f2f2; }
.rp-explorer :focus-visible, .rp-explorer summary:focus { outline: 3px solid #0b4f8a;
  outline-offset: 2px; }
.rp-explorer fieldset { border: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap;
  gap: 0.2em 0.8em; }
.rp-explorer legend { float: left; margin-right: 0.6em; padding: 0; }
.rp-explorer .rp-output { min-width: 6em; font-variant-numeric: tabular-nums; }
.rp-explorer .rp-status { font-weight: 600; min-height: 1.4em; }
.rp-explorer .rp-status.rp-invalid { font-weight: normal; border-left: 4px solid #D55E00;
  padding-left: 0.6em; }
.rp-explorer .rp-figure { display: block; width: 100%; max-width: 640px; height: auto; }
.rp-explorer summary { display: list-item; list-style: disclosure-closed inside; cursor: pointer;
  width: fit-content; }
.rp-explorer details[open] > summary { list-style-type: disclosure-open; }
.rp-explorer ul { margin: 0.2em 0; padding-left: 1.4em; }
`;
