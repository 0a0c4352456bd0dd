// End-to-end tests of `plainsight serve` in Debian's chromium (run.sh starts this):
// paste a draft and see its findings, step through them with the keyboard, re-check after
// editing, upload a DOCX, the same without JavaScript, sort the bodies table, and on every page:
// axe-core finds no violations, nothing is loaded from elsewhere, nothing is refused by the
// Content-Security-Policy, and the page fits a 320 CSS px wide screen.
// usage: node serve_e2e.js PLAINSIGHT FIXTURE SAMPLE.docx CHROMIUM
"use strict";

const { spawn, execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const puppeteer = require("puppeteer-core");

const [plainsight, fixture, sampleDocx, chromium] = process.argv.slice(2);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const DRAFT =
  "In order to apply for the grant, you must fill in the form. The form was completed by " +
  "the applicant. We will make a decision about your application in the near future.\n\n" +
  "Applications that are submitted after the closing date which is the last day of March " +
  "will not be considered by the committee unless there are exceptional circumstances that " +
  "the committee has been told about in writing before the closing date.";

let failures = 0;
let passes = 0;

function check(condition, what) {
  if (condition) {
    passes++;
    console.log("ok - " + what);
  } else {
    failures++;
    console.log("not ok - " + what);
  }
}

function startServer(db) {
  return new Promise((resolve, reject) => {
    const child = spawn(plainsight, ["serve", "--db", db, "--port", "0"], {
      stdio: ["ignore", "inherit", "pipe"],
    });
    let seen = "";
    const timer = setTimeout(() => reject(new Error("the server did not start: " + seen)), 60000);
    child.stderr.on("data", (chunk) => {
      seen += chunk.toString();
      const m = seen.match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1] });
      }
    });
    child.on("exit", (code) => reject(new Error("the server exited with " + code + ": " + seen)));
  });
}

// Watches a page for requests to anything but the server and for CSP refusals.
function watch(page, base) {
  const problems = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(base + "/") && !url.startsWith("data:")) {
      problems.push("external request: " + url);
    }
  });
  page.on("console", (message) => {
    if (message.type() === "error") {
      problems.push("console error: " + message.text());
    }
  });
  page.on("pageerror", (error) => problems.push("script error: " + error.message));
  page.on("requestfailed", (request) => {
    const why = request.failure() ? request.failure().errorText : "unknown";
    console.log("# request failed: " + request.method() + " " + request.url() + ": " + why);
  });
  return problems;
}

async function audit(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // Every rule axe-core runs by default: WCAG 2.0-2.2 A and AA and best practices.
    const r = await window.axe.run(document);
    return r.violations.map(
      (v) => v.id + " (" + v.impact + "): " + v.nodes.map((n) => n.target.join(" ")).join(", "),
    );
  });
  check(result.length === 0, "axe-core finds no violations on " + name +
    (result.length ? ": " + result.join("; ") : ""));
}

