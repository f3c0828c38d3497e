// `make audit`'s Lighthouse: one Node process and one headless Chromium for every run, where the
// Lighthouse command line would start both again for each page (about 4 of its 11 seconds).
// Each run is what `lighthouse <url> --only-categories=... --output=json --output=html` does,
// with Lighthouse's own defaults (mobile, simulated throttling) in a fresh tab.
//
// It reads one request per line on stdin, as JSON: {"url", "output", "categories",
// "ignoreStatusCode"}; writes <output>.report.json and <output>.report.html; and answers on
// stdout with one JSON line: {"ok": true} or {"ok": false, "error": "..."}. Chromium is started
// again after a run that failed outside the page (it crashed, or stopped answering).
// Run by tests/audit/run_audit.py with CHROME_PATH and CHROME_FLAGS in its environment.

import {writeFile} from 'node:fs/promises';
import {createInterface} from 'node:readline';

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const chromeFlags = (process.env.CHROME_FLAGS || '').split(/\s+/).filter(Boolean);
let chrome = null;

async function browser() {
  if (!chrome) {
    chrome = await chromeLauncher.launch({chromePath: process.env.CHROME_PATH, chromeFlags});
  }
  return chrome;
}

async function restartBrowser() {
  const running = chrome;
  chrome = null;
  try {
    await running?.kill();
  } catch {
    // Already gone.
  }
}

async function audit(request) {
  const {port} = await browser();
  const result = await lighthouse(request.url, {
    port,
    output: ['json', 'html'],
    onlyCategories: request.categories,
    ignoreStatusCode: Boolean(request.ignoreStatusCode),
    logLevel: 'error',
  });
  if (!result) throw new Error('Lighthouse returned no result');
  await writeFile(`${request.output}.report.json`, result.report[0]);
  await writeFile(`${request.output}.report.html`, result.report[1]);
  const runtimeError = result.lhr.runtimeError;
  return runtimeError ?
    {ok: false, error: `${runtimeError.code}: ${runtimeError.message}`} :
    {ok: true};
}

const answer = (reply) => process.stdout.write(JSON.stringify(reply) + '\n');

for await (const line of createInterface({input: process.stdin})) {
  if (!line.trim()) continue;
  try {
    answer(await audit(JSON.parse(line)));
  } catch (error) {
    await restartBrowser();
    answer({ok: false, error: String(error?.message || error).split('\n')[0]});
  }
}
await restartBrowser();
