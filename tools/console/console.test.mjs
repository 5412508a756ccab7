// The web console in Debian's headless Chromium, driven by playwright-core:
// an officer signs in, registers an agreement (a mistake first, its Chinese
// message read beside the field), adds a joint consultation under it and
// meets the conflict page from a second tab; a partner filters by two
// parties and a region and downloads the list; the English switch; the
// same registration with the keyboard alone. Every page passes axe-core
// with no serious or critical violation, no request leaves the service's
// origin, and every page is photographed at 1366×768 and 390×844 into
// artifacts/console/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium } from "playwright-core";

const base = process.env.REGISTRY_URL;
const login = process.env.CONSOLE_LOGIN;
const password = process.env.CONSOLE_PASSWORD;
const shots = join(process.env.ARTIFACTS_DIR ?? "../../artifacts", "console");
mkdirSync(shots, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const origin = new URL(base).origin;
const foreign = [];
let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    // launch() gives Chromium a fresh, empty user-data-dir of its own.
  });
});
after(async () => { await browser?.close(); });

async function newContext() {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  ctx.on("request", (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")) foreign.push(u);
  });
  return ctx;
}

// check runs axe-core on the page and photographs it at both sizes.
async function check(page, name) {
  // Evaluated through the DevTools protocol, which the page's CSP (rightly
  // refusing inline script) does not govern.
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), [], `axe on ${name}`);
  await page.screenshot({ path: join(shots, `${name}-1366x768.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(shots, `${name}-390x844.png`), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 768 });
}

async function signIn(page) {
  await page.goto(`${base}/console/sign-in`);
  await page.fill("#login", login);
  await page.fill("#password", password);
  await page.click("button.primary");
  await page.waitForURL(`${base}/`);
}

test("an officer registers an agreement, a consultation under it, and meets the conflict page", async () => {
  const ctx = await newContext();
  const page = await ctx.newPage();
  await page.goto(`${base}/console/sign-in`);
  await check(page, "sign-in");
  await signIn(page);
  await page.goto(`${base}/?year=2023`);
  await check(page, "home");

  await page.goto(`${base}/console/agreements/new`);
  await page.fill("#f-title_zh", "重庆市长寿区政协 重庆市渝北区政协 协作协议");
  await page.selectOption("#f-type", "cooperation");
  await page.selectOption("#f-status", "signed");
  await page.fill("#f-signed_on", "2023-02-30");
  await page.fill("[id='f-parties[1].organization_id']", "yubei-cppcc");
  await page.selectOption("[id='f-parties[0].role']", "signatory");
  await page.selectOption("[id='f-parties[1].role']", "signatory");
  await page.selectOption("[id='f-areas[0].area_code']", "joint-duty");
  await page.fill("[id='f-areas[0].label_zh']", "联合履职");
  await page.click("button[name=add][value=areas]");
  await page.selectOption("[id='f-areas[1].area_code']", "culture-tourism");
  await page.fill("[id='f-areas[1].label_zh']", "文旅交流");
  await page.click("button.primary");
  // The demo's Changshou–Pengzhou agreement has a similar title: the
  // possible duplicate is shown first, and the officer saves anyway.
  assert.match(await page.textContent("main"), /以下记录可能与此次登记相同/);
  await check(page, "agreement-form-duplicates");
  await page.click("button.primary");
  const message = page.locator("#e-signed_on");
  assert.match(await message.textContent(), /必须是 YYYY、YYYY-MM 或 YYYY-MM-DD 格式的有效日期/);
  await check(page, "agreement-form-error");
  await page.fill("#f-signed_on", "2023-06-01");
  await page.click("button.primary");
  await page.waitForURL(/\/console\/agreements\/[0-9a-f-]{36}$/);
  const agreementURL = page.url();
  assert.match(await page.textContent("main"), /文旅交流/);
  await check(page, "agreement");

  await page.click("a[href^='/console/consultations/new?agreement=']");
  await page.fill("#f-title_zh", "长寿区政协与渝北区政协联合协商");
  await page.fill("[id='f-participants[1].organization_id']", "yubei-cppcc");
  await page.selectOption("[id='f-participants[0].role']", "host");
  await page.selectOption("[id='f-participants[1].role']", "participant");
  await page.fill("#f-held_on", "2023-07");
  await check(page, "consultation-form");
  await page.click("button.primary");
  if (await page.locator("text=以下记录可能与此次登记相同").count()) await page.click("button.primary"); // the demo's 2023 consultation
  await page.waitForURL(/\/console\/consultations\/[0-9a-f-]{36}$/);
  await check(page, "consultation");

  // Two tabs edit the same version; the second meets the conflict page.
  const tabA = await ctx.newPage();
  const tabB = await ctx.newPage();
  await tabA.goto(`${agreementURL}/edit`);
  await tabB.goto(`${agreementURL}/edit`);
  await tabA.fill("#f-signed_place", "重庆市长寿区");
  await tabA.click("button.primary");
  await tabA.waitForURL(agreementURL);
  await tabB.fill("#f-signed_place", "重庆市渝北区");
  await tabB.click("button.primary");
  assert.match(await tabB.textContent("h1"), /记录已被他人修改/);
  await check(tabB, "conflict");
  await tabB.click("button.primary");
  await tabB.waitForURL(agreementURL);
  assert.match(await tabB.textContent("main"), /重庆市渝北区/);
  await ctx.close();
});

test("a partner filters by two parties and a region and downloads the list", async () => {
  const ctx = await newContext();
  const page = await ctx.newPage();
  await page.goto(`${base}/console/agreements`);
  await page.selectOption("#party", ["changshou-cppcc", "pengzhou-cppcc"]);
  await page.selectOption("#region", "510000");
  await page.click("form.filters button.primary");
  await page.waitForURL(/party=changshou-cppcc.*party=pengzhou-cppcc/);
  assert.match(await page.textContent("main"), /彭州市政协/);
  await check(page, "agreements-filtered");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("a[href*='/download?']")]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  for (const [path, name] of [["/console/consultations", "consultations"], ["/console/joint-actions", "joint-actions"],
    ["/console/organizations", "organizations"], ["/console/organizations/changshou-cppcc", "organization"],
    ["/console/regions", "regions"], ["/console/report?organization=changshou-cppcc&year=2023", "report"]]) {
    await page.goto(base + path);
    await check(page, name);
  }
  await page.click("main a[href^='/console/joint-actions/']").catch(() => {});
  await ctx.close();
});

test("the English switch", async () => {
  const ctx = await newContext();
  const page = await ctx.newPage();
  await page.goto(`${base}/?year=2023`);
  await page.click("a.lang");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.match(await page.textContent("nav"), /Agreements/);
  await check(page, "home-en");
  await page.goto(`${base}/console/agreements`);
  assert.match(await page.textContent("h1"), /Agreements/);
  await ctx.close();
});

// The keyboard-only helpers: they read which element has the focus, and
// act only through keys.
const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return { id: e?.id ?? "", href: e?.getAttribute("href") ?? "", name: e?.getAttribute("name") ?? "", value: e?.value ?? "",
    className: e?.className ?? "", tag: e?.tagName ?? "" };
});

// tabTo presses Tab (Shift+Tab when back) until the focused element
// matches, and fails when it never does.
async function tabTo(page, what, match, { back = false, max = 120 } = {}) {
  for (let i = 0; i < max; i++) {
    if (match(await focused(page))) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  assert.fail(`${what} cannot be reached with ${back ? "Shift+Tab" : "Tab"}`);
}
const byId = (id) => (f) => f.id === id;

// typeInto reaches a field with Tab and types into it, replacing what it held.
async function typeInto(page, id, text) {
  await tabTo(page, `#${id}`, byId(id));
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}

// choose reaches a select with Tab and moves through its options with the
// arrow keys until the value is chosen.
async function choose(page, id, value) {
  await tabTo(page, `#${id}`, byId(id));
  for (const key of ["ArrowDown", "ArrowUp"]) {
    for (let i = 0; i < 60; i++) {
      if ((await focused(page)).value === value) return;
      const before = (await focused(page)).value;
      await page.keyboard.press(key);
      if ((await focused(page)).value === before) break; // the end of the list
    }
  }
  assert.equal((await focused(page)).value, value, `#${id} reaches ${value} with the arrow keys`);
}

// submitWith presses Enter and waits for the answer's page.
async function submitWith(page, key = "Enter") {
  await Promise.all([page.waitForEvent("load"), page.keyboard.press(key)]);
}

// saveAnyway passes the possible-duplicates notice, when there is one,
// with the keyboard.
async function saveAnyway(page) {
  if (!(await page.locator("text=以下记录可能与此次登记相同").count())) return;
  await tabTo(page, "the save-anyway button", (f) => f.tag === "BUTTON" && f.className === "primary");
  await submitWith(page);
}

test("keyboard only: sign-in, an agreement with two areas, a mistake fixed, a consultation under it", async () => {
  const ctx = await newContext();
  const page = await ctx.newPage();
  // Every control below is reached and operated by keys alone: no click,
  // no element.click(), no navigation but this first page.
  await page.goto(`${base}/console/sign-in`);
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).className, "skip");
  await typeInto(page, "login", login);
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).id, "password");
  await page.keyboard.type(password);
  await Promise.all([page.waitForURL(`${base}/`), page.keyboard.press("Enter")]);

  await tabTo(page, "the agreements link", (f) => f.href === "/console/agreements");
  await Promise.all([page.waitForURL(`${base}/console/agreements`), page.keyboard.press("Enter")]);
  await tabTo(page, "the new-agreement link", (f) => f.href === "/console/agreements/new");
  await Promise.all([page.waitForURL(`${base}/console/agreements/new`), page.keyboard.press("Enter")]);

  const title = "重庆市长寿区政协 重庆市渝北区政协 键盘登记协议";
  await typeInto(page, "f-title_zh", title);
  await choose(page, "f-type", "cooperation");
  await choose(page, "f-status", "signed");
  await typeInto(page, "f-signed_on", "2023-13"); // the mistake: there is no 13th month
  await typeInto(page, "f-parties[1].organization_id", "yubei-cppcc");
  // Back to the first party's role, then on again.
  await tabTo(page, "the first party's role", byId("f-parties[0].role"), { back: true });
  await choose(page, "f-parties[0].role", "signatory");
  await choose(page, "f-parties[1].role", "signatory");
  await choose(page, "f-areas[0].area_code", "joint-duty");
  await typeInto(page, "f-areas[0].label_zh", "联合履职");
  // Another area row: the button posts the form, and the new row's first
  // field takes the focus.
  await tabTo(page, "the add-area button", (f) => f.name === "add" && f.value === "areas");
  await submitWith(page, "Space");
  // autofocus is applied at the next rendering step, which may come after
  // the load event.
  await page.waitForFunction(() => document.activeElement?.id === "f-areas[1].area_code", null, { timeout: 10000 })
    .catch(() => assert.fail("the new row does not take the focus"));
  assert.equal(await page.inputValue("#f-title_zh"), title, "adding a row keeps what was typed");
  await choose(page, "f-areas[1].area_code", "culture-tourism");
  await typeInto(page, "f-areas[1].label_zh", "文旅交流");
  // Enter in a field saves (it must not press a row's remove button).
  await submitWith(page);
  await saveAnyway(page);
  assert.equal(await page.locator("[id='f-areas[1].label_zh']").inputValue(), "文旅交流", "both areas are kept");
  const message = await page.textContent("#e-signed_on");
  assert.match(message, /必须是 YYYY、YYYY-MM 或 YYYY-MM-DD 格式的有效日期/);
  // The message belongs to its field: named by aria-describedby, inside
  // the field's group.
  const tie = await page.evaluate(() => {
    const field = document.getElementById("f-signed_on");
    const described = (field.getAttribute("aria-describedby") ?? "").split(/\s+/).map((id) => document.getElementById(id)?.textContent);
    return { described, invalid: field.getAttribute("aria-invalid"),
      sameGroup: field.closest(".field") === document.getElementById("e-signed_on").closest(".field") };
  });
  assert.ok(tie.described.some((t) => t && /有效日期/.test(t)), `aria-describedby of #f-signed_on names the message: ${tie.described}`);
  assert.equal(tie.invalid, "true");
  assert.ok(tie.sameGroup, "the message sits in the field's group");
  // The summary's link takes the keyboard to the field.
  await tabTo(page, "the summary's link to the date", (f) => f.href === "#f-signed_on");
  await page.keyboard.press("Enter");
  assert.equal((await focused(page)).id, "f-signed_on", "the summary link focuses the field");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("2023-06-01");
  await submitWith(page);
  await saveAnyway(page);
  await page.waitForURL(/\/console\/agreements\/[0-9a-f-]{36}$/);
  const agreementPath = new URL(page.url()).pathname;
  const main = await page.textContent("main");
  assert.match(main, /键盘登记协议/);
  assert.match(main, /联合履职/);
  assert.match(main, /文旅交流/);

  // A joint consultation under it.
  await tabTo(page, "the new-consultation link", (f) => f.href.startsWith("/console/consultations/new?agreement="));
  await Promise.all([page.waitForURL(/\/console\/consultations\/new\?agreement=/), page.keyboard.press("Enter")]);
  await typeInto(page, "f-title_zh", "长寿区政协与渝北区政协键盘登记的联合协商");
  await choose(page, "f-status", "held");
  await typeInto(page, "f-held_on", "2023-07");
  await typeInto(page, "f-participants[1].organization_id", "yubei-cppcc");
  await tabTo(page, "the first participant's role", byId("f-participants[0].role"), { back: true });
  await choose(page, "f-participants[0].role", "host");
  await choose(page, "f-participants[1].role", "participant");
  // Enter on a select does not submit: on to the save button.
  await tabTo(page, "the save button", (f) => f.tag === "BUTTON" && f.className === "primary");
  await submitWith(page);
  await saveAnyway(page);
  await page.waitForURL(/\/console\/consultations\/[0-9a-f-]{36}$/);
  assert.match(await page.textContent("main"), /键盘登记的联合协商/);
  assert.ok(await page.locator(`main a[href='${agreementPath}']`).count(), "the consultation links to its agreement");
  await check(page, "consultation-keyboard");
  await ctx.close();
});

test("no request left the service's origin", () => {
  assert.deepEqual(foreign, []);
});
