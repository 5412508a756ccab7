// Hostile text on every page of the web console, read from the DOM of
// Debian's headless Chromium. Every string of
// internal/console/testdata/hostile-texts.json (the list the Go tests
// read too) is stored, one record per string and kind, in every field a
// person can type — organisations, cooperation areas, agreements with
// their parties, areas, mechanisms and documents, consultations and joint
// actions with their outcomes, milestones, files, users and API keys —
// through the REST API with an admin key and through the console's admin
// forms. Then every page that shows them is opened and its DOM must show
// each string verbatim (as text or as the value of its form control) and
// inert: no dialog, no element only an injection would make, no script
// but the console's own, no request to another origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const base = process.env.REGISTRY_URL;
const adminKey = process.env.ADMIN_KEY;
const adminLogin = process.env.ADMIN_LOGIN;
const adminPassword = process.env.ADMIN_PASSWORD;
const login = process.env.CONSOLE_LOGIN;
const password = process.env.CONSOLE_PASSWORD;
const texts = JSON.parse(readFileSync(new URL("../../internal/console/testdata/hostile-texts.json", import.meta.url), "utf8"));
const origin = new URL(base).origin;
const year = new Date().getUTCFullYear();
// The hostile organisations sit in Dujiangyan, where the demo has none, so
// that a region filter lists exactly the hostile records.
const region = "510181";
// A 1×1 PNG, for the files.
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

const foreign = [];
const dialogs = [];
let browser;

before(async () => {
  assert.ok(texts.length > 0, "the hostile texts");
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});
after(async () => { await browser?.close(); });

async function api(method, path, body, headers = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { Authorization: `Bearer ${adminKey}`, ...(body instanceof Uint8Array ? {} : { "Content-Type": "application/json" }), ...headers },
    body: body === undefined ? undefined : body instanceof Uint8Array ? body : JSON.stringify(body),
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

async function newContext() {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  ctx.on("request", (req) => {
    const u = req.url();
    if (!u.startsWith(origin + "/") && !u.startsWith("data:") && !u.startsWith("blob:")) foreign.push(u);
  });
  ctx.on("page", (page) => page.on("dialog", async (d) => {
    dialogs.push(`${page.url()}: ${d.type()} ${d.message()}`);
    await d.dismiss();
  }));
  return ctx;
}

async function signIn(ctx, who, secret) {
  const page = await ctx.newPage();
  await page.goto(`${base}/console/sign-in`);
  await page.fill("#login", who);
  await page.fill("#password", secret);
  await Promise.all([page.waitForURL(`${base}/`), page.click("button.primary")]);
  return page;
}

// look opens a page and returns what its DOM shows: the text, the values
// of its form controls, and what only an injection would have made.
async function look(page, path) {
  const res = await page.goto(base + path);
  assert.equal(res.status(), 200, `${path} answers 200`);
  return page.evaluate(() => {
    const shown = [document.title, document.body.textContent];
    for (const el of document.querySelectorAll("input, textarea, select")) {
      if (el.tagName === "SELECT") for (const o of el.selectedOptions) shown.push(o.value, o.textContent);
      else shown.push(el.value);
    }
    const all = [...document.querySelectorAll("*")];
    const urlAttrs = ["href", "src", "action", "formaction", "data", "xlink:href"];
    return {
      shown: shown.join("\n"),
      scripts: [...document.querySelectorAll("script")].map((s) => s.src || `inline: ${s.textContent.slice(0, 60)}`),
      injected: [
        ...[...document.querySelectorAll('img[src="x"]')].map((e) => e.outerHTML),
        ...[...document.querySelectorAll("b")].filter((e) => e.textContent === "x").map((e) => e.outerHTML),
        ...all.filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).map((e) => e.outerHTML.slice(0, 120)),
        ...all.filter((e) => urlAttrs.some((a) => /^\s*javascript:/i.test(e.getAttribute(a) ?? ""))).map((e) => e.outerHTML.slice(0, 120)),
        ...[...document.querySelectorAll("iframe, object, embed, base, meta[http-equiv]")].map((e) => e.outerHTML.slice(0, 120)),
      ],
    };
  });
}

