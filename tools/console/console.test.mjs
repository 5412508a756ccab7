// The web console in Debian's headless Chromium, driven by playwright-core:
// an officer signs in, registers an agreement (a mistake first, its Chinese
// message read beside the field), adds a joint consultation under it and
// meets the conflict page from a second tab; a partner filters by two
// parties and a region and downloads the list; the English switch; a
// keyboard-only sign-in. Every page passes axe-core with no serious or
// critical violation, no request leaves the service's origin, and every
// page is photographed at 1366×768 and 390×844 into artifacts/console/.
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

test("keyboard only: skip link, sign-in and the first list", async () => {
  const ctx = await newContext();
  const page = await ctx.newPage();
  await page.goto(`${base}/console/sign-in`);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip");
  await page.focus("#login");
  await page.keyboard.type(login);
  await page.keyboard.press("Tab");
  await page.keyboard.type(password);
  await page.keyboard.press("Enter");
  await page.waitForURL(`${base}/`);
  let reached = false;
  for (let i = 0; i < 30 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => document.activeElement?.getAttribute("href") === "/console/agreements");
  }
  assert.ok(reached, "the agreements link is reachable with Tab");
  await page.keyboard.press("Enter");
  await page.waitForURL(`${base}/console/agreements`);
  await ctx.close();
});

test("no request left the service's origin", () => {
  assert.deepEqual(foreign, []);
});
