// Renda for VS Code: starts `renda lsp` through vscode-languageclient for plain
// text and Markdown files. See README.md for how this was (and wasn't) tested.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.OutputChannel | undefined} */
let output;

/** The settings the server reads: `initializationOptions` and `settings.renda`. */
function rendaOptions(config) {
  return {
    language: config.get("language", "zh"),
    rules: config.get("rules", {}),
  };
}

/** Builds (does not start) the client from the current `renda.*` settings. */
function createClient() {
  const config = vscode.workspace.getConfiguration("renda");
  const command = config.get("path") || "renda";
  const languages = config.get("languages", ["plaintext", "markdown"]);

  // TransportKind.stdio makes vscode-languageclient append `--stdio`: the server
  // runs `renda lsp --stdio`, which renda accepts (stdio is its only transport).
  const run = { command, args: ["lsp"], transport: TransportKind.stdio };
  const serverOptions = { run, debug: run };

  const clientOptions = {
    documentSelector: languages.map((language) => ({ scheme: "file", language })),
    initializationOptions: rendaOptions(config),
    // Sends workspace/didChangeConfiguration with { renda: {...} } when settings change.
    synchronize: { configurationSection: "renda" },
    outputChannel: output,
    traceOutputChannel: output,
  };
  return new LanguageClient("renda", "Renda", serverOptions, clientOptions);
}

async function startClient() {
  client = createClient();
  try {
    await client.start();
  } catch (error) {
    const command = vscode.workspace.getConfiguration("renda").get("path") || "renda";
    vscode.window.showErrorMessage(
      `Renda: could not start \`${command} lsp\` (${error && error.message ? error.message : error}). ` +
        "Put `renda` on PATH or set `renda.path` to its absolute path."
    );
  }
}

async function stopClient() {
  if (!client) return;
  const old = client;
  client = undefined;
  try {
    await old.stop();
  } catch (_) {
    // already stopped or never started
  }
}

async function restartClient() {
  await stopClient();
  await startClient();
}

async function activate(context) {
  output = vscode.window.createOutputChannel("Renda");
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("renda.restartServer", restartClient),
    vscode.commands.registerCommand("renda.showOutput", () => output && output.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("renda.path") || event.affectsConfiguration("renda.languages")) {
        restartClient();
      }
    })
  );
  await startClient();
}

function deactivate() {
  return stopClient();
}

module.exports = { activate, deactivate, createClient };
