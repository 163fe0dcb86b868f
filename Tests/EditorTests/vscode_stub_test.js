#!/usr/bin/env node
// Runs editors/vscode/extension.js under Node with stand-ins for the `vscode` API and
// for `vscode-languageclient/node` (neither is installable here: no VS Code, no npm
// registry). The stand-in LanguageClient does what the real one does with these
// options at the protocol level: spawns `<renda.path> lsp --stdio` (TransportKind.stdio
// appends --stdio), sends initialize with the extension's initializationOptions, opens
// the seed as languageId `plaintext`, then asks for documentSymbol and hover.
// It checks the extension's wiring (command, selector, settings) and that the server
// accepts them; it does not test VS Code itself. Exits 1 on failure, bounded to 30 s.
//
// usage: node vscode_stub_test.js   (RENDA_BINARY: renda to run, default .build/debug/renda)
"use strict";

const assert = require("assert");
const child_process = require("child_process");
const fs = require("fs");
const Module = require("module");
const path = require("path");
const url = require("url");

const repo = path.resolve(__dirname, "../..");
let binary = process.env.RENDA_BINARY || ".build/debug/renda";
if (!path.isAbsolute(binary)) {
  binary = fs.existsSync(binary) ? path.resolve(binary) : path.join(repo, binary);
}
const seed = path.join(repo, "seeds/001_7cb29f78ffdd70e4.txt");

const watchdog = setTimeout(() => {
  console.log("FAIL vscode-stub: still running after 30 s");
  if (created && created.process) created.process.kill("SIGKILL");
  process.exit(1);
}, 30000);

// ---- the settings a user would have in settings.json
const settings = {
  path: binary,
  languages: ["plaintext", "markdown"],
  language: "zh",
  rules: { "ocr-spacing": "off" },
};

// ---- stand-in for the `vscode` module
const errors = [];
const registered = [];
const vscode = {
  workspace: {
    getConfiguration(section) {
      // No section: the whole configuration, as vscode-languageclient reads it to answer
      // workspace/configuration for the section "renda".
      if (section === undefined) return { get: (key, fallback) => (key === "renda" ? settings : fallback) };
      assert.strictEqual(section, "renda");
      return { get: (key, fallback) => (key in settings ? settings[key] : fallback) };
    },
    onDidChangeConfiguration: () => ({ dispose() {} }),
  },
  window: {
    createOutputChannel: (name) => ({ name, appendLine() {}, append() {}, show() {}, dispose() {} }),
    showErrorMessage: (message) => errors.push(message),
  },
  commands: {
    registerCommand: (name) => {
      registered.push(name);
      return { dispose() {} };
    },
  },
};