async function fitsPhone(browser, url, name) {
  const page = await browser.newPage();
  await page.setViewport({ width: 320, height: 640 });
  await page.goto(url, { waitUntil: "load" });
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    view: window.innerWidth,
  }));
  check(widths.page <= widths.view,
    name + " fits 320 CSS px (scroll width " + widths.page + ", viewport " + widths.view + ")");
  await page.close();
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plainsight-browser-"));
  const db = path.join(dir, "scan.db");
  execFileSync(fixture, [db], { stdio: "inherit" });
  const { child, base } = await startServer(db);
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
  });
  try {
    const page = await browser.newPage();
    // axe-core is injected by the test; the pages themselves run only their own script.
    await page.setBypassCSP(true);
    const problems = watch(page, base);

    // Paste a draft and see its findings, without leaving the page.
    await page.goto(base + "/", { waitUntil: "load" });
    await audit(page, "the draft checker");
    await page.type("#text", DRAFT);
    await page.click("#checker-form button[type=submit]");
    await page.waitForSelector("#results .finding", { timeout: 30000 });
    check(page.url() === base + "/", "the script checks the draft without leaving the page");
    const marks = await page.$$eval(".marked-text .finding", (els) => els.length);
    const items = await page.$$eval("#finding-list li", (els) => els.length);
    check(marks >= 3, "the draft's findings are marked in the text (" + marks + ")");
    check(items >= marks, "each finding is listed with its reason (" + items + " listed)");
    const listText = await page.$eval("#finding-list", (el) => el.textContent);
    check(/Wordy phrase/.test(listText) && /Try: to/.test(listText),
      "the wordy phrase comes with its plainer alternative");
    await audit(page, "the draft checker with results");

    // Step through the findings with the keyboard.
    await page.focus("#results-heading");
    await page.keyboard.press("n");
    let active = await page.evaluate(() => document.activeElement.id);
    check(active === "m1", "n moves to the first finding (" + active + ")");
    await page.keyboard.press("n");
    active = await page.evaluate(() => document.activeElement.id);
    const second = await page.$$eval(".marked-text .finding", (els) => els[1].id);
    check(active === second, "n again moves to the second finding (" + active + ")");
    await page.keyboard.press("p");
    active = await page.evaluate(() => document.activeElement.id);
    check(active === "m1", "p moves back to the first finding (" + active + ")");
    const stepStatus = await page.$eval("#step-status", (el) => el.textContent);
    check(/^Finding 1 of \d+/.test(stepStatus), "the step is announced: " + stepStatus);
    await page.click("#next-finding");
    active = await page.evaluate(() => document.activeElement.id);
    check(active === second, "the Next finding button steps too");

    // Re-check after editing.
    const before = await page.$$eval("#finding-list li", (els) => els.length);
    await page.focus("#text");
    await page.keyboard.press("End");
    await page.type("#text", " In the event that you need help, please do not hesitate to call.");
    await page.waitForFunction(
      () => /Checked again/.test(document.querySelector("#check-status").textContent),
      { timeout: 30000 });
    const after = await page.$$eval("#finding-list li", (els) => els.length);
    check(after > before, "editing re-checks the text (" + before + " then " + after + ")");

    // Upload a DOCX.
    await page.goto(base + "/", { waitUntil: "load" });
    const input = await page.$("#file");
    await input.uploadFile(path.resolve(sampleDocx));
    await page.click("#checker-form button[type=submit]");
    try {
      await page.waitForSelector("#results", { timeout: 30000 });
    } catch (error) {
      const said = await page.$eval("#check-status", (el) => el.textContent);
      throw new Error("no results after uploading a DOCX; the page says: " + said);
    }
    const uploaded = await page.$eval("#marked-text", (el) => el.textContent.trim().length);
    check(uploaded > 0, "an uploaded DOCX is checked and its text shown (" + uploaded + " chars)");

    // The dashboard: sort the bodies table.
    await page.goto(base + "/dashboard", { waitUntil: "load" });
    await audit(page, "the sector overview");
    const names = () =>
      page.$$eval("#bodies-table tbody tr", (rows) =>
        rows.map((r) => r.cells[0].getAttribute("data-sort-value")));
    await page.click("#bodies-table th[data-key=name] a.sort");
    const ascending = await names();
    check(JSON.stringify(ascending) === JSON.stringify([...ascending].sort()),
      "choosing Body sorts the table by name, ascending: " + ascending.join(" | "));
    check(await page.$eval("#bodies-table th[data-key=name]", (th) => th.getAttribute("aria-sort"))
      === "ascending", "the sorted column says so (aria-sort)");
    await page.click("#bodies-table th[data-key=name] a.sort");
    const descending = await names();
    check(JSON.stringify(descending) === JSON.stringify([...ascending].reverse()),
      "choosing it again sorts descending: " + descending.join(" | "));
    await page.click("#bodies-table th[data-key=index] a.sort");
    const indexes = await page.$$eval("#bodies-table tbody tr", (rows) =>
      rows.map((r) => r.cells[2].getAttribute("data-sort-value")).filter((v) => v !== "")
        .map(Number));
    check(indexes.every((v, i) => i === 0 || indexes[i - 1] <= v),
      "sorting by index orders the numbers: " + indexes.join(", "));
    check(page.url() === base + "/dashboard", "the script sorts in place");

    for (const [url, name] of [
      ["/dashboard/bodies/a", "a body's page"],
      ["/dashboard/scans", "the list of scans"],
      ["/api", "the API page"],
    ]) {
      await page.goto(base + url, { waitUntil: "load" });
      await audit(page, name);
    }
    check(problems.length === 0, "no external request, console error or CSP refusal" +
      (problems.length ? ": " + problems.join("; ") : ""));
    // Last, as its 404 status is logged as a console error.
    await page.goto(base + "/no-such-page", { waitUntil: "load" });
    await audit(page, "the not-found page");

    // Without JavaScript: the form posts to /check and the table headers are links.
    const plain = await browser.newPage();
    await plain.setJavaScriptEnabled(false);
    await plain.goto(base + "/", { waitUntil: "load" });
    await plain.type("#text", DRAFT);
    await Promise.all([plain.waitForNavigation(), plain.click("#checker-form button[type=submit]")]);
    check(plain.url() === base + "/check", "without JavaScript the form posts to /check");
    const plainMarks = await plain.$$eval(".marked-text .finding", (els) => els.length);
    check(plainMarks === marks, "and gets the same findings marked (" + plainMarks + ")");
    await plain.goto(base + "/dashboard", { waitUntil: "load" });
    await Promise.all([plain.waitForNavigation(),
      plain.click("#bodies-table th[data-key=name] a.sort")]);
    const serverSorted = await plain.$$eval("#bodies-table tbody tr", (rows) =>
      rows.map((r) => r.cells[0].getAttribute("data-sort-value")));
    check(JSON.stringify(serverSorted) === JSON.stringify([...serverSorted].sort()),
      "without JavaScript the header link sorts on the server");
    await plain.close();

    // A phone-sized screen.
    for (const [url, name] of [
      ["/", "the draft checker"],
      ["/dashboard", "the sector overview"],
      ["/dashboard/bodies/a", "a body's page"],
      ["/api", "the API page"],
    ]) {
      await fitsPhone(browser, base + url, name);
    }
  } finally {
    await browser.close();
    child.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(passes + " passed, " + failures + " failed");
  process.exit(failures === 0 ? 0 : 1);
}

main().catch((error) => {
  console.log("not ok - " + (error && error.stack ? error.stack : error));
  process.exit(1);
});
