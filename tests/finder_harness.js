/* Runs the finder's real script (overrides/assets/javascripts/alliance.js) in Node against a
 * minimal stand-in for the DOM, so the fast tier can check what the script writes into a card
 * without a browser. Only what the finder touches is modelled; the browser tier checks the rest.
 *
 * Input on stdin: {script, data, municipality, siteRoot}. Output: the status text and, for each
 * card, the attributes and text of its fields.
 */
"use strict";

const vm = require("vm");

class Node {
  constructor(tag, attributes) {
    this.tagName = tag;
    this.attributes = Object.assign({}, attributes || {});
    this.children = [];
    this.parent = null;
    this.text = "";
    this.hidden = false;
  }
  getAttribute(name) { return name in this.attributes ? this.attributes[name] : null; }
  setAttribute(name, value) { this.attributes[name] = String(value); }
  hasAttribute(name) { return name in this.attributes; }
  removeAttribute(name) { delete this.attributes[name]; }
  set id(value) { this.setAttribute("id", value); }
  get id() { return this.getAttribute("id"); }
  get textContent() { return this.text + this.children.map((c) => c.textContent).join(""); }
  set textContent(value) { this.children = []; this.text = String(value); }
  get firstElementChild() { return this.children[0] || null; }
  appendChild(node) { node.parent = this; this.children.push(node); return node; }
  append(...nodes) { nodes.forEach((n) => this.appendChild(typeof n === "string" ? new Text(n) : n)); }
  insertBefore(node, before) {
    node.parent = this;
    this.children.splice(this.children.indexOf(before), 0, node);
    return node;
  }
  remove() { if (this.parent) { this.parent.children.splice(this.parent.children.indexOf(this), 1); } }
  replaceWith(text) { this.parent.children[this.parent.children.indexOf(this)] = new Text(text); }
  replaceChildren() { this.children = []; }
  addEventListener() {}
  cloneNode() {
    const copy = new Node(this.tagName, this.attributes);
    copy.text = this.text;
    this.children.forEach((c) => copy.appendChild(c.cloneNode()));
    return copy;
  }
  matches(selector) {  /* tag, [attr] or [attr='value'], as the finder writes them */
    const m = /^(\w*)(?:\[([\w-]+)(?:='([^']*)')?\])?$/.exec(selector);
    return Boolean(m) && (!m[1] || m[1] === this.tagName) && (!m[2] || (this.hasAttribute(m[2]) &&
      (m[3] === undefined || this.getAttribute(m[2]) === m[3])));
  }
  querySelectorAll(selector) {
    const found = [];
    const visit = (node) => node.children.forEach((c) => {
      if (c instanceof Node) { if (c.matches(selector)) { found.push(c); } visit(c); }
    });
    visit(this);
    if (this.content) { visit(this.content); }
    return found;
  }
  querySelector(selector) { return this.querySelectorAll(selector)[0] || null; }
}

class Text {
  constructor(text) { this.text = String(text); }
  get textContent() { return this.text; }
  cloneNode() { return new Text(this.text); }
}

function select(name, options, value) {
  const node = new Node("select", { name: name });
  node.options = options.map(([v, text]) => Object.assign(new Node("option", { value: v }), { value: v, text: text }));
  node.value = value;
  Object.defineProperty(node, "selectedIndex", { get() { return node.options.findIndex((o) => o.value === node.value); } });
  Object.defineProperty(node, "selectedOptions", { get() { return node.options.filter((o) => o.value === node.value); } });
  return node;
}

function cardTemplate() {
  const card = new Node("article");
  ["photo", "name", "title", "phone", "email", "vcard", "topics", "languages"].forEach((name) => {
    card.appendChild(new Node(name === "photo" ? "img" : "span", { "data-field": name }));
  });
  field(card, "title").appendChild(new Node("a", { "data-field": "employer" }));
  field(card, "vcard").appendChild(new Node("span", { "data-field": "vcard-name" }));
  const template = new Node("template", { "data-finder-card": "" });
  template.content = new Node("fragment");
  template.content.appendChild(card);
  return template;
}

function field(card, name) { return card.querySelector("[data-field='" + name + "']"); }

function finderRoot(input) {
  const root = new Node("div", { "data-finder": "", "data-finder-data": "konsulenter.json",
    "data-site-root": input.siteRoot });
  const form = root.appendChild(new Node("form", { "data-finder-form": "" }));
  form.elements = {
    kommune: select("kommune", [["", "Vælg"], ...input.municipalities], input.municipality),
    emne: select("emne", [["", "Alle emner"]], ""),
  };
  ["data-finder-heading", "data-finder-status", "data-finder-results", "data-finder-fallback"].forEach((name) => {
    root.appendChild(new Node("div", { [name]: "" }));
  });
  root.appendChild(cardTemplate());
  return root;
}

function described(card) {
  const out = {};
  ["photo", "name", "employer", "phone", "email", "vcard", "topics", "languages"].forEach((name) => {
    const node = field(card, name);
    out[name] = node && { attributes: node.attributes, text: node.textContent };
  });
  return out;
}

function run(input) {
  const root = finderRoot(input);
  const body = new Node("body");
  body.appendChild(root);
  body.contains = () => true;
  const document = {
    body: body,
    readyState: "complete",
    querySelectorAll: (selector) => body.querySelectorAll(selector),
    createElement: (tag) => new Node(tag),
    createTextNode: (text) => new Text(text),
  };
  const window = {
    location: { href: "https://example.org/find-konsulent/?kommune=" + input.municipality,
      search: "?kommune=" + input.municipality },
    history: { state: null, pushState() {} },
    addEventListener() {},
    requestAnimationFrame: (f) => setImmediate(f),
    setTimeout: setTimeout,
  };
  const fetch = () => Promise.resolve({ ok: true, json: () => Promise.resolve(input.data) });
  vm.runInNewContext(input.script, { window, document, fetch, URL, URLSearchParams, setTimeout });
  const results = root.querySelector("[data-finder-results]");
  const status = root.querySelector("[data-finder-status]");
  const finished = () => results.getAttribute("data-loaded") !== null;
  const wait = (resolve) => (finished() ? resolve() : setTimeout(() => wait(resolve), 1));
  return new Promise(wait).then(() => ({ status: status.textContent, cards: results.children.map(described) }));
}

let stdin = "";
process.stdin.on("data", (chunk) => { stdin += chunk; });
process.stdin.on("end", () => run(JSON.parse(stdin)).then((out) => console.log(JSON.stringify(out))));