// ---- stand-in for `vscode-languageclient/node`: a minimal LSP client over stdio
let created;
class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, name, serverOptions, clientOptions });
    created = this;
  }
  start() {
    const run = this.serverOptions.run;
    const args = [...run.args, ...(run.transport === TransportKind.stdio ? ["--stdio"] : [])];
    this.process = child_process.spawn(run.command, args, { stdio: ["pipe", "pipe", "pipe"] });
    this.stderr = "";
    this.process.stderr.on("data", (d) => (this.stderr += d));
    this.process.stdin.on("error", () => {}); // EPIPE when the server dies; reported below
    this.exited = new Promise((resolve) =>
      this.process.on("exit", (code, signal) => resolve((this.exitCode = code === null ? signal : code)))
    );
    this.pending = new Map();
    this.notifications = [];
    this.configurationRequests = [];
    this.nextId = 1;
    let buffer = Buffer.alloc(0);
    this.process.stdout.on("data", (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        const length = Number(/Content-Length: *(\d+)/i.exec(buffer.slice(0, end).toString())[1]);
        if (buffer.length < end + 4 + length) return;
        const message = JSON.parse(buffer.slice(end + 4, end + 4 + length).toString("utf8"));
        buffer = buffer.slice(end + 4 + length);
        if (message.id !== undefined && !message.method && this.pending.has(message.id)) {
          this.pending.get(message.id)(message);
          this.pending.delete(message.id);
        } else if (message.method === "workspace/configuration") {
          // vscode-languageclient's ConfigurationFeature: a section without a dot is
          // workspace.getConfiguration(undefined, scopeUri).get(section).
          const items = (message.params && message.params.items) || [];
          const result = items.map((item) => vscode.workspace.getConfiguration(undefined).get(item.section, null));
          this.configurationRequests.push({ items, result, answeredAfter: this.notifications.length });
          this.send({ jsonrpc: "2.0", id: message.id, result });
        } else if (message.method && message.id !== undefined) {
          this.send({ jsonrpc: "2.0", id: message.id, result: null }); // e.g. registerCapability
        } else if (message.method) {
          this.notifications.push(message);
        }
      }
    });
    return new Promise((resolve, reject) => {
      this.process.on("error", reject);
      this.exited.then((code) => reject(new Error(`the server exited (${code}) before answering initialize`)));
      setTimeout(() => reject(new Error("no answer to initialize within 10 s")), 10000).unref();
      this.request("initialize", {
        processId: process.pid,
        clientInfo: { name: "vscode-stub" },
        rootUri: url.pathToFileURL(repo).href,
        capabilities: {
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
          textDocument: {
            hover: { contentFormat: ["markdown", "plaintext"] },
            documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          },
        },
        initializationOptions: this.clientOptions.initializationOptions,
      }).then((response) => {
        this.initializeResult = response.result;
        this.notify("initialized", {});
        resolve();
      }, reject);
    });
  }
  send(message) {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.process.stdin.write(body);
  }
  request(method, params) {
    const id = this.nextId++;
    this.send({ jsonrpc: "2.0", id, method, params });
    return new Promise((resolve) => this.pending.set(id, resolve));
  }
  notify(method, params) {
    this.send({ jsonrpc: "2.0", method, params });
  }
  async stop() {
    await this.request("shutdown", null);
    this.notify("exit", null);
    return this.exited;
  }
}
const TransportKind = { stdio: 0, ipc: 1, pipe: 2, socket: 3 };

const stubs = { vscode, "vscode-languageclient/node": { LanguageClient, TransportKind } };
const originalLoad = Module._load;
Module._load = function (request, parent, isMain) {
  if (request in stubs) return stubs[request];
  return originalLoad.call(this, request, parent, isMain);
};

function waitFor(what, ms, predicate) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const value = predicate();
      if (value) return resolve(value);
      if (Date.now() - started > ms) return reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}

