// Validates a GitHub Action's metadata (action.yml) against its published JSON schema, with the action-validator
// WebAssembly build from npm (actionlint checks workflows, not action.yml). Usage: node validate-action.mjs FILE...
import { validateAction } from "@action-validator/core";
import { readFileSync } from "node:fs";
let bad = 0;
for (const f of process.argv.slice(2)) {
  const state = validateAction(readFileSync(f, "utf8"));
  for (const e of state.errors) {
    console.log(`${f}: ${e.title}${e.path ? " at " + e.path : ""}${e.detail ? ": " + e.detail : ""}`);
    bad++;
  }
}
console.log(bad ? `${bad} problem(s)` : "action metadata: valid");
process.exit(bad ? 1 : 0);