// inert fails on anything an injection could have made run.
function inert(path, dom) {
  const own = dom.scripts.filter((s) => !s.startsWith(`${origin}/console/assets/`));
  assert.deepEqual(own, [], `${path}: only the console's own scripts`);
  assert.deepEqual(dom.injected, [], `${path}: elements only an injection would make`);
}

// verbatim fails unless every string is shown exactly as stored.
function verbatim(path, dom, strings) {
  const missing = strings.filter((s) => !dom.shown.includes(s));
  assert.deepEqual(missing, [], `${path} shows every hostile text verbatim`);
}

async function visit(page, path, strings) {
  const dom = await look(page, path);
  inert(path, dom);
  verbatim(path, dom, strings);
  return dom;
}

const stored = { orgs: [], areas: [], agreements: [], consultations: [], jointActions: [], filenames: [], users: [], keys: [] };

test("hostile text is stored in every field a person can type", async () => {
  for (const [i, s] of texts.entries()) {
    const org = await api("POST", "/v1/organizations", {
      code: `hostile-org-${i}`, kind: "other", name_zh: s, name_en: s, short_name_zh: s, short_name_en: s, region_code: region,
    });
    stored.orgs.push(org);
    const area = await api("POST", "/v1/cooperation-areas", { code: `hostile-area-${i}`, name_zh: s, name_en: s });
    stored.areas.push(area);
    const a = await api("POST", "/v1/agreements", {
      ref_no: s, title_zh: s, title_en: s, type: "cooperation", status: "signed", signed_on: String(year), signed_place: s,
      summary_zh: s, summary_en: s,
      parties: [
        { organization_id: "changshou-cppcc", role: "signatory", signatory_name: s, signatory_title: s },
        { organization_id: org.code, role: "signatory", signatory_name: s, signatory_title: s },
      ],
      areas: [{ area_code: area.code, label_zh: s, label_en: s, description: s }],
      mechanisms: [{ kind: "joint_meeting", description: s }],
      documents: [{ title: s, url: `https://example.invalid/hostile-${i}.pdf`, language: "zh", kind: "full_text" }],
    });
    stored.agreements.push(a);
    const outcomes = [{ kind: "opinion", count: 3, description_zh: s, description_en: s }];
    stored.consultations.push(await api("POST", "/v1/consultations", {
      title_zh: s, title_en: s, topic_zh: s, topic_en: s, format: "meeting", held_on: String(year), location: s,
      agreement_id: a.id, status: "held", summary_zh: s, summary_en: s, outcomes,
      participants: [{ organization_id: "changshou-cppcc", role: "host" }, { organization_id: org.code, role: "participant" }],
    }));
    stored.jointActions.push(await api("POST", "/v1/joint-actions", {
      title_zh: s, title_en: s, theme_zh: s, theme_en: s, kind: "research", started_on: String(year), location: s,
      agreement_id: a.id, status: "ongoing", summary_zh: s, summary_en: s, outcomes,
      participants: [{ organization_id: "changshou-cppcc", role: "lead" }, { organization_id: org.code, role: "partner" }],
    }));
    // Due last year and still open: overdue, so the home page lists it too.
    await api("POST", `/v1/agreements/${a.id}/milestones`, {
      title_zh: s, title_en: s, description: s, responsible_organization_id: "changshou-cppcc", due_on: String(year - 1),
    });
    const file = await api("POST", `/v1/agreements/${a.id}/files?${new URLSearchParams({ title_zh: s, title_en: s, kind: "photo" })}`,
      new Uint8Array(png), { "Content-Type": "image/png", "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(s)}` });
    // The file name keeps only its last path element (registry.CleanFilename).
    stored.filenames.push(file.filename);
  }

  // Accounts and keys through the console's own admin forms.
  const ctx = await newContext();
  const page = await signIn(ctx, adminLogin, adminPassword);
  for (const [i, s] of texts.entries()) {
    for (const [path, form] of [
      ["/console/admin/users/new", { login: `hostile-${i}`, name: s, role: "reader", org: "changshou-cppcc" }],
      ["/console/admin/keys/new", { name: s, role: "reader", org: "changshou-cppcc" }],
    ]) {
      const res = await page.request.post(base + path, { form, headers: { Origin: origin } });
      assert.equal(res.status(), 200, `${path} ${JSON.stringify(form)}: ${await res.text()}`);
    }
  }
  await ctx.close();
});

test("every page shows the hostile text verbatim and inert", async () => {
  assert.equal(stored.agreements.length, texts.length, "the records were stored");
  const ctx = await newContext();
  const page = await signIn(ctx, adminLogin, adminPassword);
  const regionFilter = `region=${region}`;
  await visit(page, `/?year=${year}`, []);
  for (const path of ["/console/agreements", "/console/consultations", "/console/joint-actions"]) {
    await visit(page, `${path}?${regionFilter}`, texts);
    await visit(page, `${path}?${regionFilter}&from=${year}&to=${year}&party=changshou-cppcc`, texts);
  }
  await visit(page, `/console/agreements?${regionFilter}&area=hostile-area-0`, [texts[0]]);
  for (const [i, s] of texts.entries()) {
    await visit(page, `/console/agreements?q=${encodeURIComponent(s)}&party=hostile-org-${i}`, [s]);
  }
  await visit(page, `/console/organizations?${regionFilter}`, texts);
  await visit(page, "/console/regions", []);
  await visit(page, `/console/report?organization=changshou-cppcc&year=${year}`, texts);
  await visit(page, "/console/admin/organizations", texts);
  await visit(page, "/console/admin/areas", texts);
  await visit(page, "/console/admin/users", texts);
  await visit(page, "/console/admin/keys", texts);
  for (const [i, s] of texts.entries()) {
    const a = stored.agreements[i];
    await visit(page, `/console/agreements/${a.id}`, [s, stored.filenames[i]]);
    await visit(page, `/console/agreements/${a.id}/edit`, [s]);
    await visit(page, `/console/consultations/${stored.consultations[i].id}`, [s]);
    await visit(page, `/console/consultations/${stored.consultations[i].id}/edit`, [s]);
    await visit(page, `/console/joint-actions/${stored.jointActions[i].id}`, [s]);
    await visit(page, `/console/joint-actions/${stored.jointActions[i].id}/edit`, [s]);
    await visit(page, `/console/organizations/hostile-org-${i}`, [s]);
    await visit(page, `/console/admin/organizations/${stored.orgs[i].id}/edit`, [s]);
    await visit(page, `/console/admin/areas/hostile-area-${i}/edit`, [s]);
  }
  // The English pages show the English fields.
  await page.goto(`${base}/?lang=en`);
  for (const path of ["/console/agreements", "/console/consultations", "/console/joint-actions"]) {
    await visit(page, `${path}?${regionFilter}`, texts);
  }
  for (const [i, s] of texts.entries()) {
    await visit(page, `/console/agreements/${stored.agreements[i].id}`, [s]);
  }
  await ctx.close();

  // The officer's home: its latest agreements and the overdue milestones.
  const officer = await newContext();
  const home = await signIn(officer, login, password);
  const dom = await visit(home, `/?year=${year}`, []);
  const onHome = texts.filter((s) => s.length > 3 && dom.shown.includes(s));
  assert.ok(onHome.length > 0, "the officer's home shows some of the hostile records");
  await officer.close();
});

test("no dialog opened and no request left the service's origin", () => {
  assert.deepEqual(dialogs, []);
  assert.deepEqual(foreign, []);
});