async function main() {
  const passed = [];
  const ok = (what) => passed.push(what);
  if (!fs.existsSync(binary)) throw new Error(`${binary} does not exist (swift build, or set RENDA_BINARY)`);

  const extension = require(path.join(repo, "editors/vscode/extension.js"));
  const manifest = JSON.parse(fs.readFileSync(path.join(repo, "editors/vscode/package.json"), "utf8"));
  assert.deepStrictEqual(manifest.activationEvents, ["onLanguage:plaintext", "onLanguage:markdown"]);
  assert.ok(manifest.contributes.configuration.properties["renda.path"], "renda.path setting");
  assert.ok(manifest.dependencies["vscode-languageclient"], "vscode-languageclient dependency");
  for (const c of manifest.contributes.commands) assert.ok(c.command.startsWith("renda."));
  ok("package.json: activation on plaintext/markdown, renda.path, vscode-languageclient dependency");

  await extension.activate({ subscriptions: [] });
  assert.ok(errors.length === 0, `the extension showed an error: ${errors.join("; ")}`);
  assert.deepStrictEqual(registered.sort(), manifest.contributes.commands.map((c) => c.command).sort());
  ok("activate() registers the commands package.json declares");
  assert.strictEqual(created.serverOptions.run.command, binary);
  assert.deepStrictEqual(created.serverOptions.run.args, ["lsp"]);
  assert.strictEqual(created.serverOptions.run.transport, TransportKind.stdio);
  ok("server command is renda.path + lsp over stdio");
  assert.deepStrictEqual(created.clientOptions.documentSelector, [
    { scheme: "file", language: "plaintext" },
    { scheme: "file", language: "markdown" },
  ]);
  assert.strictEqual(created.clientOptions.synchronize.configurationSection, "renda");
  ok("document selector plaintext + markdown, settings section renda");
  assert.strictEqual(created.initializeResult.serverInfo.name, "renda");
  ok("`renda lsp --stdio` answers initialize as renda " + created.initializeResult.serverInfo.version);

  const uri = url.pathToFileURL(seed).href;
  created.notify("textDocument/didOpen", {
    textDocument: { uri, languageId: "plaintext", version: 1, text: fs.readFileSync(seed, "utf8") },
  });
  const published = await waitFor("diagnostics", 10000, () =>
    created.notifications.find((n) => n.method === "textDocument/publishDiagnostics" && n.params.uri === uri)
  );
  const codes = published.params.diagnostics.map((d) => d.code);
  assert.ok(codes.length > 0, "some diagnostics");
  assert.ok(!codes.includes("ocr-spacing"), `renda.rules turned ocr-spacing off, got ${codes}`);
  ok(`diagnostics for a plaintext document (${codes.length}), none from the rule renda.rules turns off`);

  // The server pulls the renda section (the client advertises workspace/configuration);
  // the answer carries the same rules, and diagnostics published after it still come.
  const pulled = await waitFor("a workspace/configuration request", 5000, () => created.configurationRequests[0]);
  assert.deepStrictEqual(pulled.items.map((i) => i.section), ["renda"]);
  assert.deepStrictEqual(pulled.result, [settings]);
  const after = await waitFor("diagnostics after the configuration answer", 10000, () =>
    created.notifications
      .slice(pulled.answeredAfter)
      .find((n) => n.method === "textDocument/publishDiagnostics" && n.params.uri === uri)
  );
  const codesAfter = after.params.diagnostics.map((d) => d.code);
  assert.ok(codesAfter.length > 0 && !codesAfter.includes("ocr-spacing"), `after the pull: ${codesAfter}`);
  ok(`workspace/configuration for renda answered with the settings; ${codesAfter.length} diagnostics after it`);

  const symbols = (await created.request("textDocument/documentSymbol", { textDocument: { uri } })).result;
  assert.strictEqual(symbols.length, 5);
  assert.strictEqual(symbols[0].name, "把党的领导贯穿于“四个机关”建设始终");
  ok("documentSymbol: 5 articles");

  const line = fs.readFileSync(seed, "utf8").split("\n")[8];
  const character = line.indexOf("四个机关"); // JS strings are UTF-16, like VS Code positions
  const hover = (await created.request("textDocument/hover", { textDocument: { uri }, position: { line: 8, character } }))
    .result;
  assert.ok(hover.contents.value.includes("政治机关"), hover.contents.value);
  ok(`hover at 9:${character} mentions 政治机关 (${hover.contents.kind})`);

  await Promise.race([extension.deactivate(), waitFor("the server to exit", 5000, () => false)]);
  assert.strictEqual(created.exitCode, 0);
  ok("deactivate() shuts the server down (exit 0)");

  for (const p of passed) console.log(`  ok   ${p}`);
  console.log(`vscode-stub: ${passed.length} passed, 0 failed`);
}

main().then(
  () => {
    clearTimeout(watchdog);
    process.exit(0);
  },
  (error) => {
    console.log(`  FAIL ${error && error.stack ? error.stack : error}`);
    if (created && created.stderr) console.log(`-- server stderr:\n${created.stderr}`);
    if (created && created.process) created.process.kill();
    console.log("vscode-stub: failed");
    process.exit(1);
  }
);
